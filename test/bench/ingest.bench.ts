// End-to-end ingest of a large transactions feed (CSV over HTTP, queue, checks, hashing, COPY and
// streamed merge) on real PostgreSQL and Redis, against a plain COPY of the same rows into a table
// identical to the fact table on the same server in the same run. Prints rows/s, the ratio, and peak RSS of the
// API and worker processes. Target: ratio >= 0.5; API peak RSS < 300 MB while receiving.
//   pnpm bench ingest            (BENCH_ROWS=2000000 by default; BENCH_PROFILE=dir for CPU profiles)
import { openDatabase } from '@accord/db';
import { spawn, type ChildProcess } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { seedDemo } from '../../apps/api/src/modules/demo/demo.seed.ts';
import { freePort, startPostgres, startRedis } from '../../infra/local/services.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 2_000_000);
const root = fileURLToPath(new URL('../..', import.meta.url));
const HEADER =
  'order_id,line_no,occurred_at,customer_id,sku,quantity,net_amount,cost_amount,currency,channel,location_id';
const channels = ['store', 'web', 'mobile', 'phone', 'marketplace'];

function* rows(): Generator<string> {
  yield `${HEADER}\n`;
  let buffer = '';
  for (let i = 1; i <= ROWS; i++) {
    const order = Math.ceil(i / 3);
    const cents = (i * 7919) % 50_000;
    const net = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
    const cost = `${Math.floor((cents * 0.6) / 100)}.${String(Math.floor(cents * 0.6) % 100).padStart(2, '0')}`;
    const day = String((i % 28) + 1).padStart(2, '0');
    const channel = channels[i % channels.length]!;
    buffer += `o-${order},${((i - 1) % 3) + 1},2026-0${(i % 9) + 1}-${day}T${String(i % 24).padStart(2, '0')}:15:00Z,customer-${(i * 2_654_435_761) % 400_000}@example.net,SKU-${i % 5000},1,${net},${cost},EUR,${channel},${channel === 'store' ? `store-${i % 40}` : ''}\n`;
    if (i % 10_000 === 0) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

function currentRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

/** BENCH_PROFILE=dir writes CPU profiles of the api and the worker (one per thread) there (open it in Chrome's DevTools). */
function start(name: string, args: string[], env: Record<string, string>, nodeFlags: string[] = []): ChildProcess {
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const child = spawn(process.execPath, [...nodeFlags, ...profile, ...args], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.on('exit', (code) => {
    if (code !== null && code !== 0) console.error(`${name} exited with ${code}`);
  });
  return child;
}

async function waitFor(url: string) {
  for (let i = 0; i < 600; i++) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer`);
}

const cleanups: Array<() => Promise<void> | void> = [];
try {
  const dir = mkdtempSync(join(tmpdir(), 'accord-bench-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'transactions.csv');
  await pipeline(Readable.from(rows()), createWriteStream(file));
  const bytes = statSync(file).size;
  console.log(`feed: ${ROWS.toLocaleString('en')} rows, ${(bytes / 1e6).toFixed(0)} MB CSV`);

  let databaseUrl = process.env.DATABASE_URL;
  let redisUrl = process.env.REDIS_URL;
  if (!databaseUrl) {
    const pg = await startPostgres();
    cleanups.push(() => pg.stop());
    databaseUrl = pg.url;
  }
  if (!redisUrl) {
    const redis = await startRedis();
    cleanups.push(() => redis.stop());
    redisUrl = redis.url;
  }
  const database = openDatabase({ url: databaseUrl, max: 2 });
  await database.migrate();
  await seedDemo(database.db);
  await database.close();

  const port = await freePort();
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    JWT_SECRET: 'bench-secret-bench-secret',
    ACCORD_DEMO: 'true',
  };
  // as production runs them: the compiled API and worker (`pnpm build` first), with their start scripts' flags
  const api = start('api', ['apps/api/dist/server.js'], { ...env, PORT: String(port), HOST: '127.0.0.1' });
  const worker = start(
    'worker',
    ['apps/worker/dist/main.js'],
    { ...env, WORKER_CONCURRENCY: '1', LOG_LEVEL: process.env.BENCH_WORKER_LOG ?? 'warn' },
    ['--max-old-space-size=1024'],
  );
  cleanups.push(
    () => void api.kill('SIGTERM'),
    () => void worker.kill('SIGTERM'),
  );
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/healthz`);

  const login = (await (
    await fetch(`${base}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@tailspin.example', password: 'accord-demo' }),
    })
  ).json()) as { accessToken: string; firm: { id: string } };
  const auth = { authorization: `Bearer ${login.accessToken}` };
  const networks = (await (await fetch(`${base}/v1/networks`, { headers: auth })).json()) as {
    items: Array<{ id: string }>;
  };
  const networkId = networks.items[0]!.id;
  const created = (await (
    await fetch(`${base}/v1/firms/${login.firm.id}/api-keys`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'bench', networkId, datasets: ['transactions'] }),
    })
  ).json()) as { key: string };

  const apiIdle = currentRssMb(api.pid!);
  const started = performance.now();
  const response = await fetch(`${base}/v1/networks/${networkId}/feeds/transactions`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${created.key}`,
      'content-type': 'text/csv',
      'idempotency-key': `bench-${Date.now()}`,
    },
    body: Readable.toWeb(createReadStream(file)) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  const batch = (await response.json()) as { id: string };
  const received = performance.now();
  const apiPeakWhileReceiving = peakRssMb(api.pid!);
  let final: { status: string; rowsAccepted: number; error: unknown } | undefined;
  for (;;) {
    final = (await (
      await fetch(`${base}/v1/networks/${networkId}/batches/${batch.id}`, { headers: auth })
    ).json()) as typeof final;
    if (final!.status === 'succeeded' || final!.status === 'failed') break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const endToEnd = (performance.now() - started) / 1000;
  if (final!.status !== 'succeeded' || final!.rowsAccepted !== ROWS)
    throw new Error(`batch ended ${JSON.stringify(final)}`);
  const workerPeak = peakRssMb(worker.pid!);

  // Baseline: the same rows as stored (keys hashed, firm and network set), plain COPY into a table
  // identical to the fact table (same columns, key and indexes), on the same server.
  const stored = join(dir, 'stored.csv');
  // A client of its own for the export: a postgres.js connection that has run COPY TO does not always
  // answer its next query.
  const exporter = postgres(databaseUrl, { max: 1 });
  // COPY takes no parameters; the id is a UUID this run received from the API
  const readable = await exporter
    .unsafe(`copy (select * from transactions where batch_id = '${batch.id}') to stdout (format csv)`)
    .readable();
  await pipeline(readable, createWriteStream(stored));
  await exporter.end({ timeout: 5 });
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  await sql`drop table if exists bench_copy`;
  await sql`create table bench_copy (like transactions including all)`;
  const copyStarted = performance.now();
  const writable = await sql`copy bench_copy from stdin (format csv)`.writable();
  await pipeline(createReadStream(stored), writable);
  const copySeconds = (performance.now() - copyStarted) / 1000;
  await sql`drop table bench_copy`;
  await sql.end();

  const rate = (s: number) => Math.round(ROWS / s).toLocaleString('en');
  console.log(`upload (HTTP, stored in chunks): ${((received - started) / 1000).toFixed(1)} s`);
  console.log(`end to end: ${endToEnd.toFixed(1)} s, ${rate(endToEnd)} rows/s`);
  console.log(`plain COPY baseline: ${copySeconds.toFixed(1)} s, ${rate(copySeconds)} rows/s`);
  console.log(`ratio to raw COPY: ${(copySeconds / endToEnd).toFixed(2)} (target >= 0.5)`);
  console.log(
    `peak RSS: api ${apiPeakWhileReceiving.toFixed(0)} MB while receiving (target < 300; ${apiIdle.toFixed(0)} MB before the upload), worker ${workerPeak.toFixed(0)} MB`,
  );
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup();
}
