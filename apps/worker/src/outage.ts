// Waiting out a database or Redis that is not there (yet): start-up before the database is up or
// migrated, and outages while running. Nothing exits for want of a connection; it waits and resumes.
import { databaseUnavailable, type DatabaseHandle } from '@accord/db';
import { RetryLater, type JobHandler, type JobHandlers, type JobName } from '@accord/jobs';
import type { Logger } from 'pino';

/** The first wait between probes, doubling up to the longest. */
const FIRST_WAIT_MS = 250;
const LONGEST_WAIT_MS = 5000;
/** When a job that met an outage runs again (its worker is paused until the database answers). */
export const OUTAGE_RETRY_MS = 2000;

/**
 * Calls `probe` until it succeeds, waiting longer between tries (250 ms doubling to 5 s), logging once
 * what it waits for and once that it is back. Gives up only when `signal` aborts (the process stops).
 */
export async function untilAvailable<T>(
  what: string,
  probe: () => Promise<T>,
  logger: Logger,
  signal?: AbortSignal,
): Promise<T> {
  let wait = FIRST_WAIT_MS;
  let failures = 0;
  for (;;) {
    try {
      const value = await probe();
      if (failures) logger.info({ what, failures }, `${what}: available again`);
      return value;
    } catch (error) {
      if (signal?.aborted) throw error;
      if (failures++ === 0) logger.warn({ what, err: error }, `${what}: waiting for it`);
    }
    await new Promise((resolve) => setTimeout(resolve, wait));
    wait = Math.min(wait * 2, LONGEST_WAIT_MS);
  }
}

/** Waits until the database answers and has every migration of this build (the API applies them). */
export function untilDatabaseReady(database: DatabaseHandle, logger: Logger, signal?: AbortSignal) {
  return untilAvailable(
    'database',
    async () => {
      const pending = await database.pendingMigrations();
      if (pending > 0) throw new Error(`${pending} migration(s) not applied yet`);
    },
    logger,
    signal,
  );
}

/**
 * The handlers, with a lost database turned into RetryLater (the job runs again without spending an
 * attempt) and reported to `onUnavailable` (the worker pauses until the database answers).
 */
export function deferringOutages(handlers: JobHandlers, onUnavailable: (error: unknown) => void): JobHandlers {
  const wrap =
    <N extends JobName>(handler: JobHandler<N>): JobHandler<N> =>
    async (payload, context) => {
      try {
        await handler(payload, context);
      } catch (error) {
        if (!databaseUnavailable(error)) throw error;
        onUnavailable(error);
        throw new RetryLater('the database is unavailable', OUTAGE_RETRY_MS, { cause: error });
      }
    };
  const wrapped = {} as Record<JobName, unknown>;
  for (const name of Object.keys(handlers) as JobName[]) wrapped[name] = wrap(handlers[name] as JobHandler<JobName>);
  return wrapped as JobHandlers;
}
