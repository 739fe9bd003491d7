// Rate limits of public routes that name an account by email: counted per client address and email,
// after the body is parsed (so the key can include the email), so one address cannot hammer one account
// and one account's attempts from many addresses are not pooled with others'.
import type { FastifyRequest } from 'fastify';

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
