import { insightAudiences } from '@accord/db';
import Type from 'typebox';
import { strict, Timestamp, Uuid } from '../../http/common.schemas.ts';
import { DatasetName } from '../api-keys/api-keys.schemas.ts';

export const InsightParams = Type.Object({ networkId: Uuid, insightId: Uuid }, strict);
const FirmRef = Type.Object({ id: Uuid, name: Type.String() });
const Author = Type.Object({
  firm: FirmRef,
  user: Type.Union([Type.Object({ id: Uuid, name: Type.String() }), Type.Null()], {
    description: 'Null when the author is not someone you can see.',
  }),
});
const Markdown = Type.String({ description: 'Markdown as written.' });
const Html = Type.String({ description: 'The Markdown rendered to sanitised HTML (no scripts, styles or images).' });

export const InsightComment = Type.Object({
  id: Uuid,
  author: Author,
  body: Markdown,
  bodyHtml: Html,
  createdAt: Timestamp,
});

export const Insight = Type.Object(
  {
    id: Uuid,
    networkId: Uuid,
    author: Author,
    title: Type.String(),
    body: Markdown,
    bodyHtml: Html,
    tags: Type.Array(Type.String()),
    dataset: Type.Union([DatasetName, Type.Null()]),
    segment: Type.Union([Type.String(), Type.Null()], { description: 'The joint segment it is about, by name.' }),
    audience: Type.Enum([...insightAudiences], {
      description: 'network: every active member; firms: the chosen readers (and the author firm).',
    }),
    readers: Type.Array(FirmRef),
    comments: Type.Array(InsightComment),
    createdAt: Timestamp,
  },
  { $id: 'Insight' },
);

export const CreateInsightBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    body: Type.String({ minLength: 1, maxLength: 20_000, description: 'Markdown.' }),
    tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 20 })),
    dataset: Type.Optional(DatasetName),
    segment: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'A segment of the network’s joint scheme.' }),
    ),
    audience: Type.Enum([...insightAudiences]),
    readerFirmIds: Type.Optional(
      Type.Array(Uuid, { maxItems: 100, description: 'With audience firms: the member firms that may read it.' }),
    ),
  },
  strict,
);

export const CommentBody = Type.Object({ body: Type.String({ minLength: 1, maxLength: 5000 }) }, strict);
export const InsightListQuery = Type.Object(
  {
    tag: Type.Optional(Type.String({ maxLength: 40 })),
    segment: Type.Optional(Type.String({ maxLength: 100, description: 'Only insights about this joint segment.' })),
  },
  strict,
);
