// Reading partners' customer-level data is logged to each owner's access log: what a recompute or an
// on-demand fit read of every firm that granted it, counted per dataset (those it reads).
import { logReads, query, type Dataset, type Read, type Transaction } from '@accord/db';
import { otherFirmsRows, type ReadDataset } from './aggregate.queries.ts';

export async function logOtherFirmsReads(
  tx: Transaction,
  reader: { firmId: string; userId: string | null },
  networkId: string,
  asOf: string,
  reading: string,
  datasets?: readonly ReadDataset[],
) {
  const counts = await query<{ firm_id: string; dataset: Dataset; rows: number }>(
    tx,
    otherFirmsRows(networkId, reader.firmId, asOf, datasets),
  );
  const reads: Read[] = counts.map((c) => ({
    ownerFirmId: c.firm_id,
    dataset: c.dataset,
    level: 'customer',
    reading,
    rowCount: c.rows,
  }));
  await logReads(tx, reader, networkId, reads);
}
