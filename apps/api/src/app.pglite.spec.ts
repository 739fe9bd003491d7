// The embedded default that `pnpm start` runs: PGlite and the in-process queue, same migrations,
// same row-level security, same job handlers as on PostgreSQL with Redis.
import { openDatabase, type DatabaseHandle } from '@accord/db';
import { createInProcessQueue, type LoadedBatch } from '@accord/jobs';
import { createJobHandlers, type EmailMessage } from '@accord/worker';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from './app.ts';
import { pushDemoFeeds } from './modules/demo/demo.feeds.ts';
import { DEMO_PASSWORD, seedDemo } from './modules/demo/demo.seed.ts';

let database: DatabaseHandle;
let queue: ReturnType<typeof createInProcessQueue>;
let app: App;
const emails: EmailMessage[] = [];
/** The batches the worker reported loaded, in order. */
const loaded: LoadedBatch[] = [];

beforeAll(async () => {
  database = openDatabase();
  await database.migrate();
  expect((await seedDemo(database.db)).seeded).toBe(true);
  expect((await seedDemo(database.db)).seeded).toBe(false);
  queue = createInProcessQueue(
    createJobHandlers({
      database,
      email: { send: async (m) => void emails.push(m) },
      logger: pino({ level: 'silent' }),
      queue: { enqueue: (name, payload, options) => queue.enqueue(name, payload, options) },
      followUps: (batch) => {
        loaded.push(batch);
        return [];
      },
    }),
  );
  app = await buildApp({ database, queue, jwtSecret: 'embedded-test-secret', portalUrl: 'http://localhost:3000' });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await queue.close();
  await database.close();
});

async function signIn(email: string) {
  const response = await app.inject({
    method: 'POST',
    url: '/v1/auth/login',
    payload: { email, password: DEMO_PASSWORD },
  });
  expect(response.statusCode).toBe(200);
  const body = response.json<{ accessToken: string; firm: { id: string } }>();
  return { headers: { authorization: `Bearer ${body.accessToken}` }, firmId: body.firm.id };
}

describe('the embedded default', () => {
  it('signs in a demo firm admin who sees the demo network and its seven members', async () => {
    const northwind = await signIn('admin@northwind.example');
    const networks = (await app.inject({ url: '/v1/networks', headers: northwind.headers })).json<{
      items: Array<{ id: string; name: string; activeMembers: number }>;
    }>();
    expect(networks.items).toEqual([
      expect.objectContaining({ name: 'Northwind Appliances value chain', activeMembers: 7 }),
    ]);
    const members = await app.inject({
      url: `/v1/networks/${networks.items[0]!.id}/members`,
      headers: northwind.headers,
    });
    expect(members.json<{ items: unknown[] }>().items).toHaveLength(7);
  });

  it('delivers invitation email through the in-process queue', async () => {
    const admin = await signIn('admin@tailspin.example');
    const invited = await app.inject({
      method: 'POST',
      url: `/v1/firms/${admin.firmId}/invitations`,
      headers: admin.headers,
      payload: { email: 'buyer@tailspin.example', role: 'viewer' },
    });
    expect(invited.statusCode).toBe(201);
    await queue.drain();
    expect(emails.map((e) => e.to)).toContain('buyer@tailspin.example');
    expect(emails.at(-1)!.link).toMatch(/^http:\/\/localhost:3000\/invitations\/accept\?token=[\w-]{43}$/);
  });

  it("keeps one firm out of another's data", async () => {
    const northwind = await signIn('admin@northwind.example');
    const tailspin = await signIn('admin@tailspin.example');
    const users = await app.inject({ url: `/v1/firms/${northwind.firmId}/users`, headers: tailspin.headers });
    expect(users.json()).toMatchObject({ status: 404, code: 'not_found' });
    // a partner's firm profile is visible to fellow members of a network
    const profile = await app.inject({ url: `/v1/firms/${northwind.firmId}`, headers: tailspin.headers });
    expect(profile.json()).toMatchObject({ slug: 'northwind', chainRole: 'manufacturer' });
  });

  it('loads the demo feeds through the feed API: each retailer its sales, Litware its shipments', async () => {
    expect(await pushDemoFeeds(app, app.log, { customers: 150, end: new Date('2026-06-01') })).toBe(10);
    await queue.drain();
    const rowsOf = async (email: string) => {
      const firm = await signIn(email);
      const networkId = (await app.inject({ url: '/v1/networks', headers: firm.headers })).json<{
        items: Array<{ id: string }>;
      }>().items[0]!.id;
      const datasets = (await app.inject({ url: `/v1/networks/${networkId}/datasets`, headers: firm.headers })).json<{
        items: Array<{ dataset: string; rows: number; lastBatch: { status: string } | null }>;
      }>().items;
      return Object.fromEntries(
        datasets.map((d) => [d.dataset, d.lastBatch ? `${d.lastBatch.status}:${d.rows > 0}` : 'none']),
      );
    };
    expect(await rowsOf('admin@tailspin.example')).toEqual({
      transactions: 'succeeded:true',
      shipments: 'none',
      service_cases: 'succeeded:true',
      activities: 'succeeded:true',
    });
    expect((await rowsOf('admin@litware.example')).shipments).toBe('succeeded:true');
  });

  it('hands each loaded batch, and no failed one, to what follows a load', async () => {
    const tailspin = await signIn('admin@tailspin.example');
    const networkId = (await app.inject({ url: '/v1/networks', headers: tailspin.headers })).json<{
      items: Array<{ id: string }>;
    }>().items[0]!.id;
    const push = async (key: string, body: string) =>
      (
        await app.inject({
          method: 'POST',
          url: `/v1/networks/${networkId}/feeds/activities`,
          headers: { ...tailspin.headers, 'content-type': 'text/csv', 'idempotency-key': key },
          payload: body,
        })
      ).json<{ id: string }>().id;
    const before = loaded.length;
    const good = await push(
      'follow-good',
      'customer_id,activity,occurred_at,quantity\nc-1,order_change,2026-03-01,1\n',
    );
    const bad = await push('follow-bad', 'customer_id,activity,when\nc-1,order_change,2026-03-01\n');
    await queue.drain();
    expect(loaded.slice(before)).toEqual([
      { firmId: tailspin.firmId, networkId, batchId: good, dataset: 'activities' },
    ]);
    expect(loaded.some((b) => b.batchId === bad)).toBe(false);
  });
});
