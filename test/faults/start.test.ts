// `pnpm start` as an operator stops it: SIGTERM (a deploy, Ctrl-C) stops the API, its in-process jobs
// and the portal in order; a start killed hard leaves no orphan either. In both cases no Accord process
// and no bound port remain within 15 s. Runs the embedded default (PGlite, demo feeds loading).
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/services.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const started: Array<{ start: ChildProcess; dataDir: string; children: number[] }> = [];

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/** Runs `pnpm start`'s script on free ports and an empty data directory; resolves once it serves. */
async function startProduct() {
  const [apiPort, portalPort] = [await freePort(), await freePort()];
  const dataDir = mkdtempSync(join(tmpdir(), 'accord-start-'));
  // the embedded default: no PostgreSQL or Redis named
  const { DATABASE_URL: _database, REDIS_URL: _redis, ...inherited } = process.env;
  const env = { ...inherited, API_PORT: String(apiPort), PORTAL_PORT: String(portalPort), HOST: '127.0.0.1' };
  const start = spawn(process.execPath, ['infra/start.mjs'], {
    cwd: root,
    env: { ...env, ACCORD_DATA_DIR: dataDir, ACCORD_SKIP_PORTAL_BUILD: '1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  start.stdout.on('data', (d: Buffer) => (output += d.toString()));
  start.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const entry = { start, dataDir, children: [] as number[] };
  started.push(entry);
  const deadline = Date.now() + 240_000;
  while (!output.includes('Accord is running')) {
    if (start.exitCode !== null) throw new Error(`pnpm start exited:\n${output}`);
    if (Date.now() > deadline) throw new Error(`pnpm start did not come up:\n${output}`);
    await sleep(250);
  }
  expect(await listening(portalPort)).toBe(true);
  entry.children = execFileSync('pgrep', ['-P', String(start.pid)], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map(Number);
  expect(entry.children.length).toBe(2); // the API (running jobs in-process) and the portal
  return { ...entry, ports: [apiPort, portalPort] };
}

/** Waits up to 15 s for every process and port of a start to be gone; answers how long it took. */
async function goneWithin15s(pids: number[], ports: number[]): Promise<number> {
  const since = Date.now();
  while (Date.now() - since < 15_000) {
    const open = await Promise.all(ports.map(listening));
    if (!pids.some(alive) && !open.some(Boolean)) return Date.now() - since;
    await sleep(100);
  }
  throw new Error(
    `after 15 s still running: ${pids.filter(alive).join(', ') || 'none'}; ports still bound: ${ports.join(', ')}`,
  );
}

beforeAll(() => {
  if (existsSync(join(root, 'apps/portal/build/index.js'))) return;
  const build = spawnSync('pnpm', ['--filter', '@accord/portal', 'build'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`portal build failed:\n${build.stdout}\n${build.stderr}`);
}, 300_000);

afterEach(() => {
  for (const { start, dataDir, children } of started.splice(0)) {
    for (const pid of [start.pid!, ...children]) if (alive(pid)) process.kill(pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
});

describe('pnpm start', () => {
  it('stops everything on SIGTERM while the demo feeds load, within 15 s', async () => {
    const { start, children, ports } = await startProduct();
    start.kill('SIGTERM');
    await goneWithin15s([start.pid!, ...children], ports);
    expect(start.exitCode).toBe(0);
  }, 300_000);

  it('killed hard, leaves no orphan: its children stop themselves', async () => {
    const { start, children, ports } = await startProduct();
    start.kill('SIGKILL');
    await goneWithin15s(children, ports);
  }, 300_000);
});
