// The exchange module's reads: feed batches, their errors, the datasets a firm holds, the network's
// hashing key. (Receiving a feed writes through exchange.service.ts, which streams the body in.)
import {
  activities,
  batchErrors,
  feedBatches,
  serviceCases,
  shipments,
  transactions,
  type Dataset,
  type Transaction,
} from '@accord/db';
import { and, count, desc, eq, max, sql } from 'drizzle-orm';
import { olderThan, type PageWindow } from '../../http/pagination.ts';

const factTables = { transactions, shipments, service_cases: serviceCases, activities } as const;

type BatchStatus = (typeof feedBatches.$inferSelect)['status'];

export interface BatchFilter {
  networkId: string;
  firmId: string;
  dataset?: Dataset | undefined;
  status?: BatchStatus | undefined;
}

/** The firm's batches in the network, newest first. */
export function batchesOf(tx: Transaction, filter: BatchFilter, window: PageWindow) {
  return tx
    .select()
    .from(feedBatches)
    .where(
      and(
        eq(feedBatches.networkId, filter.networkId),
        eq(feedBatches.firmId, filter.firmId),
        filter.dataset ? eq(feedBatches.dataset, filter.dataset) : undefined,
        filter.status ? eq(feedBatches.status, filter.status) : undefined,
        olderThan(feedBatches.createdAt, feedBatches.id, window.after),
      ),
    )
    .orderBy(desc(feedBatches.createdAt), desc(feedBatches.id))
    .limit(window.take);
}

export async function batchById(tx: Transaction, networkId: string, batchId: string) {
  const [batch] = await tx
    .select()
    .from(feedBatches)
    .where(and(eq(feedBatches.id, batchId), eq(feedBatches.networkId, networkId)));
  return batch;
}

/** A batch's rejected rows by (row number, column). */
export function batchErrorsOf(tx: Transaction, batchId: string, window: PageWindow) {
  const after = window.after;
  return tx
    .select({
      rowNumber: batchErrors.rowNumber,
      column: batchErrors.column,
      value: batchErrors.value,
      code: batchErrors.code,
      message: batchErrors.message,
    })
    .from(batchErrors)
    .where(
      and(
        eq(batchErrors.batchId, batchId),
        after ? sql`(${batchErrors.rowNumber}, ${batchErrors.column}) > (${Number(after[0])}, ${after[1]})` : undefined,
      ),
    )
    .orderBy(batchErrors.rowNumber, batchErrors.column)
    .limit(window.take);
}

/** What the firm holds of one dataset in the network: rows, its last batch, its last success. */
export async function datasetHoldings(tx: Transaction, networkId: string, firmId: string, dataset: Dataset) {
  const table = factTables[dataset];
  const [held] = await tx
    .select({ rows: count() })
    .from(table)
    .where(and(eq(table.networkId, networkId), eq(table.firmId, firmId)));
  const ofDataset = and(
    eq(feedBatches.networkId, networkId),
    eq(feedBatches.firmId, firmId),
    eq(feedBatches.dataset, dataset),
  );
  const [last] = await tx.select().from(feedBatches).where(ofDataset).orderBy(desc(feedBatches.createdAt)).limit(1);
  const [succeeded] = await tx
    .select({ at: max(feedBatches.finishedAt) })
    .from(feedBatches)
    .where(and(ofDataset, eq(feedBatches.status, 'succeeded')));
  return { rows: held?.rows ?? 0, lastBatch: last, lastSucceededAt: succeeded?.at ?? null };
}
