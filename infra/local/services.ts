// Throwaway PostgreSQL and Redis on loopback for dev and tests: no Docker, no
// system services, everything lives in a temp dir that is removed on stop.
import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import {
  accessSync,
  chownSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
} from 'node:fs';
import { connect, createServer, type AddressInfo } from 'node:net';
import { constants as osConstants, tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';

export interface LocalService {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface LocalPostgres extends LocalService {
  /**
   * Restarts the server as an operator would (`pg_ctl restart -m fast`: sessions are terminated, open
   * transactions roll back), or stops it for `downMs` first, to test clients across an outage.
   */
  restart(options?: { downMs?: number }): Promise<void>;
}

const isRoot = process.getuid?.() === 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// --- cleanup when the owning Node process goes away -------------------------

const exitCleanups = new Set<() => void>();
let hooksInstalled = false;

function runExitCleanups(): void {
  for (const fn of exitCleanups) {
    try {
      fn();
    } catch {
      // best effort: the process is going away anyway
    }
  }
  exitCleanups.clear();
}

/** Registers a synchronous cleanup for process exit; returns an unregister fn. */
function onProcessExit(fn: () => void): () => void {
  if (!hooksInstalled) {
    hooksInstalled = true;
    process.on('exit', runExitCleanups);
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.on(sig, () => {
        // If someone else (the CLI, a test runner) handles this signal, they
        // decide when to exit and the 'exit' hook cleans up. Otherwise keep
        // the default "die on signal" behaviour, minus the orphans.
        if (process.listenerCount(sig) > 1) return;
        runExitCleanups();
        process.exit(128 + osConstants.signals[sig]);
      });
    }
  }
  exitCleanups.add(fn);
  return () => exitCleanups.delete(fn);
}

// --- small helpers ----------------------------------------------------------

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => res(port));
    });
  });
}

function which(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const file = join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not in this PATH entry
    }
  }
  return undefined;
}

/** Runs a command to completion; resolves with stdout, rejects with all output. */
function run(cmd: string, args: string[], opts: SpawnOptions = {}) {
  return new Promise<string>((res, rej) => {
    const child = spawn(cmd, args, { ...opts, stdio: 'pipe' });
    let stdout = '';
    let output = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      output += d;
    });
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (output += d));
    child.once('error', rej);
    child.once('close', (code) =>
      code === 0 ? res(stdout) : rej(new Error(`${cmd} ${args.join(' ')} failed (exit ${code}):\n${output.trim()}`)),
    );
  });
}

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

// --- PostgreSQL -------------------------------------------------------------

const PG_TOOLS = ['initdb', 'pg_ctl', 'postgres'];

/** Directory holding PostgreSQL >= 15 server binaries (Debian layout first, then PATH). */
function findPgBin(): string {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base)
    ? readdirSync(base)
        .map(Number)
        .filter((v) => v >= 15)
        .sort((a, b) => b - a)
    : [];
  for (const v of versions) {
    const dir = join(base, String(v), 'bin');
    if (PG_TOOLS.every((t) => existsSync(join(dir, t)))) return dir;
  }
  const initdb = which('initdb');
  if (initdb) {
    // Resolve symlinks so pg_ctl/postgres are looked up next to the real initdb.
    const dir = dirname(realpathSync(initdb));
    const version = spawnSync(join(dir, 'initdb'), ['--version'], { encoding: 'utf8' }).stdout;
    const major = Number(/\d+/.exec(version ?? '')?.[0]);
    if (major >= 15 && PG_TOOLS.every((t) => existsSync(join(dir, t)))) return dir;
  }
  throw new Error(
    'PostgreSQL >= 15 server binaries (initdb, pg_ctl, postgres) not found. ' +
      'Install them: sudo apt-get install postgresql (Debian/Ubuntu) or brew install postgresql@16 (macOS).',
  );
}

function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => {
    const r = spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
    const n = Number.parseInt(r.stdout ?? '', 10);
    if (r.status !== 0 || !Number.isInteger(n)) {
      throw new Error("running as root needs the 'postgres' system user (the postgresql package creates it)");
    }
    return n;
  };
  return { uid: id('-u'), gid: id('-g') };
}

/** initdb refuses to run as root, so root runs the server tools as `postgres`. */
function asPostgres(cmd: string, args: string[]): [string, string[]] {
  return isRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
}

export async function startPostgres(
  opts: {
    dataDir?: string;
    /** Extra server settings (e.g. shared_preload_libraries). */ settings?: Record<string, string | number>;
  } = {},
): Promise<LocalPostgres> {
  const bin = findPgBin();
  const psql = existsSync(join(bin, 'psql')) ? join(bin, 'psql') : which('psql');
  if (!psql) throw new Error('psql not found (it comes with the postgresql client package)');

  // The temp dir always holds the socket and log; the data dir too unless the caller brings one.
  const tmp = mkdtempSync(join(tmpdir(), 'accord-pg-'));
  const dataDir = opts.dataDir ? resolve(opts.dataDir) : join(tmp, 'data');
  const logFile = join(tmp, 'postgres.log');
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  // cwd inside tmp: as `postgres` we may not be allowed into the caller's cwd.
  const pgTool = (tool: string, args: string[]) => run(...asPostgres(join(bin, tool), args), { cwd: tmp });

  const stopNow = () => {
    const [cmd, args] = asPostgres(join(bin, 'pg_ctl'), ['stop', '-D', dataDir, '-m', 'immediate', '-w']);
    spawnSync(cmd, args, { cwd: tmp, stdio: 'ignore' });
    rmSync(tmp, { recursive: true, force: true });
  };
  const unregister = onProcessExit(stopNow);

  try {
    if (isRoot) {
      const { uid, gid } = postgresUser();
      chownSync(tmp, uid, gid);
      if (fresh && opts.dataDir) {
        mkdirSync(dataDir, { recursive: true });
        chownSync(dataDir, uid, gid);
      }
    }
    if (fresh) {
      await pgTool('initdb', [
        '-D',
        dataDir,
        '--auth=trust',
        '-U',
        'postgres',
        '--encoding=UTF8',
        '--locale=C',
        '--no-sync',
      ]);
    }

    const port = await freePort();
    // Durability off: this database is disposable and tests want speed.
    const settings: Record<string, string | number> = {
      listen_addresses: '127.0.0.1',
      port,
      unix_socket_directories: `'${tmp}'`, // quoted: pg_ctl passes -o through /bin/sh
      fsync: 'off',
      synchronous_commit: 'off',
      full_page_writes: 'off',
      max_connections: 200,
      shared_buffers: '256MB',
      ...opts.settings,
    };
    const serverOpts = Object.entries(settings)
      .map(([k, v]) => `-c ${k}=${v}`)
      .join(' ');
    await pgTool('pg_ctl', ['start', '-D', dataDir, '-w', '-t', '60', '-l', logFile, '-o', serverOpts]);

    const query = (sql: string) =>
      run(psql, [
        '-X',
        '-q',
        '-tA',
        '-v',
        'ON_ERROR_STOP=1',
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
        '-U',
        'postgres',
        '-d',
        'postgres',
        '-c',
        sql,
      ]);
    if ((await query("SELECT 1 FROM pg_database WHERE datname = 'accord'")).trim() !== '1') {
      await query('CREATE DATABASE accord');
    }

    let stopped = false;
    return {
      url: `postgres://postgres@127.0.0.1:${port}/accord`,
      port,
      async restart({ downMs = 0 } = {}) {
        await pgTool('pg_ctl', ['stop', '-D', dataDir, '-m', 'fast', '-w']);
        await sleep(downMs);
        await pgTool('pg_ctl', ['start', '-D', dataDir, '-w', '-t', '60', '-l', logFile, '-o', serverOpts]);
      },
      async stop() {
        if (stopped) return;
        await pgTool('pg_ctl', ['stop', '-D', dataDir, '-m', 'fast', '-w']);
        stopped = true;
        unregister();
        rmSync(tmp, { recursive: true, force: true });
      },
    };
  } catch (err) {
    const log = tail(logFile);
    stopNow();
    unregister();
    throw new Error(
      `could not start PostgreSQL: ${(err as Error).message}${log ? `\n--- postgres.log ---\n${log}` : ''}`,
    );
  }
}

// --- Redis ------------------------------------------------------------------

function ensureRedisServer(): string {
  const found = which('redis-server');
  if (found) return found;
  if (isRoot && existsSync('/etc/debian_version')) {
    console.error('[services] redis-server not found; installing the Debian package');
    for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'redis-server']]) {
      console.error(`[services] $ apt-get ${args.join(' ')}`);
      // Output goes to stderr so stdout stays clean for callers printing URLs.
      const r = spawnSync('apt-get', args, {
        stdio: ['ignore', 2, 2],
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
      if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${r.status})`);
    }
    const installed = which('redis-server');
    if (installed) return installed;
  }
  throw new Error(
    'redis-server not found. Install it: sudo apt-get install redis-server (Debian/Ubuntu) or brew install redis (macOS).',
  );
}

/** Plain RESP over TCP, so no client library is needed just to wait for readiness. */
function ping(port: number): Promise<boolean> {
  return new Promise((res) => {
    const sock = connect(port, '127.0.0.1');
    let reply = '';
    const done = (ok: boolean) => {
      sock.destroy();
      res(ok);
    };
    sock.setTimeout(1000, () => done(false));
    sock.once('error', () => done(false));
    sock.once('connect', () => sock.write('PING\r\n'));
    sock.setEncoding('utf8').on('data', (d: string) => {
      reply += d;
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

/** `port` restarts a server on the port of a stopped one (fault tests restart Redis under a client). */
export async function startRedis(options: { port?: number } = {}): Promise<LocalService> {
  const bin = ensureRedisServer();
  const tmp = mkdtempSync(join(tmpdir(), 'accord-redis-'));
  const logFile = join(tmp, 'redis.log');
  const port = options.port ?? (await freePort());

  // Own process group, so a terminal Ctrl-C reaches us first and we stop it in
  // order; unref'd, so a forgotten stop() does not keep Node alive (the exit
  // hook still kills it).
  const child = spawn(
    bin,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      tmp,
      '--logfile',
      logFile,
    ],
    { detached: true, stdio: 'ignore' },
  );
  child.unref();
  const exited = new Promise<void>((r) => {
    child.once('exit', () => r());
    child.once('error', () => r());
  });
  const running = () => child.pid !== undefined && child.exitCode === null && child.signalCode === null;

  const killNow = () => {
    if (running()) child.kill('SIGKILL');
    rmSync(tmp, { recursive: true, force: true });
  };
  const unregister = onProcessExit(killNow);

  try {
    const deadline = Date.now() + 15_000;
    while (!(await ping(port))) {
      if (!running()) throw new Error('redis-server exited during startup');
      if (Date.now() > deadline) throw new Error('redis-server did not answer PING within 15 s');
      await sleep(100);
    }
  } catch (err) {
    const log = tail(logFile);
    killNow();
    unregister();
    throw new Error(`could not start Redis: ${(err as Error).message}${log ? `\n--- redis.log ---\n${log}` : ''}`);
  }

  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async stop() {
      if (running()) {
        child.ref(); // keep Node alive while we wait for the exit
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      unregister();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}
