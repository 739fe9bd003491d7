// Single sign-on through a firm's OpenID Connect provider (authorization code flow with PKCE,
// state and nonce), domain verification by DNS, and just-in-time provisioning of the people the
// provider vouches for. The database side is in migration 0026_sso_rls (auth_sso_* functions).
import { anonymous, query, withTenant, type Database, type FirmRole } from '@accord/db';
import { sql } from 'drizzle-orm';
import { Resolver, resolveTxt } from 'node:dns/promises';
import * as oidc from 'openid-client';
import { ApiProblem, badRequest, forbidden, unauthorized } from '../../http/problems.ts';
import {
  accountLocked,
  completeSignIn,
  currentLock,
  hashToken,
  newSecretToken,
  type ClientInfo,
  type IssuedSession,
} from '../auth/auth.service.ts';
import type { SecretBox } from '../auth/secret-box.ts';
import { nonPublicAddressIn, publicFetch } from '../../http/public-fetch.ts';

/** Looks up the TXT records of a name, each as its chunks (node:dns `resolveTxt`). */
export type TxtResolver = (hostname: string) => Promise<string[][]>;

/** A resolver that asks the given DNS servers (`host` or `host:port`) instead of the system's. */
export function txtResolverOf(servers: string[]): TxtResolver {
  const resolver = new Resolver();
  resolver.setServers(servers);
  return (hostname) => resolver.resolveTxt(hostname);
}

export interface SsoOptions {
  /** Where the provider sends the browser back: the portal's /sso/callback, which posts to the API. */
  redirectUri: string;
  /** Accept `http://` issuers on loopback addresses (tests, local development); https is required otherwise. */
  allowHttpLoopback: boolean;
  resolveTxt: TxtResolver;
}

export function ssoOptionsFrom(portalUrl: string, given: Partial<SsoOptions> | undefined): SsoOptions {
  return {
    redirectUri: given?.redirectUri ?? `${portalUrl.replace(/\/$/, '')}/sso/callback`,
    allowHttpLoopback: given?.allowHttpLoopback ?? false,
    resolveTxt: given?.resolveTxt ?? resolveTxt,
  };
}

export const SSO_STATE_MINUTES = 10;
const SCOPE = 'openid email profile';

const unprocessable = (code: string, detail: string) => new ApiProblem(422, code, 'Unprocessable content', detail);

// ---- the provider -------------------------------------------------------------------------------

const loopbackHosts = new Set(['127.0.0.1', '[::1]', 'localhost']);
const internetFetch = publicFetch();
const loopbackFetch = publicFetch({ allowLoopback: true });

/**
 * Runs OpenID Connect discovery for an issuer. 422 `issuer_invalid` for a URL that is not https
 * (http only on loopback, when allowed) or does not answer as an OpenID provider, 422
 * `issuer_unreachable` when nothing answers.
 */
export async function discoverProvider(
  options: SsoOptions,
  connection: { issuer: string; clientId: string; clientSecret: string },
): Promise<oidc.Configuration> {
  const url = new URL(connection.issuer);
  const insecure = url.protocol === 'http:' && options.allowHttpLoopback && loopbackHosts.has(url.hostname);
  if (url.protocol !== 'https:' && !insecure) {
    throw unprocessable('issuer_invalid', 'The issuer must be an https:// URL.');
  }
  try {
    return await oidc.discovery(url, connection.clientId, undefined, oidc.ClientSecretBasic(connection.clientSecret), {
      execute: insecure ? [oidc.allowInsecureRequests] : [],
      timeout: 10,
      // discovery, keys and tokens: public addresses only (loopback too when http on loopback is allowed)
      [oidc.customFetch]: options.allowHttpLoopback ? loopbackFetch : internetFetch,
    });
  } catch (error) {
    const nonPublic = nonPublicAddressIn(error);
    if (nonPublic) {
      throw unprocessable('issuer_invalid', `The issuer must be on the public internet: ${nonPublic.message}.`);
    }
    if (error instanceof oidc.ClientError) {
      throw unprocessable(
        'issuer_invalid',
        `The issuer does not answer as an OpenID Connect provider (${error.message}).`,
      );
    }
    throw unprocessable('issuer_unreachable', `The issuer could not be reached: ${(error as Error).message}.`);
  }
}

interface StoredConnection {
  issuer: string;
  client_id: string;
  client_secret_sealed: string;
  default_role: FirmRole;
  enabled: boolean;
}

// Discovery documents change rarely; a sign-in should not cost a round trip to fetch one.
const configurations = new Map<string, { configuration: oidc.Configuration; at: number }>();
const CONFIGURATION_TTL_MS = 10 * 60_000;

async function providerOf(options: SsoOptions, box: SecretBox, connection: StoredConnection) {
  const key = [connection.issuer, connection.client_id, connection.client_secret_sealed].join('\n');
  const cached = configurations.get(key);
  if (cached && Date.now() - cached.at < CONFIGURATION_TTL_MS) return cached.configuration;
  try {
    const configuration = await discoverProvider(options, {
      issuer: connection.issuer,
      clientId: connection.client_id,
      clientSecret: box.open(connection.client_secret_sealed),
    });
    configurations.set(key, { configuration, at: Date.now() });
    return configuration;
  } catch (error) {
    if (error instanceof ApiProblem) {
      throw new ApiProblem(502, 'sso_provider_unavailable', 'Bad gateway', `The identity provider: ${error.detail}`);
    }
    throw error;
  }
}

async function connectionOf(db: Database, firmId: string): Promise<StoredConnection> {
  const [connection] = await withTenant(db, anonymous, (tx) =>
    query<StoredConnection>(tx, sql`select * from auth_sso_connection(${firmId})`),
  );
  if (!connection?.enabled) throw badRequest('sso_not_available', 'Single sign-on is not set up for this firm.');
  return connection;
}

// ---- domains --------------------------------------------------------------------------------------

export function domainOfEmail(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

export function newVerificationToken(): string {
  return newSecretToken();
}

/** The DNS TXT record that proves a firm controls a domain. */
export function verificationRecord(domain: string, token: string) {
  return { name: `_accord.${domain}`, value: `accord-verification=${token}` };
}

/** Whether the domain publishes the verification record (a failed lookup counts as no). */
export async function publishesVerification(resolver: TxtResolver, domain: string, token: string): Promise<boolean> {
  const { name, value } = verificationRecord(domain, token);
  const records = await resolver(name).catch(() => [] as string[][]);
  return records.some((chunks) => chunks.join('').trim() === value);
}

interface VerifiedDomain {
  firm_id: string;
  firm_name: string;
  connected: boolean;
  enabled: boolean;
  sso_only: boolean;
}

async function verifiedDomain(db: Database, email: string): Promise<VerifiedDomain | undefined> {
  const [row] = await withTenant(db, anonymous, (tx) =>
    query<VerifiedDomain>(tx, sql`select * from auth_sso_domain(${domainOfEmail(email)})`),
  );
  return row;
}

/** What the sign-in page shows for an email: whether its domain signs in through SSO. */
export async function discoverSso(db: Database, email: string) {
  const domain = await verifiedDomain(db, email);
  if (!domain?.connected || !domain.enabled) return { sso: false, ssoOnly: false };
  return { sso: true, ssoOnly: domain.sso_only, firm: domain.firm_name };
}

// ---- sign-in --------------------------------------------------------------------------------------

/** Starts an SSO sign-in: the provider's authorization URL, its state, nonce and PKCE verifier kept here. */
export async function startSsoSignIn(
  db: Database,
  box: SecretBox,
  options: SsoOptions,
  input: { email: string; redirectTo?: string | undefined },
): Promise<{ authorizationUrl: string }> {
  const domain = await verifiedDomain(db, input.email);
  if (!domain?.connected || !domain.enabled) {
    throw badRequest('sso_not_available', 'This email domain does not sign in through SSO; use your password.');
  }
  const provider = await providerOf(options, box, await connectionOf(db, domain.firm_id));
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const expiresAt = new Date(Date.now() + SSO_STATE_MINUTES * 60_000);
  await withTenant(db, anonymous, (tx) =>
    tx.execute(
      sql`select auth_sso_start(${hashToken(state)}, ${nonce}, ${box.seal(verifier)}, ${domain.firm_id},
                                ${input.redirectTo ?? null}, ${expiresAt.toISOString()}::timestamptz)`,
    ),
  );
  const url = oidc.buildAuthorizationUrl(provider, {
    redirect_uri: options.redirectUri,
    scope: SCOPE,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    login_hint: input.email,
  });
  return { authorizationUrl: url.href };
}

/** Whether an openid-client error (or one it wraps) is about the ID token's nonce. */
function isNonceMismatch(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) {
    if ((e.cause as { claim?: unknown } | undefined)?.claim === 'nonce') return true;
  }
  return false;
}

function refusedByProvider(error: unknown): ApiProblem {
  if (isNonceMismatch(error)) {
    return badRequest('sso_nonce_invalid', 'The identity provider answered for another sign-in; start again.');
  }
  if (error instanceof oidc.AuthorizationResponseError || error instanceof oidc.ResponseBodyError) {
    return badRequest('sso_code_invalid', `The identity provider refused the sign-in (${error.error}); start again.`);
  }
  if (error instanceof oidc.ClientError) {
    return badRequest('sso_token_invalid', `The identity provider's answer did not check out (${error.message}).`);
  }
  return new ApiProblem(502, 'sso_provider_unavailable', 'Bad gateway', 'The identity provider could not be reached.');
}

interface SpentState {
  firm_id: string;
  nonce: string;
  pkce_verifier: string;
  redirect_to: string | null;
}

interface Provisioned {
  user_id: string | null;
  user_deactivated: boolean;
  membership_deactivated: boolean;
}

/**
 * Finishes an SSO sign-in with what the provider sent back to the redirect URI: spends the state
 * (once), exchanges the code with the PKCE verifier, checks the ID token (issuer, audience, expiry,
 * nonce), requires a verified email of one of the firm's verified domains, provisions the person
 * just in time, and starts a session as the password sign-in does. The provider is trusted for
 * the second factor: an SSO sign-in asks for no TOTP code.
 */
export async function completeSsoSignIn(
  db: Database,
  box: SecretBox,
  options: SsoOptions,
  input: { state: string; code: string; iss?: string | undefined },
  client: ClientInfo,
): Promise<{ session: IssuedSession; redirectTo: string | null }> {
  const [spent] = await withTenant(db, anonymous, (tx) =>
    query<SpentState>(tx, sql`select * from auth_sso_spend_state(${hashToken(input.state)})`),
  );
  if (!spent) {
    throw badRequest(
      'sso_state_invalid',
      'This sign-in is not known, has expired or was already finished; start again.',
    );
  }
  const provider = await providerOf(options, box, await connectionOf(db, spent.firm_id));
  const callbackUrl = new URL(options.redirectUri);
  callbackUrl.searchParams.set('code', input.code);
  callbackUrl.searchParams.set('state', input.state);
  if (input.iss) callbackUrl.searchParams.set('iss', input.iss);
  let claims: Record<string, unknown>;
  try {
    const tokens = await oidc.authorizationCodeGrant(provider, callbackUrl, {
      pkceCodeVerifier: box.open(spent.pkce_verifier),
      expectedState: input.state,
      expectedNonce: spent.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims()!;
    // Providers may keep profile claims out of the ID token (OIDC Core 5.4): ask userinfo then,
    // for the same subject.
    claims =
      typeof idToken.email === 'string'
        ? idToken
        : { ...(await oidc.fetchUserInfo(provider, tokens.access_token, idToken.sub)), sub: idToken.sub };
  } catch (error) {
    throw refusedByProvider(error);
  }
  const email = typeof claims.email === 'string' ? claims.email.toLowerCase() : undefined;
  if (!email || claims.email_verified !== true) {
    throw forbidden('sso_email_unverified', 'The identity provider did not vouch for a verified email address.');
  }
  const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : email.split('@')[0]!;
  const [provisioned] = await withTenant(db, anonymous, (tx) =>
    query<Provisioned>(tx, sql`select * from auth_sso_provision(${spent.firm_id}, ${email}, ${name})`),
  );
  const userId = provisioned?.user_id;
  if (!userId) {
    throw forbidden('sso_domain_mismatch', `${email} is not in a verified domain of the firm this sign-in is for.`);
  }
  if (provisioned.user_deactivated) throw unauthorized('account_deactivated', 'This account is deactivated.');
  if (provisioned.membership_deactivated) {
    throw forbidden(
      'membership_deactivated',
      'A firm admin has deactivated your account in this firm; ask them to reactivate it.',
    );
  }
  const locked = await currentLock(db, userId);
  if (locked) throw accountLocked(locked);
  const session = await completeSignIn(db, userId, spent.firm_id, client);
  return { session, redirectTo: spent.redirect_to };
}
