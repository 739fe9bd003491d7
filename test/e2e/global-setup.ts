// The whole stack for the e2e tier: PostgreSQL and Redis (throwaway ones on loopback unless DATABASE_URL
// and REDIS_URL are set), the API in demo mode, the worker that delivers its email (to its log), and the
// built portal (`node apps/portal/build`). Logs go to test/e2e/artifacts/logs/.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startPostgres, startRedis } from '../../infra/local/services.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    portalUrl: string;
    apiUrl: string;
    /** The worker's stdout: invitation emails (with their links) are logged there. */
    workerLogPath: string;
    /** The API's stdout: without Redis the API itself logs the emails. */
    apiLogPath: string;
    artifactsDir: string;
    /** True when this run started its own empty database (so fixed emails are still unused). */
    freshDatabase: boolean;
    /** The loopback UDP port the API asks for DNS (ACCORD_DNS_SERVERS): a test serves it (test/support/dns-server.ts). */
    dnsPort: number;
  }
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const artifactsDir = join(root, 'test/e2e/artifacts');
const logsDir = join(artifactsDir, 'logs');

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const server = createServer();
    server.once('error', rej);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => res(port));
    });
  });
}

function freeUdpPort(): Promise<number> {
  return new Promise((res, rej) => {
    const socket = createSocket('udp4');
    socket.once('error', rej);
    socket.bind(0, '127.0.0.1', () => {
      const { port } = socket.address();
      socket.close(() => res(port));
    });
  });
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

interface Started {
  name: string;
  child: ChildProcess;
  logFile: string;
  exited: boolean;
}

/** Starts a long-running process in its own process group, its output appended to a log file. */
function start(name: string, command: string, args: string[], env: Record<string, string>): Started {
  const logFile = join(logsDir, `${name}.log`);
  const log = createWriteStream(logFile, { flags: 'w' });
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, ...env },
    detached: true, // own process group: teardown stops it and whatever it spawned
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const started: Started = { name, child, logFile, exited: false };
  child.once('exit', () => {
    started.exited = true;
  });
  return started;
}

async function waitFor(what: Started, check: () => Promise<boolean> | boolean, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (what.exited) throw new Error(`${what.name} exited while starting:\n${tail(what.logFile)}`);
    try {
      if (await check()) return;
    } catch {
      // not answering yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what.name} did not become ready within ${timeoutMs / 1000} s:\n${tail(what.logFile)}`);
}

async function stopProcess(started: Started): Promise<void> {
  const pid = started.child.pid;
  if (started.exited || pid === undefined) return;
  const exited = new Promise<void>((res) => started.child.once('exit', () => res()));
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return; // already gone
  }
  const timedOut = await Promise.race([
    exited.then(() => false),
    new Promise<boolean>((res) => setTimeout(() => res(true), 10_000)),
  ]);
  if (timedOut) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

export default async function setup(project: TestProject) {
  mkdirSync(logsDir, { recursive: true });
  const processes: Started[] = [];
  const services: Array<() => Promise<void>> = [];
  const teardown = async () => {
    for (const p of processes.reverse()) await stopProcess(p);
    for (const stop of services.reverse()) await stop();
  };

  try {
    let databaseUrl = process.env.DATABASE_URL;
    let redisUrl = process.env.REDIS_URL;
    const freshDatabase = !databaseUrl;
    if (!databaseUrl || !redisUrl) {
      const [postgres, redis] = await Promise.all([
        databaseUrl ? undefined : startPostgres(),
        redisUrl ? undefined : startRedis(),
      ]);
      if (postgres) {
        services.push(() => postgres.stop());
        databaseUrl = postgres.url;
      }
      if (redis) {
        services.push(() => redis.stop());
        redisUrl = redis.url;
      }
    }
    if (!databaseUrl || !redisUrl) throw new Error('no database or Redis');

    if (process.env.ACCORD_SKIP_PORTAL_BUILD !== '1') {
      const build = spawnSync('pnpm', ['--filter', '@accord/portal', 'build'], { cwd: root, encoding: 'utf8' });
      if (build.status !== 0) {
        throw new Error(`portal build failed (exit ${build.status}):\n${build.stdout}\n${build.stderr}`);
      }
    }

    const [apiPort, portalPort, dnsPort] = await Promise.all([freePort(), freePort(), freeUdpPort()]);
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const portalUrl = `http://127.0.0.1:${portalPort}`;
    const shared = { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, LOG_LEVEL: 'info' };

    const api = start('api', process.execPath, ['--import', 'tsx', 'apps/api/src/server.ts'], {
      ...shared,
      HOST: '127.0.0.1',
      PORT: String(apiPort),
      ACCORD_DEMO: 'true',
      // the tests count rows they push themselves
      ACCORD_DEMO_FEEDS: 'false',
      JWT_SECRET: randomBytes(32).toString('hex'),
      ACCORD_PORTAL_URL: portalUrl,
      ACCORD_LOGIN_RATE_LIMIT: '1000',
      ACCORD_LOGIN_ADDRESS_LIMIT: '10000',
      // single sign-on against a provider the SSO test starts on loopback, its domains verified through the
      // DNS server that test serves on this port
      ACCORD_SSO_ALLOW_HTTP_LOOPBACK: 'true',
      ACCORD_DNS_SERVERS: `127.0.0.1:${dnsPort}`,
    });
    processes.push(api);
    await waitFor(api, async () => (await fetch(`${apiUrl}/readyz`)).ok);

    // Started after the API has migrated and seeded the database.
    const worker = start('worker', process.execPath, ['--import', 'tsx', 'apps/worker/src/main.ts'], shared);
    processes.push(worker);
    await waitFor(worker, () => readFileSync(worker.logFile, 'utf8').includes('worker started'));

    const portal = start('portal', process.execPath, ['apps/portal/build'], {
      HOST: '127.0.0.1',
      PORT: String(portalPort),
      ORIGIN: portalUrl,
      ACCORD_API_URL: apiUrl,
      PORTAL_SESSION_SECRET: randomBytes(32).toString('hex'),
      // adapter-node's request-body limit applies to every route; the feed upload endpoint streams files of up to
      // the API's 2 GB limit, and the portal caps every other route itself (apps/portal/src/hooks.server.ts).
      BODY_SIZE_LIMIT: '2G',
    });
    processes.push(portal);
    await waitFor(portal, async () => (await fetch(`${portalUrl}/login`)).ok);

    project.provide('portalUrl', portalUrl);
    project.provide('apiUrl', apiUrl);
    project.provide('workerLogPath', worker.logFile);
    project.provide('apiLogPath', api.logFile);
    project.provide('artifactsDir', artifactsDir);
    project.provide('freshDatabase', freshDatabase);
    project.provide('dnsPort', dnsPort);
  } catch (error) {
    await teardown();
    throw error;
  }

  return teardown;
}
