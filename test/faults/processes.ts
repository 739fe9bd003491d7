// The product as an operator runs it: PostgreSQL, Redis, the API and the worker as separate processes,
// each of which a fault test may restart, kill or stop.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, type LocalPostgres, type LocalService } from '../../infra/local/services.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface Service {
  readonly process: ChildProcess;
  /** Resolves with the exit code (or signal) once the process has exited. */
  readonly exited: Promise<number | string>;
  alive(): boolean;
  /** The end of its log and stderr, for a failing test's message. */
  errors(): string;
}

function service(file: string, env: Record<string, string>): Service {
  const child = spawn(process.execPath, ['--import', 'tsx', file], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: process.env.FAULT_LOG_LEVEL ?? 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // the log (pino writes to stdout) and anything written to stderr, the last 20,000 characters
  let output = '';
  // FAULT_LOG_DIR keeps each process's whole output in a file of its own
  const logDir = process.env.FAULT_LOG_DIR;
  const keep = (d: string) => {
    output = (output + d).slice(-20_000);
    if (logDir) appendFileSync(join(logDir, `${basename(file, '.ts')}-${child.pid}.log`), d);
  };
  child.stdout.setEncoding('utf8').on('data', keep);
  child.stderr.setEncoding('utf8').on('data', keep);
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  return {
    process: child,
    exited,
    alive: () => child.exitCode === null && child.signalCode === null,
    errors: () => output,
  };
}

export interface Stack {
  postgres: LocalPostgres;
  redis: LocalService;
  apiUrl: string;
  /** The worker's Prometheus metrics. */
  workerMetricsUrl: string;
  /** How long an upload its API process stopped beating on waits before a retry takes it over. */
  uploadStaleMs: number;
  api: Service;
  worker: Service;
  startApi(): Promise<Service>;
  startWorker(): Service;
  stopAll(): Promise<void>;
}

export async function startStack(postgres: LocalPostgres, redis: LocalService): Promise<Stack> {
  const [port, metricsPort] = [await freePort(), await freePort()];
  const uploadStaleMs = 4000;
  const env = {
    DATABASE_URL: postgres.url,
    REDIS_URL: redis.url,
    ACCORD_DEMO: '1',
    ACCORD_DEMO_FEEDS: '0',
    JWT_SECRET: 'fault-matrix-secret-fault-matrix-secret',
    ACCORD_LOGIN_RATE_LIMIT: '1000',
    ACCORD_LOGIN_ADDRESS_LIMIT: '10000',
    HOST: '127.0.0.1',
    PORT: String(port),
    // short bounds, so that an upload left dead by a killed API is taken over within the test
    ACCORD_BODY_IDLE_TIMEOUT_MS: '2000',
    ACCORD_UPLOAD_STALE_MS: String(uploadStaleMs),
  };
  const apiUrl = `http://127.0.0.1:${port}`;
  const stack: Stack = {
    postgres,
    redis,
    apiUrl,
    workerMetricsUrl: `http://127.0.0.1:${metricsPort}/metrics`,
    uploadStaleMs,
    api: undefined as unknown as Service,
    worker: undefined as unknown as Service,
    async startApi() {
      stack.api = service('apps/api/src/server.ts', env);
      const deadline = Date.now() + 120_000;
      for (;;) {
        if (!stack.api.alive()) throw new Error(`the API exited at start:\n${stack.api.errors()}`);
        try {
          const response = await fetch(`${apiUrl}/readyz`, { signal: AbortSignal.timeout(2000) });
          if (response.status === 200) return stack.api;
        } catch {
          // not listening yet
        }
        if (Date.now() > deadline) throw new Error(`the API did not become ready:\n${stack.api.errors()}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
    startWorker() {
      stack.worker = service('apps/worker/src/main.ts', {
        ...env,
        WORKER_LOCK_MS: '5000',
        WORKER_METRICS_PORT: String(metricsPort),
        WORKER_METRICS_HOST: '127.0.0.1',
      });
      return stack.worker;
    },
    async stopAll() {
      for (const s of [stack.api, stack.worker]) {
        if (s?.alive()) {
          s.process.kill('SIGKILL');
          await s.exited;
        }
      }
    },
  };
  await stack.startApi();
  stack.startWorker();
  return stack;
}
