// `pnpm start`: the one command that runs the product. Builds the portal and compiles the API and worker, then
// runs the API (+ worker when PostgreSQL and Redis are configured) and the
// portal, with prefixed output and orderly shutdown.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = process.env;
const apiPort = env.API_PORT || '3001';
const portalPort = env.PORTAL_PORT || '3000';
const host = env.HOST || '0.0.0.0';
const origin = env.ORIGIN || `http://localhost:${portalPort}`;
const STOP_TIMEOUT_MS = 10_000;

// Keeps portal sign-ins across restarts when no secret is configured: one is kept beside the data.
function portalSessionSecret() {
  if (env.PORTAL_SESSION_SECRET) return env.PORTAL_SESSION_SECRET;
  const dir = env.ACCORD_DATA_DIR || join(root, '.data');
  const file = join(dir, 'portal-session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

const log = (msg) => console.log(`[start] ${msg}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

if (env.ACCORD_SKIP_PORTAL_BUILD !== '1') {
  log('building the portal (ACCORD_SKIP_PORTAL_BUILD=1 skips this)');
  const build = spawnSync('pnpm', ['--filter', '@accord/portal', 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Production runs compiled JavaScript (apps/api/dist, apps/worker/dist); this takes a second or two.
{
  const compiled = spawnSync(process.execPath, ['infra/build.mjs'], { cwd: root, stdio: 'inherit' });
  if (compiled.status !== 0) process.exit(compiled.status ?? 1);
}

/** @type {Map<string, import("node:child_process").ChildProcess>} */
const children = new Map();
let stopping = false;

// Each service runs as `node` directly (no pnpm in between, whose children outlive it), in its own process
// group (detached) so a terminal Ctrl-C reaches only us and we stop each in order; each also stops itself
// when we die without stopping it (infra/exit-with-parent.mjs).
function launch(name, args, extraEnv) {
  const child = spawn(process.execPath, ['--import', './infra/exit-with-parent.mjs', ...args], {
    cwd: root,
    env: { ...env, ...extraEnv },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = `[${name}] `;
  createInterface({ input: child.stdout }).on('line', (l) => process.stdout.write(prefix + l + '\n'));
  createInterface({ input: child.stderr }).on('line', (l) => process.stderr.write(prefix + l + '\n'));
  child.once('error', (err) => {
    children.delete(name);
    log(`${name} could not be started: ${err.message}`);
    void shutdown(1);
  });
  child.once('exit', (code, signal) => {
    if (stopping) return;
    log(`${name} exited (${signal ?? `code ${code}`}); stopping the others`);
    void shutdown(code ?? 1);
  });
  children.set(name, child);
}

function signalGroup(pid, sig) {
  try {
    process.kill(-pid, sig);
    return true;
  } catch {
    return false; // group already gone
  }
}

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  const pids = [...children.values()].map((c) => c.pid).filter(Boolean);
  for (const pid of pids) signalGroup(pid, 'SIGTERM');
  // Wait for whole groups: anything a service started goes with it.
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  let alive = pids;
  while (alive.length && Date.now() < deadline) {
    await sleep(100);
    alive = alive.filter((pid) => signalGroup(pid, 0));
  }
  if (alive.length) {
    log(`still running after ${STOP_TIMEOUT_MS / 1000} s; killing`);
    for (const pid of alive) signalGroup(pid, 'SIGKILL');
  }
  process.exit(code);
}

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => void shutdown(0));
}

launch('api', ['--enable-source-maps', 'apps/api/dist/server.js'], {
  PORT: apiPort,
  HOST: host,
  ACCORD_PORTAL_URL: env.ACCORD_PORTAL_URL || origin, // links in emails
});
if (env.DATABASE_URL && env.REDIS_URL) {
  log('DATABASE_URL and REDIS_URL set: jobs run in the worker');
  launch('worker', ['--enable-source-maps', '--max-old-space-size=1024', 'apps/worker/dist/main.js'], {});
} else {
  // Embedded PGlite allows a single process, so no separate worker here.
  log('no DATABASE_URL/REDIS_URL: API uses embedded PGlite and runs jobs in-process');
}
launch('portal', ['apps/portal/build'], {
  PORT: portalPort,
  HOST: host,
  ORIGIN: origin,
  ACCORD_API_URL: env.ACCORD_API_URL || `http://127.0.0.1:${apiPort}`,
  PORTAL_SESSION_SECRET: portalSessionSecret(),
  // Feed uploads stream through the portal to the API (up to its 2 GB); the portal caps other routes itself.
  BODY_SIZE_LIMIT: env.BODY_SIZE_LIMIT || '2G',
});

async function apiHealthy() {
  const url = `http://127.0.0.1:${apiPort}/healthz`;
  const deadline = Date.now() + 5 * 60_000;
  while (!stopping && Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.body?.cancel();
      if (res.status === 200) return true;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  return false;
}

if (await apiHealthy()) {
  console.log(
    [
      '',
      '  Accord is running',
      `  portal:       ${origin}`,
      `  API docs:     http://localhost:${apiPort}/docs`,
      '  demo logins:  see README (password accord-demo)',
      '',
    ].join('\n'),
  );
} else if (!stopping) {
  log('the API did not answer /healthz within 5 minutes');
  await shutdown(1);
}
