// Every error leaves the API as RFC 9457 problem details with a stable `code`.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { databaseErrorOf, databaseUnavailable } from '@accord/db';
import fp from 'fastify-plugin';
import type { Problem } from '../http/common.schemas.ts';
import { ApiProblem } from '../http/problems.ts';

const titles: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  408: 'Request timeout',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

/** SQLSTATE of a statement cancelled, here by the API pool's statement_timeout. */
const QUERY_CANCELED = '57014';

/**
 * Data exceptions only a request's own values cause, which the schemas let through: a NUL character in a
 * text (PostgreSQL stores none), a date PostgreSQL cannot hold (year 0). Others of their class (division
 * by zero, numeric overflow) are ours, and stay 500.
 */
const VALUE_REFUSED: Record<string, string> = {
  '22021': 'Text may not contain NUL characters.',
  '22P05': 'Text may not contain NUL characters.',
  '22007': 'A date or time is not one the database can read.',
  '22008': 'A date or time is out of range (years 1 to 9999).',
};

/** What a client waiting out a database restart is told to wait. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

// Fastify's and its plugins' own error codes, mapped to ours.
const frameworkCodes: Record<string, { code: string; detail?: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'malformed_json', detail: 'The body is not valid JSON.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'malformed_json', detail: 'The body is empty but declared as JSON.' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'body_too_large', detail: 'The body is larger than this endpoint accepts.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported_media_type',
    detail: 'This endpoint does not accept that Content-Type.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'invalid_content_length' },
  FST_JWT_NO_AUTHORIZATION_IN_HEADER: {
    code: 'token_missing',
    detail: 'Send an access token as `Authorization: Bearer <token>`.',
  },
  FST_JWT_AUTHORIZATION_TOKEN_EXPIRED: {
    code: 'token_expired',
    detail: 'The access token has expired; refresh it with POST /v1/auth/refresh.',
  },
  FST_JWT_AUTHORIZATION_TOKEN_INVALID: { code: 'token_invalid', detail: 'The access token is not valid.' },
  FST_JWT_AUTHORIZATION_TOKEN_UNTRUSTED: { code: 'token_invalid', detail: 'The access token is not trusted.' },
  FST_JWT_BAD_REQUEST: { code: 'token_invalid', detail: 'The Authorization header is malformed.' },
  FST_JWT_BAD_COOKIE_REQUEST: { code: 'token_invalid', detail: 'The token cookie is malformed.' },
};

export function problem(status: number, code: string, detail?: string, extra: Partial<Problem> = {}): Problem {
  return {
    type: `urn:accord:problem:${code}`,
    title: titles[status] ?? 'Error',
    status,
    code,
    ...(detail ? { detail } : {}),
    ...extra,
  };
}

export function sendProblem(reply: FastifyReply, body: Problem) {
  return reply.status(body.status).type('application/problem+json').send(body);
}

function toProblem(error: FastifyError, request: FastifyRequest): Problem {
  const instance = request.url.split('?')[0];
  if (error instanceof ApiProblem) {
    return {
      ...problem(error.status, error.code, error.detail, {
        instance,
        ...(error.errors ? { errors: error.errors } : {}),
        ...(error.extra.reason ? { reason: error.extra.reason } : {}),
      }),
      title: error.title,
    };
  }
  if (error.validation) {
    // A rejected unknown field also fails its `false` subschema: report it once, as unknown.
    const details = error.validation.filter((v) => v.message !== 'schema is false');
    const errors = details.map((v) => {
      const missing = (v.params as { requiredProperties?: string[]; missingProperty?: string } | undefined) ?? {};
      const extraProperty =
        (v.params as { additionalProperties?: string[]; additionalProperty?: string } | undefined) ?? {};
      const base = `${error.validationContext ?? 'body'}${v.instancePath ?? ''}`;
      if (v.keyword === 'required') {
        const names = missing.requiredProperties ?? (missing.missingProperty ? [missing.missingProperty] : []);
        return { path: base, message: `missing required field(s): ${names.join(', ')}` };
      }
      if (v.keyword === 'additionalProperties') {
        const names =
          extraProperty.additionalProperties ??
          (extraProperty.additionalProperty ? [extraProperty.additionalProperty] : []);
        return { path: base, message: `unknown field(s): ${names.join(', ')}` };
      }
      return { path: base, message: v.message ?? 'is invalid' };
    });
    return problem(400, 'validation_failed', 'The request does not match the schema; see `errors`.', {
      instance,
      errors,
    });
  }
  if (databaseUnavailable(error)) {
    const detail = 'The database cannot be reached just now; retry after `Retry-After` seconds.';
    return problem(503, 'database_unavailable', detail, { instance });
  }
  const refusedValue = VALUE_REFUSED[databaseErrorOf(error)?.code ?? ''];
  if (refusedValue) return problem(400, 'invalid_value', refusedValue, { instance });
  if (databaseErrorOf(error)?.code === QUERY_CANCELED) {
    const detail = 'The request ran longer than the API allows and was stopped; narrow it, or retry later.';
    return problem(503, 'query_timeout', detail, { instance });
  }
  const mapped = error.code ? frameworkCodes[error.code] : undefined;
  const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
  if (mapped) return problem(status, mapped.code, mapped.detail ?? error.message, { instance });
  if (status === 429) return problem(429, 'rate_limited', error.message, { instance });
  if (status < 500) return problem(status, 'bad_request', error.message, { instance });
  return problem(500, 'internal_error', 'Something went wrong on our side; the request id is in x-request-id.', {
    instance,
  });
}

export const problemsPlugin = fp(
  (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const body = toProblem(error, request);
      if (error instanceof ApiProblem && error.extra.retryAfterSeconds !== undefined) {
        reply.header('retry-after', String(error.extra.retryAfterSeconds));
      }
      if (body.code === 'database_unavailable') reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
      if (body.status >= 500) request.log.error({ err: error }, 'request failed');
      else request.log.info({ code: body.code }, 'request refused');
      return sendProblem(reply, body);
    });
    app.setNotFoundHandler((request, reply) =>
      sendProblem(
        reply,
        problem(404, 'route_not_found', `No route ${request.method} ${request.url.split('?')[0]}; see /docs.`),
      ),
    );
  },
  { name: 'problems' },
);
