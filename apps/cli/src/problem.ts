// A refusal from the server as the CLI reads it: RFC 9457 problem details, or one made up from the status
// when the answer is not Accord's (a proxy's HTML page, an empty body).
import type { Schemas } from '@accord/api-client';

/**
 * Accord's problem details, the fields the CLI prints. `errors` stays loose: the same reader handles
 * answers from whatever stands between the pipeline and Accord.
 */
export type Problem = Pick<Schemas['Problem'], 'status' | 'code' | 'title' | 'detail'> & { errors?: unknown[] };

export class ApiError extends Error {
  constructor(
    readonly problem: Problem,
    readonly retryAfterMs: number | null = null,
  ) {
    super(`${problem.code}: ${problem.detail ?? problem.title}`);
    this.name = 'ApiError';
  }
}
