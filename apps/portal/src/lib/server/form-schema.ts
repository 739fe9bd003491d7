// Form actions read their fields through a valibot schema: the schema says what each field must be and with
// which message, and a refusal answers the form's failure with that message beside each field (`errors`).
import { fail, type ActionFailure } from '@sveltejs/kit';
import * as v from 'valibot';
import { newPasswordProblem } from '../passwords';
import type { FormFailure } from './problems';

/** A schema of a form's fields (an object of field schemas, optionally piped through cross-field checks). */
export type FormSchema = v.GenericSchema<Record<string, unknown>, Record<string, unknown>> & {
  readonly entries: v.ObjectEntries;
};

export interface ReadFormOptions {
  /**
   * Fields whose submitted values go back into the form after a refusal (never passwords), or a function
   * that says how to send them back.
   */
  values?: readonly string[] | ((formData: FormData) => Record<string, string>);
  /** The sentence above the form; by default the first field's message. */
  message?: string;
  /** The row, for per-row forms. */
  target?: string;
  /** For per-row forms: the field naming the row (its value becomes `target` when it has one). */
  targetField?: string;
  code?: string;
}

export type ReadForm<S extends FormSchema> =
  | { ok: true; data: v.InferOutput<S>; values: Record<string, string>; formData: FormData }
  | { ok: false; failure: ActionFailure<FormFailure>; values: Record<string, string>; formData: FormData };

/** Whether a field takes every value of its name (checkbox groups, repeated inputs) rather than the first. */
function takesList(entry: v.GenericSchema): boolean {
  let schema = entry as v.GenericSchema & { wrapped?: v.GenericSchema };
  while (schema.wrapped) schema = schema.wrapped;
  return schema.type === 'array';
}

/** The schema's input from FormData: a missing field is '' (as an empty input), files stay files. */
function formInput(formData: FormData, entries: v.ObjectEntries): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [name, entry] of Object.entries(entries)) {
    input[name] = takesList(entry) ? formData.getAll(name) : (formData.get(name) ?? '');
  }
  return input;
}

function keptValues(formData: FormData, names: ReadFormOptions['values'] = []): Record<string, string> {
  if (typeof names === 'function') return names(formData);
  const values: Record<string, string> = {};
  for (const name of names) {
    const all = formData.getAll(name).filter((x): x is string => typeof x === 'string');
    values[name] = all.map((x) => x.trim()).join(',');
  }
  return values;
}

/** The issue's field: its path's keys joined by dots (`sections.0.title`), '' for the form as a whole. */
function issueField(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? []).map((item) => String(item.key)).join('.');
}

/** Each field's first message. */
export function issueErrors(issues: readonly v.BaseIssue<unknown>[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const name = issueField(issue);
    if (name && !(name in errors)) errors[name] = issue.message;
  }
  return errors;
}

/** A refusal found by a schema: the first message above the form, each field's beside it. */
export function schemaFailure(
  form: string,
  issues: readonly v.BaseIssue<unknown>[],
  options: Omit<ReadFormOptions, 'values' | 'targetField'> & { values?: Record<string, string> } = {},
): ActionFailure<FormFailure> {
  const { message, values, target, code } = options;
  return fail(400, {
    form,
    message: message ?? issues[0]?.message ?? 'Check the form.',
    errors: issueErrors(issues),
    ...(values && Object.keys(values).length ? { values } : {}),
    ...(target !== undefined ? { target } : {}),
    ...(code ? { code } : {}),
  });
}

/** Reads an action's form against `schema`: its typed fields, or the form's failure with a message per field. */
export async function readForm<S extends FormSchema>(
  event: { request: Request },
  form: string,
  schema: S,
  options: ReadFormOptions = {},
): Promise<ReadForm<S>> {
  const formData = await event.request.formData();
  return checkForm(formData, form, schema, options);
}

/** As readForm, for FormData already read. */
export function checkForm<S extends FormSchema>(
  formData: FormData,
  form: string,
  schema: S,
  options: ReadFormOptions = {},
): ReadForm<S> {
  const { values: keep, targetField, ...rest } = options;
  const values = keptValues(formData, keep);
  const result = v.safeParse(schema, formInput(formData, schema.entries));
  if (result.success) return { ok: true, data: result.output, values, formData };
  const row = targetField ? formData.get(targetField) : null;
  const target = typeof row === 'string' && row.trim() ? row.trim() : rest.target;
  const failure = schemaFailure(form, result.issues, { ...rest, values, ...(target ? { target } : {}) });
  return { ok: false, failure, values, formData };
}

// Field schemas for form inputs. Inputs arrive as strings ('' when left empty or missing).

/** A text input, trimmed; '' when left empty. */
export const text = () => v.pipe(v.string(), v.trim());

/** A text input that must be filled in. */
export const required = (message: string) => v.pipe(v.string(), v.trim(), v.nonEmpty(message));

/** A text input that may be left empty: its trimmed value, or undefined. */
export const optionalText = () =>
  v.pipe(
    v.string(),
    v.trim(),
    v.transform((value) => (value === '' ? undefined : value)),
  );

/** A password or other secret: taken as typed, never trimmed. */
export const secret = () => v.string();

/** A checkbox: on when sent at all. */
export const checkbox = () =>
  v.pipe(
    v.union([v.string(), v.file()]),
    v.transform((value) => value !== ''),
  );

/** One of a fixed set of values (a select or radio group). */
export const choice = <const T extends readonly string[]>(options: T, message: string) =>
  v.pipe(v.string(), v.trim(), v.picklist(options, message));

/** Every value of a repeated input (a checkbox group), trimmed. */
export const list = () => v.array(v.pipe(v.string(), v.trim()));

/** A date input (YYYY-MM-DD). */
export const day = (message: string) => v.pipe(v.string(), v.trim(), v.isoDate(message));

/** A date input that may be left empty ('' then). */
export const optionalDay = (message: string) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.check((value) => value === '' || v.is(v.pipe(v.string(), v.isoDate()), value), message),
  );

/** An id in a hidden input. */
export const uuid = (message: string) => v.pipe(v.string(), v.trim(), v.uuid(message));

/** A file input with a file chosen. */
export const file = (message: string) =>
  v.pipe(
    v.union([v.file(), v.string()], message),
    v.check((value): value is File => value instanceof File && value.size > 0, message),
    v.transform((value) => value as File),
  );

/** A code from an authenticator app: six digits, spaces allowed. */
export const authenticatorCode = (message: string) =>
  v.pipe(
    text(),
    v.transform((code) => code.replace(/\s+/g, '')),
    v.regex(/^\d{6}$/, message),
  );

/** A new password, held to the policy's length (the API checks the rest and answers `weak_password`). */
export const newPassword = () =>
  v.pipe(
    v.string(),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      // the confirmation is compared with it by each form's schema
      const problem = newPasswordProblem(dataset.value, dataset.value);
      if (problem) addIssue({ message: problem });
    }),
  );

export const passwordsDiffer = 'The two passwords do not match.';
