// Signed-in reads on real PostgreSQL and Redis, against the floor measured in the same run:
//   - a bare Fastify hello world (no database);
//   - the floor: Fastify + @fastify/jwt + postgres.js doing each read as one pipelined transaction (the
//     tenancy settings, the membership and session check, the read's statements) and nothing else
//     (`reads-floor.server.ts`);
//   - Accord's API doing the same three reads as a partner firm's analyst: the network, a 50-row page
//     of customer features, the current scorecard period.
// 64 connections, 10 s a run (BENCH_SECONDS), floor and API in turn three times (BENCH_ROUNDS), after a
// warm-up; prints the median req/s, p50/p99, errors and each read's ratio to its floor. Then the three
// reads arriving steadily, each at BENCH_MIXED_RATE requests a second (50): for 10 s alone, then for
// BENCH_MIXED_SECONDS (60) while a feed of BENCH_FEED_ROWS rows (1,000,000) is uploaded and loaded and
// a recompute is asked for, printing errors and p50/p99 per route.
//   pnpm bench reads          (BENCH_STATEMENTS=1 prints each read's statements from pg_stat_statements)
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createWriteStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import postgres from 'postgres';
import { openDatabase } from '@accord/db';
import { createBullQueue, QUEUE_NAME } from '@accord/jobs';
import { Redis } from 'ioredis';
import { buildApp } from '../../apps/api/src/app.ts';
import { demoEmail } from '../../apps/api/src/modules/demo/demo.seed.ts';
import { freePort, startPostgres, startRedis } from '../../infra/local/services.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const MIXED_SECONDS = Number(process.env.BENCH_MIXED_SECONDS ?? 60);
const FEED_ROWS = Number(process.env.BENCH_FEED_ROWS ?? 1_000_000);
// requests per second of each read in the mixed run, arriving steadily: a busy morning, well under what the
// API serves flat out (a closed loop at full speed would only measure queueing: 64 connections at 250 req/s
// wait 250 ms a request whatever else runs)
const MIXED_RATE = Number(process.env.BENCH_MIXED_RATE ?? 50);
const CONNECTIONS = 64;
const JWT_SECRET = 'bench-secret-bench-secret-bench-secret';
const root = fileURLToPath(new URL('../..', import.meta.url));
const here = fileURLToPath(new URL('.', import.meta.url));

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
}

function spawnNode(name: string, args: string[], env: Record<string, string>): ChildProcess {
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, ...args], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.on('exit', (code, signal) => {
    if (code) console.error(`${name} exited with ${code ?? signal}`);
  });
  return child;
}

async function waitFor(url: string, ok: (r: Response) => Promise<boolean> = async (r) => r.ok, seconds = 300) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    const ready = await fetch(url).then(ok, () => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} was not ready within ${seconds} s`);
}

async function json<T>(response: Response | Promise<Response>): Promise<T> {
  const r = await response;
  if (!r.ok) throw new Error(`${r.url}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

function cannon(url: string, headers: Record<string, string>, seconds: number): Promise<Figures> {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration: seconds, headers }, (error, result) => {
      if (error) return reject(error instanceof Error ? error : new Error(String(error)));
      resolve({
        rps: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.errors + result.timeouts + result.non2xx,
        requests: result.requests.total,
      });
    });
  });
}

/** The median of each figure over runs (errors: their sum). */
function median(runs: Figures[]): Figures {
  const mid = (pick: (f: Figures) => number) => runs.map(pick).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
  return {
    rps: mid((f) => f.rps),
    p50: mid((f) => f.p50),
    p99: mid((f) => f.p99),
    errors: runs.reduce((sum, f) => sum + f.errors, 0),
    requests: runs.reduce((sum, f) => sum + f.requests, 0),
  };
}

/** Resolves when the worker has had nothing waiting or running for two seconds. */
async function queueIdle(url: string) {
  const redis = new Redis(url);
  try {
    for (let quiet = 0; quiet < 4;) {
      const [waiting, active, prioritized] = await Promise.all([
        redis.llen(`bull:${QUEUE_NAME}:wait`),
        redis.llen(`bull:${QUEUE_NAME}:active`),
        redis.zcard(`bull:${QUEUE_NAME}:prioritized`),
      ]);
      quiet = waiting + active + prioritized === 0 ? quiet + 1 : 0;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    redis.disconnect();
  }
}

/**
 * Requests at a steady rate whatever the answers take (an open loop, as users arrive), each timed from
 * when it was due, so that a stall shows in the latency of every request it held up.
 */
async function openLoop(url: string, headers: Record<string, string>, rate: number, seconds: number): Promise<Figures> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const requests: Promise<void>[] = [];
  for (let i = 0; i < rate * seconds; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    requests.push(
      fetch(url, { headers }).then(
        async (r) => {
          await r.arrayBuffer();
          if (!r.ok) errors += 1;
          latencies.push(performance.now() - due);
        },
        () => void (errors += 1),
      ),
    );
  }
  await Promise.all(requests);
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return {
    rps: latencies.length / ((performance.now() - started) / 1000),
    p50: at(0.5),
    p99: at(0.99),
    errors,
    requests: latencies.length + errors,
  };
}

function signInResponse(base: string, email: string): Promise<Response> {
  return fetch(`${base}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'accord-demo' }),
  });
}

async function signIn(base: string, email: string): Promise<string> {
  return (await json<{ accessToken: string }>(signInResponse(base, email))).accessToken;
}

const cleanups: Array<() => Promise<void> | void> = [];
const stop = (child: ChildProcess) => () =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });

try {
  const pg = await startPostgres({
    settings: { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track': 'all' },
  });
  cleanups.push(() => pg.stop());
  const redis = await startRedis();
  cleanups.push(() => redis.stop());
  const admin = postgres(pg.url, { max: 1, onnotice: () => {} });
  cleanups.push(() => admin.end({ timeout: 5 }));
  await admin`create extension if not exists pg_stat_statements`;

  const env = { DATABASE_URL: pg.url, REDIS_URL: redis.url, JWT_SECRET, HOST: '127.0.0.1' };
  const apiPort = await freePort();
  const api = spawnNode('api', (process.env.BENCH_API_COMMAND ?? 'apps/api/dist/server.js').split(' '), {
    ...env,
    PORT: String(apiPort),
    ACCORD_DEMO: 'true',
  });
  cleanups.push(stop(api));
  const base = `http://127.0.0.1:${apiPort}`;
  await waitFor(`${base}/readyz`);
  // after the API has migrated the database
  const worker = spawnNode('worker', (process.env.BENCH_WORKER_COMMAND ?? 'apps/worker/dist/main.js').split(' '), env);
  cleanups.push(stop(worker));

  // A retailer's analyst: a partner firm, not the focal manufacturer.
  const headers = { authorization: `Bearer ${await signIn(base, demoEmail('Tailspin Retail', 'analyst'))}` };
  const { items: networks } = await json<{ items: Array<{ id: string }> }>(fetch(`${base}/v1/networks`, { headers }));
  const networkId = networks[0]!.id;
  console.log('waiting for the demo feeds to be loaded and valued');
  for (;;) {
    const page = await json<{ items: unknown[] }>(
      fetch(`${base}/v1/networks/${networkId}/customer-features?limit=50`, { headers }),
    );
    if (page.items.length === 50) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  // The demo has no scorecard: the manufacturer (the focal firm) sets one up, as the portal's first use does.
  const manufacturer = await signIn(base, demoEmail('Northwind Appliances'));
  const scorecard = await json<{ id: string }>(
    fetch(`${base}/v1/networks/${networkId}/scorecards`, {
      method: 'POST',
      headers: { authorization: `Bearer ${manufacturer}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Joint', periodKind: 'month' }),
    }),
  );
  // The demo's other firms are still being valued and the new scorecard scored: measure once that is done.
  await queueIdle(redis.url);
  const reads = [
    { name: 'network', path: `/v1/networks/${networkId}` },
    { name: 'customer features, 50 rows', path: `/v1/networks/${networkId}/customer-features?limit=50` },
    { name: 'scorecard period', path: `/v1/networks/${networkId}/scorecards/${scorecard.id}/periods/current` },
  ];

  if (process.env.BENCH_STATEMENTS) {
    for (const read of reads) {
      await admin`select pg_stat_statements_reset()`;
      for (let i = 0; i < 20; i++) await json(fetch(base + read.path, { headers }));
      const statements = await admin<{ calls: number; ms: number; query: string }[]>`
        select calls::int, round(mean_exec_time::numeric, 3)::float8 as ms, query from pg_stat_statements
         where query not like '%pg_stat_statements%' order by calls desc, ms desc`;
      console.log(`\n${read.name}: statements per request`);
      for (const s of statements)
        console.log(`  ${s.calls / 20} x ${s.ms} ms  ${s.query.replace(/\s+/g, ' ').slice(0, 300)}`);
    }
  }

  // The floor does each read's database work as the API does it: the statements the API's route runs
  // after its access check, captured here from an API built in this process on the same database.
  const captured: Record<string, { networkId: string; statements: Array<{ query: string; params: unknown[] }> }> = {};
  {
    let log: Array<{ query: string; params: unknown[] }> = [];
    const database = openDatabase({ url: pg.url, max: 2, logQuery: (query, params) => log.push({ query, params }) });
    const app = await buildApp({
      database,
      queue: createBullQueue(redis.url),
      jwtSecret: JWT_SECRET,
      portalUrl: 'http://127.0.0.1',
    });
    for (const read of reads) {
      log = [];
      const answer = await app.inject({ method: 'GET', url: read.path, headers });
      if (answer.statusCode !== 200) throw new Error(`${read.path}: ${answer.statusCode} ${answer.body}`);
      // the first two are the tenancy settings and the access check, which the floor writes itself
      captured[read.path] = { networkId, statements: log.slice(2) };
      console.log(`${read.name}: ${log.length - 2} statements after the access check`);
    }
    await app.close();
    await app.queue.close();
    await database.close();
  }
  const readsFile = join(mkdtempSync(join(tmpdir(), 'accord-reads-')), 'reads.json');
  writeFileSync(readsFile, JSON.stringify(captured));

  const hello = await freePort();
  const floor = await freePort();
  const helloServer = spawnNode('hello', ['--import', 'tsx', `${here}reads-floor.server.ts`], {
    PORT: String(hello),
    FLOOR_MODE: 'hello',
  });
  cleanups.push(stop(helloServer));
  const floorServer = spawnNode('floor', ['--import', 'tsx', `${here}reads-floor.server.ts`], {
    ...env,
    PORT: String(floor),
    READS_FILE: readsFile,
  });
  cleanups.push(stop(floorServer));
  await waitFor(`http://127.0.0.1:${hello}/`);
  await waitFor(`http://127.0.0.1:${floor}/healthz`);
  const floorBase = `http://127.0.0.1:${floor}`;
  for (const read of reads) {
    const results = await json<unknown[][]>(fetch(floorBase + read.path, { headers }));
    if (results.length !== captured[read.path]!.statements.length)
      throw new Error(`the floor answered ${read.path} unlike the API`);
  }

  const row = (label: string, f: Figures, floorOf?: Figures) =>
    console.log(
      `${label.padEnd(44)} ${Math.round(f.rps).toLocaleString('en').padStart(7)} req/s  p50 ${String(f.p50).padStart(4)} ms  p99 ${String(f.p99).padStart(4)} ms  errors ${f.errors}` +
        (floorOf
          ? `  ratio ${(f.rps / floorOf.rps).toFixed(2)} (>= 0.8), p99 ${(f.p99 / floorOf.p99).toFixed(2)}x the floor's (<= 1.5)`
          : ''),
    );
  // warm-up: JIT, prepared statements, connection pools
  for (const read of reads) {
    await cannon(floorBase + read.path, headers, 2);
    await cannon(base + read.path, headers, 2);
  }
  // The floor and the API take turns, ROUNDS times each: this machine's speed drifts by a fifth between
  // minutes, and a ratio of two runs side by side is steadier than one of two runs far apart.
  console.log(`\n${CONNECTIONS} connections, ${SECONDS} s a run, floor and API in turn ${ROUNDS} times (medians)`);
  row('bare Fastify hello world', await cannon(`http://127.0.0.1:${hello}/`, {}, SECONDS));
  for (const read of reads) {
    const floors: Figures[] = [];
    const ours: Figures[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      floors.push(await cannon(floorBase + read.path, headers, SECONDS));
      ours.push(await cannon(base + read.path, headers, SECONDS));
    }
    const f = median(floors);
    row(`floor: ${read.name}`, f);
    row(`Accord: ${read.name}`, median(ours), f);
    console.log(
      `${''.padEnd(44)} rounds: ${ours.map((o, i) => (o.rps / floors[i]!.rps).toFixed(2)).join(', ')} of the floor`,
    );
  }
  // the floors are done: the mixed run has the machine to the API, the worker and the database
  await stop(helloServer)();
  await stop(floorServer)();

  // Mixed: reads while a feed loads and a recompute runs (BENCH_MIXED_SECONDS=0 skips it).
  if (MIXED_SECONDS > 0) {
    const retailer = await json<{ accessToken: string; firm: { id: string } }>(
      signInResponse(base, demoEmail('Tailspin Retail')),
    );
    const { key } = await json<{ key: string }>(
      fetch(`${base}/v1/firms/${retailer.firm.id}/api-keys`, {
        method: 'POST',
        headers: { authorization: `Bearer ${retailer.accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'bench', networkId, datasets: ['transactions'] }),
      }),
    );
    const atRate = (seconds: number) =>
      Promise.all(
        reads.map((read) => openLoop(base + read.path, headers, MIXED_RATE, seconds).then((f) => ({ read, f }))),
      );
    console.log(`\nthe three reads, each at ${MIXED_RATE} req/s, nothing else running, 10 s`);
    for (const { read, f } of await atRate(10)) row(`quiet: ${read.name}`, f);
    console.log(
      `\nmixed, ${MIXED_SECONDS} s: each read at ${MIXED_RATE} req/s while a ${FEED_ROWS.toLocaleString('en')}-row feed is uploaded and loaded and a recompute is asked for`,
    );
    const feedFile = join(mkdtempSync(join(tmpdir(), 'accord-feed-')), 'transactions.csv');
    await pipeline(Readable.from(feed(FEED_ROWS)), createWriteStream(feedFile));
    const mixed = atRate(MIXED_SECONDS);
    const uploadStarted = performance.now();
    const seconds = () => ((performance.now() - uploadStarted) / 1000).toFixed(1);
    // where a slow read waits: the API's event loop (/healthz touches nothing else) or the database
    const probes = { api: [] as Array<[number, number]>, database: [] as Array<[number, number]> };
    let probing = true;
    const probe = async (into: Array<[number, number]>, ask: () => Promise<unknown>) => {
      while (probing) {
        const at = performance.now();
        await ask();
        into.push([(at - uploadStarted) / 1000, performance.now() - at]);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const probed = Promise.all([
      probe(probes.api, () => fetch(`${base}/healthz`).then((r) => r.arrayBuffer())),
      probe(probes.database, () => admin`select 1`),
    ]);
    // the pipeline is a process of its own, as it would be, so that its work is not counted in the reads' latency
    const uploader = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { createReadStream } from 'node:fs';
         import { Readable } from 'node:stream';
  import { pipeline } from 'node:stream/promises';
         const r = await fetch(process.argv[1], { method: 'POST', duplex: 'half',
           headers: { authorization: 'Bearer ${key}', 'content-type': 'text/csv', 'idempotency-key': 'bench-${Date.now()}' },
           body: Readable.toWeb(createReadStream(process.argv[2])) });
         console.log(JSON.stringify({ status: r.status, body: await r.json() }));`,
        `${base}/v1/networks/${networkId}/feeds/transactions`,
        feedFile,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let answer = '';
    uploader.stdout.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    await new Promise((resolve) => uploader.once('exit', resolve));
    const uploaded = JSON.parse(answer) as { status: number; body: { id: string } };
    const batchId = uploaded.body.id;
    const receivedAfter = seconds();
    const recompute = await fetch(`${base}/v1/networks/${networkId}/customer-value/recompute`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: '{}',
    });
    let batch: { status: string; rowsAccepted: number };
    for (;;) {
      batch = await json(fetch(`${base}/v1/networks/${networkId}/batches/${batchId}`, { headers }));
      if (batch.status === 'succeeded' || batch.status === 'failed') break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const loadedAfter = seconds();
    for (const { read, f } of await mixed) row(`mixed: ${read.name}`, f);
    probing = false;
    await probed;
    for (const [name, samples] of Object.entries(probes)) {
      const slow = samples.filter(([, ms]) => ms > 200);
      const worst = samples.reduce((w, s) => (s[1] > w[1] ? s : w), [0, 0]);
      console.log(
        `${name} probe (${name === 'api' ? 'GET /healthz' : 'select 1'} every 50 ms): worst ${worst[1].toFixed(0)} ms at ${worst[0].toFixed(1)} s; ${slow.length} of ${samples.length} over 200 ms${slow.length ? ` (from ${slow[0]![0].toFixed(1)} s to ${slow.at(-1)![0].toFixed(1)} s)` : ''}`,
      );
    }
    console.log(
      `feed: ${uploaded.status} after ${receivedAfter} s, batch ${batch.status} with ${batch.rowsAccepted.toLocaleString('en')} rows after ${loadedAfter} s; recompute asked: ${recompute.status}`,
    );
  }
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup();
}

function* feed(rows: number): Generator<string> {
  yield 'order_id,line_no,occurred_at,customer_id,sku,quantity,net_amount,cost_amount,currency,channel,location_id\n';
  let buffer = '';
  for (let i = 1; i <= rows; i++) {
    const cents = (i * 7919) % 50_000;
    const day = String((i % 28) + 1).padStart(2, '0');
    buffer += `bench-${Math.ceil(i / 3)},${((i - 1) % 3) + 1},2026-0${(i % 9) + 1}-${day}T10:15:00Z,customer-${(i * 2_654_435_761) % 100_000}@example.net,SKU-${i % 500},1,${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')},${(cents * 0.006).toFixed(2)},EUR,web,\n`;
    if (i % 10_000 === 0) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}
