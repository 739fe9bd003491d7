// What a recompute and the API share about segmentation: the firm's cost model, the network's current
// joint scheme, and the measurement of how far a firm's own labels (mapped onto the joint segments)
// agree with the joint segments of its latest features.
import { costModels, query, segmentAlignments, segmentationSchemes, type Transaction } from '@accord/db';
import { segmentationAgreement } from '@accord/domain';
import { and, desc, eq, sql } from 'drizzle-orm';

export async function firmCostModel(tx: Transaction, networkId: string, firmId: string) {
  const [model] = await tx
    .select()
    .from(costModels)
    .where(and(eq(costModels.networkId, networkId), eq(costModels.firmId, firmId)));
  return model ?? null;
}

export async function currentScheme(tx: Transaction, networkId: string) {
  const [scheme] = await tx
    .select()
    .from(segmentationSchemes)
    .where(eq(segmentationSchemes.networkId, networkId))
    .orderBy(desc(segmentationSchemes.version))
    .limit(1);
  return scheme ?? null;
}

/**
 * Compares the firm's labels, through its mapping, with the joint segments of a snapshot, and records
 * the result: agreement, kappa and ARI over the customers with a mapped label and a joint segment; the
 * matrix of the firm's own labels (mapped or not) against the joint segments.
 * Answers null when the firm has uploaded no labels.
 */
export async function measureAlignment(
  tx: Transaction,
  networkId: string,
  firmId: string,
  snapshotId: string,
  asOf: string,
  schemeVersion: number,
) {
  const [counts] = await query<{ labelled: number }>(
    tx,
    sql`select count(*)::int as labelled from segment_labels where network_id = ${networkId} and firm_id = ${firmId}`,
  );
  if (!counts?.labelled) return null;
  const pairs = await query<{ label: string; mapped: string | null; segment: string }>(
    tx,
    sql`select l.label, m.segment as mapped, f.segment
        from segment_labels l
        join customer_features f on f.network_id = l.network_id and f.snapshot_id = ${snapshotId}
          and f.customer_key = l.customer_key
        left join segment_label_mappings m on m.network_id = l.network_id and m.firm_id = l.firm_id and m.label = l.label
        where l.network_id = ${networkId} and l.firm_id = ${firmId} and f.segment is not null`,
  );
  const mapped = pairs.filter((p): p is typeof p & { mapped: string } => p.mapped !== null);
  const agreement = segmentationAgreement(
    mapped.map((p) => p.mapped),
    mapped.map((p) => p.segment),
  );
  // the matrix shows the firm's own labels (mapped or not) against the joint segments
  const byLabels = segmentationAgreement(
    pairs.map((p) => p.label),
    pairs.map((p) => p.segment),
  );
  const [row] = await tx
    .insert(segmentAlignments)
    .values({
      networkId,
      firmId,
      snapshotId,
      asOf,
      schemeVersion,
      labelled: counts.labelled,
      compared: agreement.n,
      agreementRate: agreement.agreementRate,
      kappa: agreement.kappa,
      adjustedRand: agreement.adjustedRand,
      matrix: { rowLabels: byLabels.rowLabels, columnLabels: byLabels.columnLabels, counts: byLabels.matrix },
    })
    .returning();
  return row!;
}
