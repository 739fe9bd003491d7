// Single sign-on: firm admins set up their OpenID Connect provider and prove their email domains;
// people of those domains sign in through the provider (see sso.service.ts for the flow).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { perAddressAndEmail } from '../../http/rate-limits.ts';
import { problemResponses } from '../../http/common.schemas.ts';
import { asFirmAdmin } from '../../plugins/auth.ts';
import { clientOf, sendSession } from '../auth/session-cookie.ts';
import { FirmParams } from '../firms/firms.schemas.ts';
import {
  AddSsoDomainBody,
  PutSsoConnectionBody,
  SsoCallbackBody,
  SsoConnection,
  SsoDiscoverQuery,
  SsoDiscovery,
  SsoDomain,
  SsoDomainList,
  SsoDomainParams,
  SsoSession,
  SsoStart,
  SsoStartBody,
} from './sso.schemas.ts';
import {
  checkConnection,
  claimDomain,
  connectionView,
  domainView,
  getConnection,
  getDomain,
  listDomains,
  markVerified,
  removeConnection,
  removeDomain,
  saveConnection,
  sealedClientSecretOf,
  verificationMissing,
} from './sso-administration.service.ts';
import {
  completeSsoSignIn,
  discoverSso,
  publishesVerification,
  SSO_STATE_MINUTES,
  startSsoSignIn,
  type SsoOptions,
} from './sso.service.ts';

const security = [{ bearer: [] }];

export const ssoRoutes: FastifyPluginAsyncTypebox<{ loginRateLimit: number; sso: SsoOptions }> = async (
  app,
  options,
) => {
  const { sso } = options;

  // ---- administration ---------------------------------------------------------------------------

  app.get(
    '/v1/firms/:firmId/sso',
    {
      schema: {
        operationId: 'getSsoConnection',
        summary: "The firm's OpenID Connect provider (firm admins); the client secret is never shown",
        tags: ['sso'],
        security,
        params: FirmParams,
        response: { 200: SsoConnection, ...problemResponses },
      },
    },
    (request) =>
      asFirmAdmin(request, request.params.firmId, async (tx, actor) => {
        return connectionView(await getConnection(tx, actor.firmId), sso.redirectUri);
      }),
  );

  app.put(
    '/v1/firms/:firmId/sso',
    {
      schema: {
        operationId: 'putSsoConnection',
        summary: "Set up or change the firm's OpenID Connect provider (firm admins)",
        description:
          'Runs OpenID Connect discovery against the issuer first: 422 `issuer_unreachable` when it does not ' +
          'answer, 422 `issuer_invalid` when it is not an OpenID provider, not https, or not on the public ' +
          'internet (private, loopback, link-local and metadata addresses are never fetched). The client secret is ' +
          'stored sealed (AES-256-GCM) and never answered back; it is required when creating the connection. ' +
          'Register `redirectUri` from the answer with the provider. `ssoOnly` refuses password sign-in to ' +
          "people of the firm's verified domains (the firm's admins excepted).",
        tags: ['sso'],
        security,
        params: FirmParams,
        body: PutSsoConnectionBody,
        response: { 200: SsoConnection, ...problemResponses },
      },
    },
    async (request) => {
      const { firmId } = request.params;
      // Who may change it, and the stored secret when none is given, before any request leaves.
      const stored = await asFirmAdmin(request, firmId, async (tx, actor) => {
        return sealedClientSecretOf(tx, actor.firmId);
      });
      const { settings, sealedSecret } = await checkConnection(sso, app.secretBox, request.body, stored);
      return asFirmAdmin(request, firmId, async (tx, actor) => {
        return connectionView(await saveConnection(tx, actor.firmId, settings, sealedSecret), sso.redirectUri);
      });
    },
  );

  app.delete(
    '/v1/firms/:firmId/sso',
    {
      schema: {
        operationId: 'deleteSsoConnection',
        summary: "Remove the firm's OpenID Connect provider (firm admins); its domains stay verified",
        tags: ['sso'],
        security,
        params: FirmParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await asFirmAdmin(request, request.params.firmId, async (tx, actor) => {
        await removeConnection(tx, actor.firmId);
      });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/v1/firms/:firmId/sso/domains',
    {
      schema: {
        operationId: 'listSsoDomains',
        summary: "The firm's email domains for single sign-on, verified or waiting for their DNS record (firm admins)",
        tags: ['sso'],
        security,
        params: FirmParams,
        response: { 200: SsoDomainList, ...problemResponses },
      },
    },
    (request) =>
      asFirmAdmin(request, request.params.firmId, async (tx, actor) => {
        return listDomains(tx, actor.firmId);
      }),
  );

  app.post(
    '/v1/firms/:firmId/sso/domains',
    {
      schema: {
        operationId: 'addSsoDomain',
        summary: 'Claim an email domain for single sign-on (firm admins)',
        description:
          'Answers the DNS TXT record to publish (`dnsRecordValue` at `dnsRecordName`, i.e. ' +
          '`accord-verification=<token>` at `_accord.<domain>`), then verify it with POST .../verify. ' +
          'A domain another firm has verified answers 409 `domain_taken`.',
        tags: ['sso'],
        security,
        params: FirmParams,
        body: AddSsoDomainBody,
        response: { 201: SsoDomain, ...problemResponses },
      },
    },
    async (request, reply) => {
      const domain = request.body.domain.toLowerCase();
      const created = await asFirmAdmin(request, request.params.firmId, async (tx, actor) => {
        return claimDomain(tx, actor.firmId, domain);
      });
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/v1/firms/:firmId/sso/domains/:domainId/verify',
    {
      schema: {
        operationId: 'verifySsoDomain',
        summary: "Check the domain's DNS TXT record and mark it verified (firm admins)",
        description:
          'Looks up the TXT records of `_accord.<domain>`; one must be `accord-verification=<token>`. ' +
          '422 `domain_verification_failed` when it is not there (DNS changes can take a while to show), ' +
          '409 `domain_taken` when another firm verified the domain first.',
        tags: ['sso'],
        security,
        params: SsoDomainParams,
        response: { 200: SsoDomain, ...problemResponses },
      },
    },
    async (request) => {
      const { firmId, domainId } = request.params;
      const claimed = await asFirmAdmin(request, firmId, async (tx, actor) => {
        return getDomain(tx, actor.firmId, domainId);
      });
      if (claimed.verifiedAt) return domainView(claimed);
      // The lookup runs outside any transaction: DNS may be slow.
      if (!(await publishesVerification(sso.resolveTxt, claimed.domain, claimed.verificationToken))) {
        throw verificationMissing(claimed);
      }
      return asFirmAdmin(request, firmId, async (tx, actor) => {
        return markVerified(tx, actor.firmId, claimed);
      });
    },
  );

  app.delete(
    '/v1/firms/:firmId/sso/domains/:domainId',
    {
      schema: {
        operationId: 'deleteSsoDomain',
        summary: 'Give up an email domain (firm admins): its people sign in with passwords again',
        tags: ['sso'],
        security,
        params: SsoDomainParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await asFirmAdmin(request, request.params.firmId, async (tx, actor) => {
        await removeDomain(tx, actor.firmId, request.params.domainId);
      });
      return reply.status(204).send(null);
    },
  );

  // ---- sign-in ----------------------------------------------------------------------------------

  app.get(
    '/v1/auth/sso/discover',
    {
      config: { public: true },
      schema: {
        operationId: 'discoverSso',
        summary: "Whether an email signs in through its firm's identity provider",
        description:
          "Depends on the email's domain only (a verified domain of a firm with SSO switched on), never on " +
          'whether an account uses the email.',
        tags: ['sso'],
        querystring: SsoDiscoverQuery,
        response: { 200: SsoDiscovery, ...problemResponses },
      },
    },
    (request) => discoverSso(app.db, request.query.email),
  );

  app.post(
    '/v1/auth/sso/start',
    {
      config: {
        public: true,
        rateLimit: perAddressAndEmail('sso', options.loginRateLimit, 60_000),
      },
      schema: {
        operationId: 'startSsoSignIn',
        summary: "Start signing in through the email domain's identity provider",
        description:
          "Answers the provider's authorization URL (code flow with PKCE S256, state and nonce); send the " +
          `browser there. The sign-in must be finished within ${SSO_STATE_MINUTES} minutes: the provider ` +
          'redirects to the portal at /sso/callback, which posts `state`, `code` and `iss` to ' +
          'POST /v1/auth/sso/callback. 400 `sso_not_available` when the domain has no SSO.',
        tags: ['sso'],
        body: SsoStartBody,
        response: { 200: SsoStart, ...problemResponses },
      },
    },
    (request) => startSsoSignIn(app.db, app.secretBox, sso, request.body),
  );

  app.post(
    '/v1/auth/sso/callback',
    {
      config: { public: true },
      schema: {
        operationId: 'finishSsoSignIn',
        summary: 'Finish an SSO sign-in with what the identity provider sent back, and sign in',
        description:
          'Answers like sign-in (plus the `redirectTo` given at the start) and sets the refresh cookie. People ' +
          "of the firm's verified domains are provisioned on their first sign-in with the connection's default " +
          'role. The provider is trusted for the second factor (no TOTP step). 400 `sso_state_invalid` for an ' +
          'unknown, expired or already used state; 400 `sso_nonce_invalid` when the ID token is for another ' +
          'sign-in; 403 `sso_domain_mismatch` when the email is not in a verified domain of the firm; 403 ' +
          '`sso_email_unverified` without a verified email.',
        tags: ['sso'],
        body: SsoCallbackBody,
        response: { 200: SsoSession, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { session, redirectTo } = await completeSsoSignIn(
        app.db,
        app.secretBox,
        sso,
        request.body,
        clientOf(request),
      );
      return { ...sendSession(request, reply, session), redirectTo };
    },
  );
};
