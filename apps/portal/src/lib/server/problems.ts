// API problems (RFC 9457) as the portal shows them: a sentence above the form, each field's message beside
// it, or the error page for a load.
import { error, fail, type ActionFailure } from '@sveltejs/kit';
import type { Problem } from '../types';

export function problemOf(status: number, detail: string, code = 'portal_error'): Problem {
  return { type: 'about:blank', title: 'Error', status, code, detail };
}

/** A schema error as a sentence: `body/email` + `must match format "email"` → "email must be a valid email address". */
function fieldError(error: { path: string; message: string }): string {
  const field = pathField(error.path) || 'the request';
  return `${field} ${plainMessage(error.message)}`;
}

/** The API's schema messages in the portal's words. */
function plainMessage(message: string): string {
  return message
    .replace(/^must match format "email"$/, 'must be a valid email address')
    .replace(/^must match format "date"$/, 'must be a day (YYYY-MM-DD)');
}

/** The sentence to show for an API problem: its detail (or, for schema errors, each field's), else its title. */
export function problemMessage(problem: Partial<Problem> | undefined | null): string {
  if (!problem) return 'Something went wrong. Try again.';
  if (problem.code === 'validation_failed' && problem.errors?.length) {
    const sentence = problem.errors.map(fieldError).join('; ');
    return sentence.charAt(0).toUpperCase() + sentence.slice(1) + '.';
  }
  return problem.detail || problem.title || 'Something went wrong. Try again.';
}

/**
 * Problems about one field that carry no `errors[]`, and the field they are about (by the API's name for it;
 * a form whose input is named otherwise maps it with `fieldOf`).
 */
const problemFields: Record<string, string> = {
  weak_password: 'password',
  expiry_in_past: 'expiresAt',
  reason_required: 'reason',
};

/**
 * The API's path of an invalid part as a field name: `body/name`, `querystring/name` and `/name` → `name`,
 * `body/sections/0/title` → `sections.0.title`.
 */
export function pathField(path: string): string {
  return path
    .replace(/^\/?(body|querystring)(\/|$)/, '')
    .replace(/^\//, '')
    .replace(/\//g, '.');
}

/** Maps the API's field names (see `pathField`) to the form's; null leaves the message out of `errors`. */
export type FieldOf = Record<string, string> | ((field: string) => string | null);

/** Each field's message from an API problem, keyed by the form's field names. */
export function problemErrors(
  problem: Partial<Problem> | undefined | null,
  fieldOf: FieldOf = {},
  message?: string,
  codeFields: Record<string, string> = {},
): Record<string, string> {
  const rename = (name: string) => (typeof fieldOf === 'function' ? fieldOf(name) : (fieldOf[name] ?? name));
  const errors: Record<string, string> = {};
  const add = (name: string, text: string) => {
    const field = rename(name);
    if (!field) return;
    const capitalised = text.charAt(0).toUpperCase() + text.slice(1);
    const sentence = /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
    errors[field] = errors[field] ? `${errors[field]}; ${sentence}` : sentence;
  };
  for (const e of problem?.errors ?? []) {
    const name = pathField(e.path);
    const missing = /^missing required field\(s\): (.+)$/.exec(e.message);
    if (missing) {
      for (const each of missing[1]!.split(', ')) add(name ? `${name}.${each}` : each, 'required');
    } else if (name) add(name, plainMessage(e.message));
  }
  const single = problem?.code ? (codeFields[problem.code] ?? problemFields[problem.code]) : undefined;
  if (single && !problem?.errors?.length) add(single, message ?? problemMessage(problem));
  return errors;
}

export interface FormFailure {
  /** Which form on the page failed, so the message appears next to it. */
  form: string;
  message: string;
  code?: string;
  /** Field values to put back into the form (never passwords). */
  values?: Record<string, string>;
  /** The row the form belongs to, for per-row forms. */
  target?: string;
  /** Per-field messages, keyed by the form field's name (see `FieldError`). */
  errors?: Record<string, string>;
}

/**
 * An action failure carrying an API problem, for showing next to the form that caused it, with the problem's
 * per-field messages beside their fields (`fieldOf` maps the API's names to the form's).
 */
export function failWith(
  form: string,
  problem: Partial<Problem> | undefined | null,
  extra: Omit<FormFailure, 'form' | 'message' | 'code' | 'errors'> & {
    /** Renames the API's field names to the form's. */
    fieldOf?: FieldOf;
    /** Problems about one field without `errors[]`, by code: which field of the form they are about. */
    codeFields?: Record<string, string>;
    /** The sentence to show instead of the problem's own. */
    message?: string;
  } = {},
): ActionFailure<FormFailure> {
  const { fieldOf, codeFields, message, ...rest } = extra;
  const status = problem?.status && problem.status >= 400 && problem.status < 600 ? problem.status : 400;
  const errors = problemErrors(problem, fieldOf, message, codeFields);
  return fail(status, {
    form,
    message: message ?? problemMessage(problem),
    ...(problem?.code ? { code: problem.code } : {}),
    ...rest,
    ...(Object.keys(errors).length ? { errors } : {}),
  });
}

/** A load's failure from an API problem: the error page with the problem's detail, else `fallback`. */
export function fail500(problem: Partial<Problem> | null | undefined, fallback: string, notFound?: string): never {
  error(problem?.status ?? 500, {
    message: notFound && problem?.status === 404 ? notFound : (problem?.detail ?? problem?.title ?? fallback),
    ...(problem?.code ? { code: problem.code } : {}),
  });
}

/** A failure found by the portal itself before calling the API (a missing field, say). */
export function invalid(
  form: string,
  message: string,
  extra: Omit<FormFailure, 'form' | 'message'> = {},
): ActionFailure<FormFailure> {
  return fail(400, { form, message, ...extra });
}
