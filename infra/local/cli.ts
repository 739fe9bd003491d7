// `tsx infra/local/cli.ts up`: throwaway PostgreSQL + Redis in the foreground
// for local development; Ctrl-C stops both and removes their data.
import { startPostgres, startRedis, type LocalService } from './services.ts';

const [command] = process.argv.slice(2);
if (command !== 'up') {
  console.error('usage: tsx infra/local/cli.ts up');
  process.exit(2);
}

const started: LocalService[] = [];
let stopping = false;

async function shutdown(code: number): Promise<void> {
  // A second signal means "stop waiting"; the exit hook in services.ts still
  // kills whatever is left.
  if (stopping) process.exit(code);
  stopping = true;
  console.error('# stopping services...');
  const results = await Promise.allSettled(started.map((s) => s.stop()));
  for (const r of results) if (r.status === 'rejected') console.error(String(r.reason));
  process.exit(code);
}

// Registered before starting so an early Ctrl-C is handled by us, not by the
// fallback handlers in services.ts.
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(sig, () => void shutdown(0));
}

// Redis is an unref'd child, so nothing else keeps the event loop alive.
setInterval(() => undefined, 1 << 30);

const [pg, redis] = await Promise.allSettled([startPostgres(), startRedis()]);
for (const r of [pg, redis]) if (r.status === 'fulfilled') started.push(r.value);

if (pg.status === 'rejected' || redis.status === 'rejected') {
  for (const r of [pg, redis]) {
    if (r.status === 'rejected') console.error(r.reason instanceof Error ? r.reason.message : String(r.reason));
  }
  await shutdown(1);
} else {
  console.log(`export DATABASE_URL=${pg.value.url}`);
  console.log(`export REDIS_URL=${redis.value.url}`);
  console.error('# PostgreSQL and Redis are running; Ctrl-C stops them and deletes their data.');
}
