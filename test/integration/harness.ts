// The API as the integration tests drive it: real PostgreSQL, BullMQ on real Redis, and a real
// worker whose email transport records what it sends.
import {
  firmMemberships,
  firms,
  networkMemberships,
  networks,
  openDatabase,
  users,
  type ChainRole,
  type DatabaseHandle,
  type FirmRole,
} from '@accord/db';
import { createBullQueue, startBullWorker, type RunningWorker } from '@accord/jobs';
import { createJobHandlers, jobMetrics, workerPoolSize, type EmailMessage } from '@accord/worker';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { inject } from 'vitest';
import { buildApp, type App, type AppDependencies } from '../../apps/api/src/app.ts';
import { hashPassword } from '../../apps/api/src/modules/auth/passwords.ts';

export const DEMO_PASSWORD = 'accord-demo';
const WORKER_CONCURRENCY = 4;

export interface Harness {
  app: App;
  database: DatabaseHandle;
  /** Emails the worker delivered, in order. */
  emails: EmailMessage[];
  close(): Promise<void>;
}

export async function startHarness(
  options: {
    loginRateLimit?: number;
    loginAddressLimit?: number;
    signUpLimits?: AppDependencies['signUpLimits'];
    sso?: AppDependencies['sso'];
    uploads?: AppDependencies['uploads'];
    /** The API pool's statement_timeout (none by default). */
    statementTimeoutMs?: number;
  } = {},
): Promise<Harness> {
  const database = openDatabase({
    url: inject('databaseUrl'),
    max: 5,
    ...(options.statementTimeoutMs ? { statementTimeoutMs: options.statementTimeoutMs } : {}),
  });
  // the jobs have their own pool, as in the worker process: sized for them, without a statement bound
  const jobsDatabase = openDatabase({
    url: inject('databaseUrl'),
    max: workerPoolSize(WORKER_CONCURRENCY),
    prepare: false,
  });
  const queue = createBullQueue(inject('redisUrl'));
  // one /metrics for the API and the jobs, as when they run in one process
  const registry = new Registry();
  const emails: EmailMessage[] = [];
  // TEST_LOG_LEVEL=info shows the worker's log and failed job attempts
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const worker: RunningWorker = startBullWorker(
    inject('redisUrl'),
    createJobHandlers({
      database: jobsDatabase,
      email: { send: async (m) => void emails.push(m) },
      logger,
      queue,
      metrics: jobMetrics(registry, queue),
    }),
    {
      concurrency: WORKER_CONCURRENCY,
      onFailed: (name, error, attempt) => logger.warn({ job: name, attempt, err: error }, 'job failed'),
    },
  );
  const app = await buildApp({
    database,
    queue,
    jwtSecret: 'integration-secret-integration-secret',
    portalUrl: 'http://portal.test',
    loginRateLimit: options.loginRateLimit ?? 1000,
    loginAddressLimit: options.loginAddressLimit ?? 10_000,
    signUpLimits: options.signUpLimits ?? { perIpPerHour: 1000, perEmailDomainPerDay: 1000 },
    ...(options.sso ? { sso: options.sso } : {}),
    ...(options.uploads ? { uploads: options.uploads } : {}),
    metrics: registry,
  });
  await app.ready();
  return {
    app,
    database,
    emails,
    async close() {
      await app.close();
      await worker.close();
      await queue.close();
      await database.close();
      await jobsDatabase.close();
    },
  };
}

export interface SignedIn {
  token: string;
  refreshCookie: string;
  userId: string;
  firmId: string;
  headers: { authorization: string };
}

export async function signIn(app: App, email: string, password = DEMO_PASSWORD, firmId?: string): Promise<SignedIn> {
  const response = await app.inject({
    method: 'POST',
    url: '/v1/auth/login',
    payload: { email, password, ...(firmId ? { firmId } : {}) },
  });
  if (response.statusCode !== 200)
    throw new Error(`sign-in as ${email} answered ${response.statusCode}: ${response.body}`);
  const body = response.json<{ accessToken: string; user: { id: string }; firm: { id: string } }>();
  return {
    token: body.accessToken,
    refreshCookie: refreshCookieOf(response.headers['set-cookie']),
    userId: body.user.id,
    firmId: body.firm.id,
    headers: { authorization: `Bearer ${body.accessToken}` },
  };
}

export function refreshCookieOf(setCookie: string | string[] | undefined): string {
  const cookies = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const cookie = cookies.find((c) => c.startsWith('accord_refresh='));
  if (!cookie) throw new Error(`no refresh cookie in ${JSON.stringify(setCookie)}`);
  return cookie.split(';')[0]!;
}

let counter = 0;
/** A unique suffix, so tests sharing one database never collide. */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

/** A firm outside every network, with one user per role, created as the owner (as sign-up would). */
export async function createFirm(
  database: DatabaseHandle,
  name: string,
  chainRole: ChainRole = 'retailer',
  roles: FirmRole[] = ['firm_admin', 'analyst'],
) {
  const slug = unique(name.toLowerCase().replaceAll(' ', '-'));
  const [firm] = await database.db.insert(firms).values({ name, slug, chainRole }).returning();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const people: Record<string, { id: string; email: string }> = {};
  for (const role of roles) {
    const [user] = await database.db
      .insert(users)
      .values({ email: `${role}@${slug}.example`, name: `${name} ${role}`, passwordHash })
      .returning({ id: users.id, email: users.email });
    await database.db.insert(firmMemberships).values({ firmId: firm!.id, userId: user!.id, role });
    people[role] = user!;
  }
  return { firm: firm!, people };
}

/** A network led by `focalFirmId` with each firm an active member in its chain role; answers its id and hashing key. */
export async function createNetwork(
  database: DatabaseHandle,
  name: string,
  focalFirmId: string,
  members: ReadonlyArray<readonly [firmId: string, chainRole: ChainRole]>,
) {
  const [network] = await database.db
    .insert(networks)
    .values({ name: unique(name), focalFirmId })
    .returning({ id: networks.id, hashingKey: networks.hashingKey });
  await joinNetwork(database, network!.id, members);
  return network!;
}

/**
 * A manufacturer (the focal firm) and two retailers in one new network, each with the given roles,
 * signed in as their managers: M, R1 and R2.
 */
export async function makerAndTwoRetailers(h: Harness, name: string, roles: FirmRole[]) {
  const m = await createFirm(h.database, `${name} Maker`, 'manufacturer', roles);
  const r1 = await createFirm(h.database, `${name} Retail One`, 'retailer', roles);
  const r2 = await createFirm(h.database, `${name} Retail Two`, 'retailer', roles);
  const network = await createNetwork(h.database, name, m.firm.id, [
    [m.firm.id, 'manufacturer'],
    [r1.firm.id, 'retailer'],
    [r2.firm.id, 'retailer'],
  ]);
  const as = {
    M: await signIn(h.app, m.people.manager!.email),
    R1: await signIn(h.app, r1.people.manager!.email),
    R2: await signIn(h.app, r2.people.manager!.email),
  };
  return { networkId: network.id, hashingKey: network.hashingKey, as };
}

/** Makes each firm an active member of the network in its chain role. */
export async function joinNetwork(
  database: DatabaseHandle,
  networkId: string,
  members: ReadonlyArray<readonly [firmId: string, chainRole: ChainRole]>,
) {
  await database.db.insert(networkMemberships).values(
    members.map(([firmId, chainRole]) => ({
      networkId,
      firmId,
      chainRole,
      status: 'active' as const,
      joinedAt: new Date(),
    })),
  );
}

export async function waitFor<T>(probe: () => T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface LoadedBatch {
  id: string;
  status: string;
  rowsRejected: number;
}

/** Pushes a CSV feed as `who` and waits until its batch has loaded; throws when it is refused or fails. */
export async function pushFeed(
  app: App,
  who: SignedIn,
  networkId: string,
  dataset: string,
  csv: string,
): Promise<LoadedBatch> {
  const pushed = await app.inject({
    method: 'POST',
    url: `/v1/networks/${networkId}/feeds/${dataset}`,
    headers: { ...who.headers, 'content-type': 'text/csv', 'idempotency-key': unique('feed') },
    payload: csv,
  });
  if (pushed.statusCode !== 202) throw new Error(`feed refused (${pushed.statusCode}): ${pushed.body}`);
  const id = pushed.json<{ id: string }>().id;
  for (let i = 0; i < 1200; i++) {
    const batch = (
      await app.inject({ url: `/v1/networks/${networkId}/batches/${id}`, headers: who.headers })
    ).json<LoadedBatch>();
    if (batch.status === 'succeeded') return batch;
    if (batch.status === 'failed') throw new Error(`batch failed: ${JSON.stringify(batch)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('batch did not finish');
}
