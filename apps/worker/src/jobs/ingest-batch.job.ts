// Ingests one feed batch, exactly once, in one streaming transaction: read the stored body (gunzip,
// strict UTF-8, CSV or NDJSON), check and hash each row, COPY the good rows block by block into a
// temporary table and merge each block into the fact table while the next block is being checked,
// record the bad rows on the side, and mark the batch succeeded in the same transaction. A crash
// rolls everything back and the retry starts over; a batch already finished is left alone.
import {
  batchErrors,
  feedBatchChunks,
  feedBatches,
  databaseUnavailable,
  query,
  withTenant,
  type BulkLoad,
  type DatabaseHandle,
  type TenantContext,
} from '@accord/db';
import {
  checkRow,
  customerKeyer,
  datasetSpecs,
  MAX_ERROR_ROWS,
  storedColumns,
  type FieldProblem,
} from '@accord/domain';
import {
  RetryLater,
  retryPolicy,
  type JobContext,
  type JobHandler,
  type JobPayloads,
  type LoadedBatch,
} from '@accord/jobs';
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { Logger } from 'pino';
import { BatchFailure, decodedText, ERROR_VALUE_CHARS, recordReader, type FeedRecord } from './feed-records.ts';
import type { FinishedBatch } from '../metrics.ts';

const PROGRESS_EVERY_MS = 1000;
/** Rows per block sent to the database: large enough for COPY to pay, small enough to overlap well. */
const BLOCK_ROWS = 25_000;
const ERRORS_PER_WRITE = 500;
const SLICE_CHARS = 32 * 1024;
/** Stored body chunks read per query. */
const CHUNKS_PER_READ = 32;

interface IngestState {
  rowsReceived: number;
  rowsAccepted: number;
  rowsRejected: number;
  bytesRead: number;
}

/** How long a run that found its batch being ingested by another waits before looking again. */
const BUSY_RETRY_MS = 5000;

type Outcome = { status: 'succeeded' } | { status: 'failed'; code: string; message: string };

/**
 * `afterLoad` runs once a batch has committed as succeeded, and again if its job is retried after that;
 * `finished` is told each batch's outcome (metrics).
 */
export function ingestBatch(
  database: DatabaseHandle,
  logger: Logger,
  afterLoad: (batch: LoadedBatch) => Promise<unknown>,
  finished: (batch: FinishedBatch) => void = () => {},
): JobHandler<'ingest-batch'> {
  const db = database.db;
  return async (payload, job) => {
    // One run per batch at a time, whatever the queue believes: a run that lost its queue lock is
    // still running when another worker picks the job up again.
    const outcome = await database.exclusively(`ingest-batch:${payload.batchId}`, () => run(payload, job));
    // the other run lands it; this one looks again later (it finds it done), spending no attempt
    if (outcome === 'busy')
      throw new RetryLater(
        `batch ${payload.batchId} is being ingested by another run; looking again later`,
        BUSY_RETRY_MS,
      );
  };

  async function run({ firmId, batchId }: JobPayloads['ingest-batch'], job: JobContext): Promise<void> {
    const context: TenantContext = { firmId, userId: null };
    const batch = await withTenant(db, context, async (tx) => {
      const [row] = await tx.select().from(feedBatches).where(eq(feedBatches.id, batchId)).for('update');
      if (row?.status === 'succeeded') {
        // a retry after the commit: the follow-ups may not have been enqueued (their job ids dedupe)
        await afterLoad({ firmId, networkId: row.networkId, batchId, dataset: row.dataset });
        return null;
      }
      if (!row || row.status === 'failed' || row.status === 'receiving') return null;
      await tx.delete(batchErrors).where(eq(batchErrors.batchId, batchId));
      await tx
        .update(feedBatches)
        .set({
          status: 'validating',
          startedAt: new Date(),
          progress: 0,
          rowsReceived: 0,
          rowsAccepted: 0,
          rowsRejected: 0,
        })
        .where(eq(feedBatches.id, batchId));
      return row;
    });
    if (!batch) return;

    const spec = datasetSpecs[batch.dataset];
    const columns = ['row_number', ...storedColumns(spec)];
    const [keyRow] = await withTenant(db, context, (tx) =>
      query<{ key: string | null }>(tx, sql`select app_network_hashing_key(${batch.networkId}) as key`),
    );
    const state: IngestState = { rowsReceived: 0, rowsAccepted: 0, rowsRejected: 0, bytesRead: 0 };
    // With onError=reject nothing is merged until every row has passed; after the first bad row the
    // rest are only checked, for the error report.
    const mergeAsWeGo = batch.onError === 'skip';
    const started = Date.now();

    const load = async (bulk: BulkLoad): Promise<Outcome> => {
      if (!keyRow?.key)
        throw new BatchFailure('network_unavailable', 'Your firm is no longer an active member of this network.');
      const hashIdentifier = customerKeyer(keyRow.key);
      await query(bulk.tx, sql`select ingest_open(${batchId})`);

      let block: (string | null)[][] = [];
      let errors: (typeof batchErrors.$inferInsert)[] = [];
      // One block in the database at a time; the next is checked meanwhile.
      let inDatabase: Promise<void> = Promise.resolve();
      const sendBlock = async () => {
        if (!block.length) return;
        const rows = block;
        block = [];
        await inDatabase;
        inDatabase = (async () => {
          await bulk.insertRows('ingest_rows', columns, rows);
          if (mergeAsWeGo) await query(bulk.tx, sql`select ingest_merge_rows(${batchId})`);
        })();
        inDatabase.catch(() => {}); // awaited (and thrown) with the next block or at the end
      };
      const writeErrors = async () => {
        if (!errors.length) return;
        const written = errors;
        errors = [];
        await bulk.aside((tx) => tx.insert(batchErrors).values(written).onConflictDoNothing());
      };
      let lastProgress = Date.now();
      const reportProgress = async () => {
        if (Date.now() - lastProgress < PROGRESS_EVERY_MS) return;
        lastProgress = Date.now();
        const fraction = batch.bytes ? Math.min(0.99, state.bytesRead / batch.bytes) : 0;
        await writeErrors();
        await bulk.aside((tx) =>
          tx
            .update(feedBatches)
            .set({ progress: fraction, rowsReceived: state.rowsReceived, rowsRejected: state.rowsRejected })
            .where(eq(feedBatches.id, batchId)),
        );
        await job.reportProgress(fraction);
      };

      const onRecord = (record: FeedRecord) => {
        state.rowsReceived += 1;
        const checked = 'problem' in record ? null : checkRow(spec, record.fields, hashIdentifier);
        if (checked?.ok) {
          state.rowsAccepted += 1;
          if (mergeAsWeGo || state.rowsRejected === 0) block.push([String(state.rowsReceived), ...checked.values]);
          return;
        }
        state.rowsRejected += 1;
        if (state.rowsRejected > MAX_ERROR_ROWS) return; // counted, not kept
        const problems: FieldProblem[] = checked ? checked.problems : [(record as { problem: FieldProblem }).problem];
        for (const p of problems) {
          errors.push({
            batchId,
            firmId,
            rowNumber: state.rowsReceived,
            column: p.column,
            value: p.value.slice(0, ERROR_VALUE_CHARS),
            code: p.code,
            message: p.message,
          });
        }
      };

      const reader = recordReader(spec, batch.format, batch.ignoreUnknown, onRecord);
      for await (const text of decodedText(bodyOf(bulk, batchId, batch.compressed, state))) {
        // In slices, with a turn for I/O after each: the block in the database advances only when the
        // event loop runs (its COPY ends, its merge is sent), so long stretches of checking would stall it.
        for (let at = 0; at < text.length; at += SLICE_CHARS) {
          // a stopping process hands the batch back: the load rolls back and the job is queued again
          job.signal.throwIfAborted();
          reader.write(text.length <= SLICE_CHARS ? text : text.slice(at, at + SLICE_CHARS));
          if (block.length >= BLOCK_ROWS) await sendBlock();
          if (errors.length >= ERRORS_PER_WRITE) await writeErrors();
          await reportProgress();
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
      await reader.end();
      await writeErrors();
      if (state.rowsReceived === 0) throw new BatchFailure('no_rows', 'The feed has no data rows.');
      if (!mergeAsWeGo && state.rowsRejected > 0) {
        return {
          status: 'failed',
          code: 'rows_rejected',
          message: `${state.rowsRejected} row(s) are invalid and onError=reject: nothing was loaded.`,
        };
      }

      await bulk.aside((tx) =>
        tx
          .update(feedBatches)
          .set({ status: 'loading', progress: 0.99, rowsReceived: state.rowsReceived })
          .where(eq(feedBatches.id, batchId)),
      );
      await sendBlock();
      await inDatabase;
      if (!mergeAsWeGo) await query(bulk.tx, sql`select ingest_merge_rows(${batchId})`);
      await bulk.tx.delete(feedBatchChunks).where(eq(feedBatchChunks.batchId, batchId));
      await bulk.tx
        .update(feedBatches)
        .set({
          status: 'succeeded',
          progress: 1,
          rowsReceived: state.rowsReceived,
          rowsAccepted: state.rowsAccepted,
          rowsRejected: state.rowsRejected,
          finishedAt: new Date(),
        })
        .where(eq(feedBatches.id, batchId));
      return { status: 'succeeded' };
    };

    // a batch that ends, failed as succeeded, keeps no raw body (raw identifiers are never kept)
    const fail = (code: string, message: string) =>
      withTenant(db, context, async (tx) => {
        await tx.delete(feedBatchChunks).where(eq(feedBatchChunks.batchId, batchId));
        await tx
          .update(feedBatches)
          .set({
            status: 'failed',
            errorCode: code,
            errorMessage: message,
            rowsReceived: state.rowsReceived,
            rowsAccepted: 0,
            rowsRejected: state.rowsRejected,
            finishedAt: new Date(),
          })
          .where(eq(feedBatches.id, batchId));
      });

    let outcome: Outcome;
    try {
      outcome = await database.bulkLoad(context, load);
    } catch (error) {
      if (error instanceof BatchFailure) {
        outcome = { status: 'failed', code: error.code, message: error.message };
      } else {
        // a lost database or a stopping process is not the batch's fault: it runs again, not fails
        if (job.attempt >= retryPolicy.attempts && !databaseUnavailable(error) && !job.signal.aborted) {
          await fail('ingest_error', 'The batch could not be loaded after several attempts; push it again.');
          finished({
            dataset: batch.dataset,
            status: 'failed',
            rowsAccepted: 0,
            rowsRejected: state.rowsRejected,
            seconds: (Date.now() - started) / 1000,
          });
        }
        throw error;
      }
    }
    const seconds = (Date.now() - started) / 1000;
    if (outcome.status === 'failed') {
      await fail(outcome.code, outcome.message);
      finished({
        dataset: batch.dataset,
        status: 'failed',
        rowsAccepted: 0,
        rowsRejected: state.rowsRejected,
        seconds,
      });
      logger.info({ batchId, dataset: batch.dataset, code: outcome.code }, 'batch failed');
      return;
    }
    finished({
      dataset: batch.dataset,
      status: 'succeeded',
      rowsAccepted: state.rowsAccepted,
      rowsRejected: state.rowsRejected,
      seconds,
    });
    await afterLoad({ firmId, networkId: batch.networkId, batchId, dataset: batch.dataset });
    logger.info(
      {
        batchId,
        dataset: batch.dataset,
        accepted: state.rowsAccepted,
        rejected: state.rowsRejected,
        ms: Math.round(seconds * 1000),
      },
      'batch succeeded',
    );
  }
}

/** The stored body, chunk by chunk in order, gunzipped when it was sent compressed. */
function bodyOf(bulk: BulkLoad, batchId: string, compressed: boolean, state: IngestState): Readable {
  async function* chunks() {
    for (let from = 0; ; from += CHUNKS_PER_READ) {
      const rows = await bulk.aside((tx) =>
        tx
          .select({ data: feedBatchChunks.data })
          .from(feedBatchChunks)
          .where(
            and(
              eq(feedBatchChunks.batchId, batchId),
              gte(feedBatchChunks.seq, from),
              lt(feedBatchChunks.seq, from + CHUNKS_PER_READ),
            ),
          )
          .orderBy(feedBatchChunks.seq),
      );
      for (const { data } of rows) {
        state.bytesRead += data.length;
        yield data;
      }
      if (rows.length < CHUNKS_PER_READ) return;
    }
  }
  const raw = Readable.from(chunks(), { objectMode: false });
  if (!compressed) return raw;
  const gunzip = createGunzip();
  raw.on('error', (error) => gunzip.destroy(error));
  return raw.pipe(gunzip);
}
