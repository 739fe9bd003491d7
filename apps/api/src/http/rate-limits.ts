// Rate limits of public routes that name an account by email: counted per client address and email,
// after the body is parsed (so the key can include the email), so one address cannot hammer one account
// and one account's attempts from many addresses are not pooled with others'; and per client address
// across every email, so one address cannot spray a password over many accounts. (Many addresses at one
// account meet the account's lockout.)
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiProblem } from './problems.ts';

export function perAddressAndEmail(prefix: string, max: number, timeWindow: number) {
  return {
    hook: 'preValidation' as const,
    max,
    timeWindow,
    keyGenerator: (request: FastifyRequest) => {
      const email = (request.body as { email?: unknown } | undefined)?.email;
      return `${prefix}:${request.ip}:${typeof email === 'string' ? email.toLowerCase() : ''}`;
    },
  };
}

/**
 * Attempts from one client address across every email, so that a password sprayed over many accounts
 * meets a limit: `check` refuses (429 `rate_limited` with Retry-After) once `max` were counted in the
 * window, and `count` counts one. Sign-in counts only its failures, so that many people signing in
 * behind one address are not stopped.
 */
export function perAddress(app: FastifyInstance, prefix: string, max: number, timeWindow: number) {
  const limiter = app.createRateLimit({
    max,
    timeWindow,
    keyGenerator: (request) => `${prefix}-address:${request.ip}`,
  });
  return {
    async check(request: FastifyRequest) {
      const status = await limiter(request, { increment: false });
      if (!status.isAllowed && status.remaining === 0) {
        throw new ApiProblem(
          429,
          'rate_limited',
          'Too many requests',
          `Too many attempts from your address; try again in ${status.ttlInSeconds} s.`,
          undefined,
          { retryAfterSeconds: status.ttlInSeconds },
        );
      }
    },
    async count(request: FastifyRequest) {
      await limiter(request);
    },
  };
}
