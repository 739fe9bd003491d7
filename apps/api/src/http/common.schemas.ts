// Schemas shared by every module: problem details, ids, pages.
import Type, { type Static, type TSchema } from 'typebox';

export const Problem = Type.Object(
  {
    type: Type.String({ description: 'A URI naming the kind of problem.' }),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String({ description: 'Stable machine-readable code, e.g. `validation_failed`.' }),
    detail: Type.Optional(Type.String({ description: 'What went wrong and what to fix.' })),
    instance: Type.Optional(Type.String()),
    reason: Type.Optional(
      Type.String({ description: 'A finer machine-readable cause, e.g. why a password was refused (`common`).' }),
    ),
    errors: Type.Optional(
      Type.Array(Type.Object({ path: Type.String(), message: Type.String() }, { additionalProperties: false }), {
        description: 'Each invalid part of the request.',
      }),
    ),
  },
  { $id: 'Problem', title: 'Problem', description: 'RFC 9457 problem details.' },
);
export type Problem = Static<typeof Problem>;

export const ProblemRef = Type.Ref('Problem');

/** Every route answers its errors as problem details. */
export const problemResponses = { '4XX': ProblemRef, '5XX': ProblemRef } as const;

export const Uuid = Type.String({ format: 'uuid' });
export const Timestamp = Type.String({ format: 'date-time' });

export const PageQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 200, description: 'From `nextCursor` of the previous page.' })),
  },
  { additionalProperties: false },
);

export function Page<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    nextCursor: Type.Union([Type.String(), Type.Null()], { description: 'Null on the last page.' }),
  });
}

export const strict = { additionalProperties: false } as const;

/** For endpoints whose body is optional: no body validates as an empty object. */
export function emptyBodyAsObject(request: { body: unknown }, _reply: unknown, done: () => void) {
  request.body ??= {};
  done();
}
