// Reading the Likert answer forms of the Partners and Surveys pages (radio groups 1..5) and turning the API's
// per-answer 422 problems (`errors[].path` like `/answers/trust_2`) into messages beside each question.
import { fail, type ActionFailure } from '@sveltejs/kit';
import type { Problem } from '$lib/types';
import { problemMessage } from './api';

export interface LikertForm<K extends string = string> {
  /** Question key -> 1..5; complete only when there are no field errors. */
  answers: Record<K, number>;
  /** Field name -> the value sent, to put back into the form after a refusal. */
  values: Record<string, string>;
  /** Field name -> message, for questions left out or answered out of range. */
  errors: Record<string, string>;
}

/** The answers of `keys`, each in the field `${prefix}${key}`. */
export function likertFromForm<K extends string>(form: FormData, keys: readonly K[], prefix: string): LikertForm<K> {
  const out: LikertForm<K> = { answers: {} as Record<K, number>, values: {}, errors: {} };
  for (const key of keys) {
    const name = `${prefix}${key}`;
    const raw = form.get(name);
    const value = typeof raw === 'string' ? raw.trim() : '';
    if (value) out.values[name] = value;
    const n = Number(value);
    if (!value) out.errors[name] = 'Choose an answer from 1 to 5.';
    else if (!Number.isInteger(n) || n < 1 || n > 5) out.errors[name] = 'Answer with a whole number from 1 to 5.';
    else out.answers[key] = n;
  }
  return out;
}

export interface AnswerFailure {
  form: string;
  message: string;
  code?: string;
  target?: string;
  /** Field name -> message. */
  errors: Record<string, string>;
  /** Field name -> value sent, so the radios keep their choice. */
  answers: Record<string, string>;
  values?: Record<string, string>;
}

/** A refusal found by the portal: some questions unanswered. */
export function unanswered(
  form: string,
  parsed: LikertForm,
  extra: { target?: string; values?: Record<string, string> } = {},
): ActionFailure<AnswerFailure> {
  const count = Object.keys(parsed.errors).length;
  return fail(400, {
    form,
    message: `Answer every question: ${count} ${count === 1 ? 'is' : 'are'} still open.`,
    errors: parsed.errors,
    answers: parsed.values,
    ...extra,
  });
}

/**
 * An API refusal of answers, with its per-answer errors beside the questions: `/spectrum/alternatives` ->
 * field `spectrum_alternatives`, `/answers/trust_2` -> `answer_trust_2` (the `fieldOf` mapping).
 */
export function answerFailure(
  form: string,
  problem: Partial<Problem> | undefined | null,
  parsed: LikertForm,
  fieldOf: (path: string) => string,
  extra: { target?: string; values?: Record<string, string> } = {},
): ActionFailure<AnswerFailure> {
  const status = problem?.status && problem.status >= 400 && problem.status < 600 ? problem.status : 400;
  const errors: Record<string, string> = {};
  for (const e of problem?.errors ?? []) errors[fieldOf(e.path)] = e.message;
  return fail(status, {
    form,
    message: problem?.code === 'invalid_answers' ? (problem.detail ?? 'Check the answers.') : problemMessage(problem),
    ...(problem?.code ? { code: problem.code } : {}),
    errors,
    answers: parsed.values,
    ...extra,
  });
}
