// Ingests one feed batch, exactly once: stream the stored body (gunzip, strict UTF-8, CSV or NDJSON),
// check and hash each row, COPY the good rows into staging and record the bad ones, then merge the
// staged rows into the fact table in the same transaction that marks the batch succeeded. A retry
// after a crash starts the batch over from a clean staging; a batch already finished is left alone.
import {
  batchErrors,
  feedBatchChunks,
  feedBatches,
  query,
  withTenant,
  type DatabaseHandle,
  type TenantContext,
} from '@accord/db';
import {
  acceptedColumns,
  checkHeader,
  checkRow,
  customerKeyer,
  datasetSpecs,
  storedColumns,
  type Dataset,
  type DatasetSpec,
  type FieldProblem,
} from '@accord/domain';
import { retryPolicy, type JobContext, type JobHandler, type JobPayloads } from '@accord/jobs';
import { parse } from 'csv-parse';
import { and, eq, sql } from 'drizzle-orm';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { Logger } from 'pino';

/** The longest CSV record or NDJSON line read; longer ones fail the batch rather than the worker's memory. */
export const MAX_RECORD_BYTES = 1024 * 1024;
const ERROR_VALUE_CHARS = 200;
const PROGRESS_EVERY_MS = 1000;
const YIELD_EVERY_ROWS = 2000;

const stagingTable: Record<Dataset, string> = {
  transactions: 'staging_transactions',
  shipments: 'staging_shipments',
  service_cases: 'staging_service_cases',
  activities: 'staging_activities',
};

/** A problem with the batch as a whole: it fails, with this code and message. */
export class BatchFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface IngestState {
  rowsReceived: number;
  rowsRejected: number;
  bytesRead: number;
  errors: (typeof batchErrors.$inferInsert)[];
}

export function ingestBatch(database: DatabaseHandle, logger: Logger): JobHandler<'ingest-batch'> {
  const db = database.db;
  return async (payload, job) => {
    // One run per batch at a time, whatever the queue believes: a run that lost its queue lock is
    // still running when another worker picks the job up again.
    const outcome = await database.exclusively(`ingest-batch:${payload.batchId}`, () => run(payload, job));
    if (outcome === 'busy')
      throw new Error(`batch ${payload.batchId} is being ingested by another run; retrying later`);
  };

  async function run({ firmId, batchId }: JobPayloads['ingest-batch'], job: JobContext): Promise<void> {
    const context: TenantContext = { firmId, userId: null };
    const batch = await withTenant(db, context, async (tx) => {
      const [row] = await tx.select().from(feedBatches).where(eq(feedBatches.id, batchId)).for('update');
      if (!row || row.status === 'succeeded' || row.status === 'failed' || row.status === 'receiving') return null;
      await tx.delete(batchErrors).where(eq(batchErrors.batchId, batchId));
      await query(tx, sql`select ingest_clear_staging(${batchId})`);
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
    const [keyRow] = await withTenant(db, context, (tx) =>
      query<{ key: string | null }>(tx, sql`select app_network_hashing_key(${batch.networkId}) as key`),
    );
    const state: IngestState = { rowsReceived: 0, rowsRejected: 0, bytesRead: 0, errors: [] };
    let lastProgress = Date.now();

    const flushErrors = async () => {
      if (!state.errors.length) return;
      const errors = state.errors;
      state.errors = [];
      await withTenant(db, context, (tx) => tx.insert(batchErrors).values(errors).onConflictDoNothing());
    };
    const progress = async () => {
      if (Date.now() - lastProgress < PROGRESS_EVERY_MS) return;
      lastProgress = Date.now();
      const fraction = batch.bytes ? Math.min(0.99, state.bytesRead / batch.bytes) : 0;
      await flushErrors();
      await withTenant(db, context, (tx) =>
        tx
          .update(feedBatches)
          .set({ progress: fraction, rowsReceived: state.rowsReceived, rowsRejected: state.rowsRejected })
          .where(eq(feedBatches.id, batchId)),
      );
      await job.reportProgress(fraction);
    };

    async function* checkedRows(): AsyncGenerator<readonly (string | null)[]> {
      if (!keyRow?.key)
        throw new BatchFailure('network_unavailable', 'Your firm is no longer an active member of this network.');
      const hashIdentifier = customerKeyer(keyRow.key);
      const records = recordsOf(
        spec,
        batch!.format,
        decodedText(bodyOf(database, context, batchId, batch!.compressed, state)),
        batch!.ignoreUnknown,
      );
      for await (const record of records) {
        state.rowsReceived += 1;
        // Async generators run on microtasks alone: give timers (the job lock's heartbeat) and I/O a turn.
        if (state.rowsReceived % YIELD_EVERY_ROWS === 0) await new Promise((resolve) => setImmediate(resolve));
        const problems: FieldProblem[] = 'problem' in record ? [record.problem] : [];
        let values: readonly (string | null)[] | null = null;
        if (!('problem' in record)) {
          const checked = checkRow(spec, record.fields, hashIdentifier);
          if (checked.ok) values = checked.values;
          else problems.push(...checked.problems);
        }
        if (values) {
          yield [batchId, String(state.rowsReceived), ...values];
        } else {
          state.rowsRejected += 1;
          for (const p of problems) {
            state.errors.push({
              batchId,
              firmId,
              rowNumber: state.rowsReceived,
              column: p.column,
              value: p.value.slice(0, ERROR_VALUE_CHARS),
              code: p.code,
              message: p.message,
            });
          }
          if (state.errors.length >= 500) await flushErrors();
        }
        await progress();
      }
    }

    const finish = (values: Partial<typeof feedBatches.$inferInsert>) =>
      withTenant(db, context, (tx) =>
        tx
          .update(feedBatches)
          .set({
            finishedAt: new Date(),
            rowsReceived: state.rowsReceived,
            rowsRejected: state.rowsRejected,
            ...values,
          })
          .where(eq(feedBatches.id, batchId)),
      );
    const fail = async (code: string, message: string) => {
      await flushErrors();
      await withTenant(db, context, (tx) => query(tx, sql`select ingest_clear_staging(${batchId})`));
      await finish({ status: 'failed', errorCode: code, errorMessage: message, rowsAccepted: 0 });
      logger.info({ batchId, code }, 'batch failed');
    };

    let staged: number;
    const stagingStarted = Date.now();
    try {
      const columns = ['batch_id', 'row_number', ...storedColumns(spec)];
      staged = await database.copyRows(context, stagingTable[batch.dataset], columns, checkedRows());
      await flushErrors();
    } catch (error) {
      if (error instanceof BatchFailure) return fail(error.code, error.message);
      if (job.attempt >= retryPolicy.attempts) {
        await fail('ingest_error', 'The batch could not be loaded after several attempts; push it again.');
      }
      throw error;
    }
    if (state.rowsReceived === 0) return fail('no_rows', 'The feed has no data rows.');
    if (batch.onError === 'reject' && state.rowsRejected > 0) {
      return fail('rows_rejected', `${state.rowsRejected} row(s) are invalid and onError=reject: nothing was loaded.`);
    }

    const stagingMs = Date.now() - stagingStarted;
    await withTenant(db, context, async (tx) => {
      await tx.update(feedBatches).set({ status: 'loading', progress: 0.99 }).where(eq(feedBatches.id, batchId));
    });
    const mergeStarted = Date.now();
    await withTenant(db, context, async (tx) => {
      await query(tx, sql`select ingest_merge(${batchId})`);
      await tx.delete(feedBatchChunks).where(eq(feedBatchChunks.batchId, batchId));
      await tx
        .update(feedBatches)
        .set({
          status: 'succeeded',
          progress: 1,
          rowsReceived: state.rowsReceived,
          rowsAccepted: staged,
          rowsRejected: state.rowsRejected,
          finishedAt: new Date(),
        })
        .where(eq(feedBatches.id, batchId));
    });
    logger.info(
      {
        batchId,
        dataset: batch.dataset,
        accepted: staged,
        rejected: state.rowsRejected,
        stagingMs,
        mergeMs: Date.now() - mergeStarted,
      },
      'batch succeeded',
    );
  }
}

/** The stored body, chunk by chunk in order, gunzipped when it was sent compressed. */
function bodyOf(
  database: DatabaseHandle,
  context: TenantContext,
  batchId: string,
  compressed: boolean,
  state: IngestState,
): Readable {
  async function* chunks() {
    for (let seq = 0; ; seq++) {
      const [chunk] = await withTenant(database.db, context, (tx) =>
        tx
          .select({ data: feedBatchChunks.data })
          .from(feedBatchChunks)
          .where(and(eq(feedBatchChunks.batchId, batchId), eq(feedBatchChunks.seq, seq))),
      );
      if (!chunk) return;
      state.bytesRead += chunk.data.length;
      yield chunk.data;
    }
  }
  const raw = Readable.from(chunks(), { objectMode: false });
  if (!compressed) return raw;
  const gunzip = createGunzip();
  raw.on('error', (error) => gunzip.destroy(error));
  return raw.pipe(gunzip);
}

/** Strict UTF-8 text (a byte-order mark is dropped); invalid bytes fail the batch. */
async function* decodedText(body: Readable): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      yield decoder.decode(chunk, { stream: true });
    }
    const tail = decoder.decode();
    if (tail) yield tail;
  } catch (error) {
    if (error instanceof TypeError && /encoded data was not valid/i.test(error.message)) {
      throw new BatchFailure('invalid_utf8', 'The feed is not valid UTF-8; save it as UTF-8 and push it again.');
    }
    if ((error as { code?: string }).code?.startsWith('Z_')) {
      throw new BatchFailure('invalid_gzip', 'The gzip body is truncated or corrupt; compress the file again.');
    }
    throw error;
  }
}

type RecordOrProblem = { fields: Record<string, string | undefined> } | { problem: FieldProblem };

function recordsOf(spec: DatasetSpec, format: 'csv' | 'ndjson', text: AsyncIterable<string>, ignoreUnknown: boolean) {
  return format === 'csv' ? csvRecords(spec, text, ignoreUnknown) : ndjsonRecords(spec, text, ignoreUnknown);
}

async function* csvRecords(
  spec: DatasetSpec,
  text: AsyncIterable<string>,
  ignoreUnknown: boolean,
): AsyncGenerator<RecordOrProblem> {
  const parser = parse({ relax_column_count: true, skip_empty_lines: true, max_record_size: MAX_RECORD_BYTES });
  const source = Readable.from(text);
  // pipe() does not pass errors on: a body that cannot be decoded must end the parse, not stall it
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  let header: string[] | null = null;
  try {
    for await (const fields of parser as AsyncIterable<string[]>) {
      if (!header) {
        header = fields.map((f) => f.trim());
        const problem = checkHeader(spec, header, ignoreUnknown);
        if (problem) throw headerFailure(problem.code, problem.columns, header);
        continue;
      }
      if (fields.length !== header.length) {
        yield {
          problem: {
            column: '',
            value: fields.join(',').slice(0, ERROR_VALUE_CHARS),
            code: 'field_count',
            message: `Expected ${header.length} fields like the header, found ${fields.length}.`,
          },
        };
        continue;
      }
      const record: Record<string, string> = {};
      header.forEach((name, i) => (record[name] = fields[i]!));
      yield { fields: record };
    }
  } catch (error) {
    if (error instanceof BatchFailure) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('CSV_')) {
      const detail =
        code === 'CSV_MAX_RECORD_SIZE'
          ? `A record is longer than ${MAX_RECORD_BYTES} bytes.`
          : (error as Error).message;
      throw new BatchFailure('malformed_csv', `The CSV cannot be read: ${detail}`);
    }
    throw error;
  }
  if (!header)
    throw new BatchFailure(
      'missing_header',
      `The feed has no header row; start with: ${acceptedColumns(spec).join(',')}`,
    );
}

function headerFailure(code: string, columns: string[], header: string[]): BatchFailure {
  const hint =
    header.length === 1 && /[;\t|]/.test(header[0]!)
      ? ' The header has a single column: is the file separated by semicolons or tabs instead of commas?'
      : '';
  const what: Record<string, string> = {
    missing_columns: `The header lacks required column(s): ${columns.join(', ')}.`,
    unknown_columns: `The header has column(s) this dataset does not have: ${columns.join(', ')} (add ?ignoreUnknown=true to skip them).`,
    duplicate_columns: `The header repeats column(s): ${columns.join(', ')}.`,
    customer_identifier_column_missing: 'The header needs customer_id or customer_key.',
  };
  return new BatchFailure(code, `${what[code] ?? code}${hint}`);
}

async function* ndjsonRecords(
  spec: DatasetSpec,
  text: AsyncIterable<string>,
  ignoreUnknown: boolean,
): AsyncGenerator<RecordOrProblem> {
  const accepted = new Set(acceptedColumns(spec));
  for await (const line of lines(text)) {
    if (line.tooLong) {
      yield {
        problem: {
          column: '',
          value: '',
          code: 'line_too_long',
          message: `A line is longer than ${MAX_RECORD_BYTES} bytes.`,
        },
      };
      continue;
    }
    if (!line.text.trim()) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line.text);
    } catch {
      yield {
        problem: {
          column: '',
          value: line.text.slice(0, ERROR_VALUE_CHARS),
          code: 'invalid_json',
          message: 'The line is not valid JSON.',
        },
      };
      continue;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      yield {
        problem: {
          column: '',
          value: line.text.slice(0, ERROR_VALUE_CHARS),
          code: 'invalid_json',
          message: 'Each line must be a JSON object.',
        },
      };
      continue;
    }
    const unknown = Object.keys(parsed).filter((k) => !accepted.has(k));
    if (unknown.length && !ignoreUnknown) {
      yield {
        problem: {
          column: unknown[0]!,
          value: '',
          code: 'unknown_field',
          message: `Field(s) this dataset does not have: ${unknown.join(', ')} (add ?ignoreUnknown=true to skip them).`,
        },
      };
      continue;
    }
    const fields: Record<string, string | undefined> = {};
    for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
      if (value === null || value === undefined) continue;
      fields[key] =
        typeof value === 'string'
          ? value
          : typeof value === 'number' || typeof value === 'boolean'
            ? String(value)
            : JSON.stringify(value);
    }
    yield { fields };
  }
}

/** Lines of a text stream, without holding more than one bounded line in memory. */
async function* lines(text: AsyncIterable<string>): AsyncGenerator<{ text: string; tooLong: boolean }> {
  let current = '';
  let tooLong = false;
  for await (const piece of text) {
    let start = 0;
    for (let nl = piece.indexOf('\n'); nl !== -1; nl = piece.indexOf('\n', start)) {
      const part = piece.slice(start, nl);
      if (!tooLong) current += part;
      yield { text: current.replace(/\r$/, ''), tooLong: tooLong || current.length > MAX_RECORD_BYTES };
      current = '';
      tooLong = false;
      start = nl + 1;
    }
    if (!tooLong) current += piece.slice(start);
    if (current.length > MAX_RECORD_BYTES) {
      tooLong = true;
      current = '';
    }
  }
  if (current || tooLong) yield { text: current.replace(/\r$/, ''), tooLong };
}
