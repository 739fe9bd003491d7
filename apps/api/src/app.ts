// Builds the API as a Fastify instance without listening: the server, the tests and the OpenAPI
// generator all start here.
import type { Database, DatabaseHandle } from '@accord/db';
import type { JobQueue } from '@accord/jobs';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import { registerAjvFormats, TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { Registry } from 'prom-client';
import { limitBodyIdleTime } from './http/body-timeout.ts';
import { Problem } from './http/common.schemas.ts';
import { apiKeysRoutes } from './modules/api-keys/api-keys.routes.ts';
import { ApiKey } from './modules/api-keys/api-keys.schemas.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { invitationRoutes } from './modules/auth/invitation.routes.ts';
import {
  FirmOfUser,
  MfaEnrolmentRequired,
  MfaRequired,
  Session,
  TotpEnrolment,
  UserSummary,
} from './modules/auth/auth.schemas.ts';
import { secretBox, secretKeyFrom, type SecretBox } from './modules/auth/secret-box.ts';
import { SsoConnection, SsoDomain } from './modules/sso/sso.schemas.ts';
import { ssoRoutes } from './modules/sso/sso.routes.ts';
import { ssoOptionsFrom, type SsoOptions } from './modules/sso/sso.service.ts';
import { accountRoutes } from './modules/account/account.routes.ts';
import { UserSession } from './modules/account/account.schemas.ts';
import { Agreement } from './modules/sharing/sharing.schemas.ts';
import { sharingRoutes } from './modules/sharing/sharing.routes.ts';
import { Customer360 } from './modules/customers/customers.schemas.ts';
import { customersRoutes } from './modules/customers/customers.routes.ts';
import { Insight } from './modules/knowledge/knowledge.schemas.ts';
import { knowledgeRoutes } from './modules/knowledge/knowledge.routes.ts';
import { segmentationRoutes } from './modules/segmentation/segmentation.routes.ts';
import { scorecardRoutes } from './modules/scorecard/scorecard.routes.ts';
import { strategyRoutes } from './modules/strategy/strategy.routes.ts';
import { notificationsRoutes } from './modules/notifications/notifications.routes.ts';
import { partnersRoutes } from './modules/partners/partners.routes.ts';
import { exchangeRoutes } from './modules/exchange/exchange.routes.ts';
import { defaultUploadTimeouts, FEED_MAX_BYTES, type UploadTimeouts } from './modules/exchange/exchange.service.ts';
import { defaultUploadLimits, type UploadLimits } from './modules/exchange/upload-slots.ts';
import { Batch } from './modules/exchange/exchange.schemas.ts';
import { firmsRoutes } from './modules/firms/firms.routes.ts';
import { Firm, FirmUser, UserInvitation } from './modules/firms/firms.schemas.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { onboardingRoutes } from './modules/onboarding/onboarding.routes.ts';
import { FirmInvitation } from './modules/onboarding/onboarding.schemas.ts';
import { defaultSignUpLimits, type SignUpLimits } from './modules/onboarding/onboarding.service.ts';
import { networksRoutes } from './modules/networks/networks.routes.ts';
import { Network, NetworkMember } from './modules/networks/networks.schemas.ts';
import { authPlugin } from './plugins/auth.ts';
import { metricsPlugin } from './plugins/metrics.ts';
import { openapiPlugin } from './plugins/openapi.ts';
import { problemsPlugin } from './plugins/problems.ts';

declare module 'fastify' {
  interface FastifyInstance {
    database: DatabaseHandle;
    db: Database;
    queue: JobQueue;
    /** Seals secrets the API must read back (TOTP seeds) before they are stored. */
    secretBox: SecretBox;
  }
}

export interface AppDependencies {
  database: DatabaseHandle;
  queue: JobQueue;
  jwtSecret: string;
  /** 32 bytes (hex or base64) sealing stored secrets; derived from jwtSecret when absent (development). */
  secretKey?: string | undefined;
  portalUrl: string;
  loginRateLimit?: number;
  /** Sign-in and reset attempts per minute from one client address across every email (60). */
  loginAddressLimit?: number;
  /** Sign-ups per address and hour, and unconfirmed sign-ups per email domain and day (5 and 20 by default). */
  signUpLimits?: Partial<SignUpLimits>;
  /** Shares rate-limit counters between API instances; in memory when absent. */
  rateLimitRedis?: Redis;
  trustProxy?: boolean;
  /**
   * Single sign-on: `redirectUri` (default `${portalUrl}/sso/callback`), `allowHttpLoopback` (accept
   * http:// issuers on 127.0.0.1/localhost: tests and local development only) and `resolveTxt`
   * (DNS TXT lookups for domain verification; node:dns by default, tests inject their own records).
   */
  sso?: Partial<SsoOptions>;
  logger?: FastifyServerOptions['logger'];
  /**
   * Feed uploads: at most `perFirm` and `total` arriving at once (4 and 16), a body idle for
   * `idleTimeoutMs` (30 s) cut off, an upload left dead for `staleAfterMs` (60 s) taken over by a retry, and
   * a body over `maxBytes` (2 GiB, as sent or inflated) refused.
   */
  uploads?: Partial<UploadLimits & UploadTimeouts & { maxBytes: number }>;
  /** Where /metrics is collected from; the composition root shares it with in-process jobs. */
  metrics?: Registry;
}

/** The largest JSON body any endpoint takes; feeds stream through their own route. */
export const JSON_BODY_LIMIT = 1024 * 1024;

const requestIdPattern = /^[\w.:-]{1,128}$/;

registerAjvFormats();

export async function buildApp(deps: AppDependencies) {
  const app = Fastify({
    logger: deps.logger ?? false,
    trustProxy: deps.trustProxy ?? false,
    bodyLimit: JSON_BODY_LIMIT,
    requestIdHeader: false,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(TypeBoxValidatorCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  app.decorate('database', deps.database);
  app.decorate('db', deps.database.db);
  app.decorate('queue', deps.queue);
  app.decorate('secretBox', secretBox(secretKeyFrom(deps.secretKey, deps.jwtSecret)));
  const uploads = { ...defaultUploadLimits, ...defaultUploadTimeouts, maxBytes: FEED_MAX_BYTES, ...deps.uploads };
  limitBodyIdleTime(app, uploads.idleTimeoutMs);

  for (const schema of [
    Problem,
    UserSummary,
    FirmOfUser,
    Session,
    MfaRequired,
    MfaEnrolmentRequired,
    TotpEnrolment,
    UserSession,
    Firm,
    FirmUser,
    UserInvitation,
    Network,
    NetworkMember,
    FirmInvitation,
    ApiKey,
    Batch,
    Agreement,
    Customer360,
    Insight,
    SsoConnection,
    SsoDomain,
  ]) {
    app.addSchema(schema);
  }
  await app.register(problemsPlugin);
  await app.register(openapiPlugin);
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    ...(deps.rateLimitRedis ? { redis: deps.rateLimitRedis } : {}),
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      code: 'FST_ERR_RATE_LIMITED',
      message: `Too many attempts; try again in ${Math.ceil(context.ttl / 1000)} s.`,
    }),
  });
  await app.register(authPlugin, { secret: deps.jwtSecret });
  await app.register(metricsPlugin, { registry: deps.metrics ?? new Registry() });

  await app.register(healthRoutes);
  await app.register(authRoutes, {
    loginRateLimit: deps.loginRateLimit ?? 10,
    loginAddressLimit: deps.loginAddressLimit ?? 60,
    portalUrl: deps.portalUrl,
  });
  await app.register(invitationRoutes);
  await app.register(ssoRoutes, {
    loginRateLimit: deps.loginRateLimit ?? 10,
    sso: ssoOptionsFrom(deps.portalUrl, deps.sso),
  });
  await app.register(accountRoutes);
  await app.register(firmsRoutes, { portalUrl: deps.portalUrl });
  await app.register(networksRoutes);
  await app.register(onboardingRoutes, {
    portalUrl: deps.portalUrl,
    signUpLimits: { ...defaultSignUpLimits, ...deps.signUpLimits },
  });
  await app.register(apiKeysRoutes);
  await app.register(exchangeRoutes, { uploads });
  await app.register(sharingRoutes);
  await app.register(customersRoutes);
  await app.register(knowledgeRoutes);
  await app.register(segmentationRoutes);
  await app.register(scorecardRoutes);
  await app.register(strategyRoutes, { portalUrl: deps.portalUrl });
  await app.register(notificationsRoutes);
  await app.register(partnersRoutes, { portalUrl: deps.portalUrl });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
