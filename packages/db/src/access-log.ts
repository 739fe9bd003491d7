// The access log: every read of another firm's data, written where the read happens (API requests,
// recomputes in the worker), append-only for the runtime role and read by the data owner.
import { sql } from 'drizzle-orm';
import type { Transaction } from './client.ts';
import { query } from './client.ts';
import { accessLog, type Dataset, type SharingLevel } from './schema/index.ts';

export interface Reader {
  firmId: string;
  userId: string | null;
  apiKeyId?: string | null;
}

export interface Read {
  ownerFirmId: string;
  dataset: Dataset;
  level: SharingLevel;
  /** What was read, e.g. "customer 360". */
  reading: string;
  rowCount?: number;
  groupCount?: number;
}

/**
 * Writes one access-log entry per read of another firm's data, with the purpose of the agreements
 * that allowed it (their purposes joined).
 */
export async function logReads(tx: Transaction, reader: Reader, networkId: string, reads: Read[]): Promise<void> {
  if (!reads.length) return;
  const datasets = [...new Set(reads.map((r) => r.dataset))];
  const purposes = await query<{ owner_firm_id: string; dataset: Dataset; purpose: string }>(
    tx,
    sql`select g.owner_firm_id, d.dataset, string_agg(distinct g.purpose, '; ') as purpose
        from unnest(array[${sql.join(
          datasets.map((d) => sql`${d}`),
          sql`, `,
        )}]::dataset[]) as d(dataset), lateral app_applicable_agreements(d.dataset) g
        where g.network_id = ${networkId}::uuid group by 1, 2`,
  );
  await tx.insert(accessLog).values(
    reads.map((read) => ({
      networkId,
      ownerFirmId: read.ownerFirmId,
      readerFirmId: reader.firmId,
      readerUserId: reader.userId,
      readerApiKeyId: reader.apiKeyId ?? null,
      dataset: read.dataset,
      level: read.level,
      purpose: purposes.find((p) => p.owner_firm_id === read.ownerFirmId && p.dataset === read.dataset)?.purpose ?? '',
      reading: read.reading,
      rowCount: read.rowCount ?? null,
      groupCount: read.groupCount ?? null,
    })),
  );
}
