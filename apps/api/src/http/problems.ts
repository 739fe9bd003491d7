// Errors a handler throws on purpose. The error handler turns them into problem details.
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    /** Each invalid part of the request, when there are several to fix. */
    readonly errors?: { path: string; message: string }[],
    readonly extra: { reason?: string; retryAfterSeconds?: number } = {},
  ) {
    super(detail ?? title);
  }
}

export const notFound = (what: string) => new ApiProblem(404, 'not_found', 'Not found', `No ${what} with that id.`);
export const forbidden = (code: string, detail: string) => new ApiProblem(403, code, 'Forbidden', detail);
export const conflict = (code: string, detail: string) => new ApiProblem(409, code, 'Conflict', detail);
export const unauthorized = (code: string, detail: string) => new ApiProblem(401, code, 'Unauthorized', detail);
export const badRequest = (code: string, detail: string) => new ApiProblem(400, code, 'Bad request', detail);
export const gone = (code: string, detail: string) => new ApiProblem(410, code, 'Gone', detail);
