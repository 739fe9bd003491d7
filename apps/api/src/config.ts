// Configuration from the environment, read once at start-up.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ApiConfig {
  host: string;
  port: number;
  /** PostgreSQL URL; unset means embedded PGlite under dataDir. */
  databaseUrl: string | undefined;
  /** Redis URL; unset means jobs run in the API process. */
  redisUrl: string | undefined;
  dataDir: string;
  jwtSecret: string;
  /**
   * ACCORD_SECRET_KEY: 32 bytes (64 hex digits or base64) sealing stored secrets such as TOTP seeds
   * with AES-256-GCM. Unset, a key is derived from the JWT secret: fine for development, but set it
   * in production so a leaked signing secret does not also open the sealed secrets.
   */
  secretKey: string | undefined;
  /** Seed the demo value chain (and allow its published password). */
  demo: boolean;
  /** With a freshly seeded demo, push its generated feeds through the feed API. */
  demoFeeds: boolean;
  /** The portal's public URL, for links in emails. */
  portalUrl: string;
  /** Where identity providers send SSO sign-ins back (the portal's /sso/callback unless set). */
  ssoRedirectUri: string | undefined;
  /** Accept http:// OpenID Connect issuers on loopback addresses (local development only). */
  ssoAllowHttpLoopback: boolean;
  /** DNS servers (`host` or `host:port`) for domain verification lookups; the system's resolver when empty. */
  dnsServers: string[];
  /** Sign-in attempts per minute for one address and email. */
  loginRateLimit: number;
  loginAddressLimit: number;
  trustProxy: boolean;
  logLevel: string;
  migrateOnStart: boolean;
  /** Feed uploads arriving at once per firm and in all, per API process. */
  uploadsPerFirm: number;
  uploadsTotal: number;
  /** A request body idle this long is cut off (408 body_timeout). */
  bodyIdleTimeoutMs: number;
  /** An upload whose API process has not beaten on it for this long is taken over by a retry. */
  uploadStaleMs: number;
  /** PostgreSQL stops a statement of the API's running longer (503 query_timeout); 0 for no bound. */
  statementTimeoutMs: number;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const databaseUrl = env.DATABASE_URL || undefined;
  const dataDir = resolve(env.ACCORD_DATA_DIR ?? join(repoRoot, '.data'));
  const demo = flag(env.ACCORD_DEMO, !databaseUrl);
  return {
    host: env.HOST ?? '0.0.0.0',
    port: Number(env.PORT ?? 3001),
    databaseUrl,
    redisUrl: env.REDIS_URL || undefined,
    dataDir,
    jwtSecret: env.JWT_SECRET ?? (demo ? localSecret(dataDir) : missing('JWT_SECRET')),
    secretKey: env.ACCORD_SECRET_KEY || undefined,
    demo,
    demoFeeds: flag(env.ACCORD_DEMO_FEEDS, true),
    portalUrl: env.ACCORD_PORTAL_URL ?? 'http://localhost:3000',
    ssoRedirectUri: env.ACCORD_SSO_REDIRECT_URI || undefined,
    ssoAllowHttpLoopback: flag(env.ACCORD_SSO_ALLOW_HTTP_LOOPBACK, false),
    dnsServers: (env.ACCORD_DNS_SERVERS ?? '')
      .split(',')
      .map((server) => server.trim())
      .filter(Boolean),
    loginRateLimit: Number(env.ACCORD_LOGIN_RATE_LIMIT ?? 10),
    loginAddressLimit: positive(env, 'ACCORD_LOGIN_ADDRESS_LIMIT', 60),
    trustProxy: flag(env.TRUST_PROXY, false),
    logLevel: env.LOG_LEVEL ?? 'info',
    migrateOnStart: flag(env.ACCORD_MIGRATE_ON_START, true),
    uploadsPerFirm: positive(env, 'ACCORD_UPLOADS_PER_FIRM', 4),
    uploadsTotal: positive(env, 'ACCORD_UPLOADS_TOTAL', 16),
    bodyIdleTimeoutMs: positive(env, 'ACCORD_BODY_IDLE_TIMEOUT_MS', 30_000),
    uploadStaleMs: positive(env, 'ACCORD_UPLOAD_STALE_MS', 60_000),
    statementTimeoutMs: positive(env, 'ACCORD_STATEMENT_TIMEOUT_MS', 60_000, { zero: true }),
  };
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number, { zero = false } = {}): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < (zero ? 0 : 1)) {
    throw new Error(`${name} must be a whole number${zero ? ' (0 or more)' : ' above 0'}, not "${text}"`);
  }
  return value;
}

function missing(name: string): never {
  throw new Error(`${name} must be set (it is only generated automatically in demo mode)`);
}

// Demo mode keeps a random signing secret beside its data, so restarts keep sessions valid.
function localSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
