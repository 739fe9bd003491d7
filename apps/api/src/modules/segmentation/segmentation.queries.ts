// What the segmentation module reads and writes: the acting firm's cost model, feature snapshots and
// features, the network's joint schemes, and the firm's own labels, mappings and alignments. Row-level
// security keeps each firm to its own rows.
import {
  costModels,
  featureSnapshots,
  firms,
  query,
  segmentAlignments,
  segmentationSchemes,
  segmentLabelMappings,
  segmentLabels,
  type Transaction,
} from '@accord/db';
import type { Quadrant, SchemeSegment } from '@accord/domain';
import { answeredFeatureSelect } from '@accord/analytics';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { PageWindow } from '../../http/pagination.ts';
import type { CustomerFeature, SortableFeature } from './segmentation.schemas.ts';
import type { Static } from 'typebox';

export type CostModelValues = Omit<typeof costModels.$inferInsert, 'networkId' | 'firmId'>;

/** The firm's cost model, set again or for the first time. */
export async function upsertCostModel(
  tx: Transaction,
  networkId: string,
  firmId: string,
  values: CostModelValues,
): Promise<void> {
  await tx
    .insert(costModels)
    .values({ networkId, firmId, ...values })
    .onConflictDoUpdate({ target: [costModels.networkId, costModels.firmId], set: values });
}

/** The firm's ten most recent snapshots, newest first. */
export function recentSnapshots(tx: Transaction, networkId: string, firmId: string) {
  return tx
    .select()
    .from(featureSnapshots)
    .where(and(eq(featureSnapshots.networkId, networkId), eq(featureSnapshots.firmId, firmId)))
    .orderBy(desc(featureSnapshots.startedAt))
    .limit(10);
}

/** A customer's answered features, as the API's schema describes them (money as exact text). */
export type FeatureRow = Static<typeof CustomerFeature>;

export interface FeatureFilter {
  sort: SortableFeature;
  order: 'asc' | 'desc';
  segment?: string | undefined;
  rfm_segment?: string | undefined;
  quadrant?: string | undefined;
  unsegmented?: boolean;
}

/** The sort key: numbers as float8 with no value last whichever the order; the key breaks ties. */
function sortKey(sort: SortableFeature, order: 'asc' | 'desc'): SQL {
  if (sort === 'customer_key') return sql`customer_key`;
  return sql.raw(`coalesce(${sort}::float8, '${order === 'desc' ? '-' : ''}Infinity'::float8)`);
}

/** A snapshot's features that match, in keyset order on the sort key and the customer key, with that sort value. */
export function snapshotFeatures(
  tx: Transaction,
  networkId: string,
  snapshotId: string,
  filter: FeatureFilter,
  window: PageWindow,
) {
  const key = sortKey(filter.sort, filter.order);
  const conditions: SQL[] = [sql`network_id = ${networkId}`, sql`snapshot_id = ${snapshotId}`];
  if (filter.segment !== undefined) conditions.push(sql`segment = ${filter.segment}`);
  if (filter.rfm_segment !== undefined) conditions.push(sql`rfm_segment = ${filter.rfm_segment}`);
  if (filter.quadrant !== undefined) conditions.push(sql`quadrant = ${filter.quadrant}`);
  if (filter.unsegmented) conditions.push(sql`segment is null`);
  if (window.after) {
    const [value, customerKey] = window.after;
    const after = filter.sort === 'customer_key' ? sql`${value}` : sql`${value}::float8`;
    conditions.push(
      filter.order === 'desc'
        ? sql`(${key}, customer_key) < (${after}, ${customerKey})`
        : sql`(${key}, customer_key) > (${after}, ${customerKey})`,
    );
  }
  const direction = sql.raw(filter.order === 'desc' ? 'desc' : 'asc');
  return query<FeatureRow & { sort_value: number | string }>(
    tx,
    sql`select ${answeredFeatureSelect}, ${key} as sort_value from customer_features
        where ${sql.join(conditions, sql` and `)}
        order by ${key} ${direction}, customer_key ${direction} limit ${window.take}`,
  );
}

export interface GroupRow {
  group: string | null;
  customers: number;
  revenue: string;
  profit: string;
  mean_clv: number | null;
}

/** A snapshot's customers, revenue, profit and mean CLV by one grouping column. */
export function featureGroups(
  tx: Transaction,
  networkId: string,
  snapshotId: string,
  column: 'segment' | 'rfm_segment' | 'quadrant',
) {
  return query<GroupRow>(
    tx,
    sql`select ${sql.raw(column)} as group, count(*)::int as customers, sum(net_revenue)::text as revenue,
          sum(profit)::text as profit, avg(clv_12m)::float8 as mean_clv
        from customer_features where network_id = ${networkId} and snapshot_id = ${snapshotId}
        group by 1 order by 1`,
  );
}

/** The RFM heatmap: customers and mean spend per recency and frequency score. */
export function rfmGrid(tx: Transaction, networkId: string, snapshotId: string) {
  return query<{ r: number; f: number; customers: number; mean_monetary: number }>(
    tx,
    sql`select rfm_r as r, rfm_f as f, count(*)::int as customers, avg(monetary)::float8 as mean_monetary
        from customer_features where network_id = ${networkId} and snapshot_id = ${snapshotId}
        group by 1, 2 order by 1, 2`,
  );
}

/** A stable sample of 500 customers for the profitability scatter. */
export function profitabilitySample(tx: Transaction, networkId: string, snapshotId: string) {
  return query<{
    customer_key: string;
    net_margin_pct: number;
    cost_to_serve: number;
    profit: number;
    quadrant: Quadrant | null;
  }>(
    tx,
    sql`select customer_key, net_margin_pct, cost_to_serve::float8 as cost_to_serve, profit::float8 as profit, quadrant
        from customer_features
        where network_id = ${networkId} and snapshot_id = ${snapshotId} and net_margin_pct is not null
        order by md5(customer_key) limit 500`,
  );
}

/** Every published version of the network's joint scheme, newest first, with the publishing firm's name. */
export function schemesOf(tx: Transaction, networkId: string) {
  return tx
    .select({ scheme: segmentationSchemes, firmName: firms.name })
    .from(segmentationSchemes)
    .innerJoin(firms, eq(firms.id, segmentationSchemes.publishedByFirmId))
    .where(eq(segmentationSchemes.networkId, networkId))
    .orderBy(desc(segmentationSchemes.version));
}

export async function insertScheme(
  tx: Transaction,
  scheme: {
    networkId: string;
    version: number;
    segments: SchemeSegment[];
    note: string;
    publishedByFirmId: string;
    publishedByUserId: string;
  },
): Promise<void> {
  await tx.insert(segmentationSchemes).values(scheme);
}

/** The firm's labels: customers per label, the joint segment each is mapped to, when last uploaded. */
export function labelCounts(tx: Transaction, networkId: string, firmId: string) {
  return query<{ label: string; customers: number; segment: string | null; uploaded_at: Date | string }>(
    tx,
    sql`select l.label, count(*)::int as customers, m.segment, max(l.uploaded_at) as uploaded_at
        from segment_labels l
        left join segment_label_mappings m on m.network_id = l.network_id and m.firm_id = l.firm_id and m.label = l.label
        where l.network_id = ${networkId} and l.firm_id = ${firmId}
        group by l.label, m.segment order by l.label`,
  );
}

/** The network's key for customer identifiers (null where the caller may not use it). */
export async function networkHashingKey(tx: Transaction, networkId: string): Promise<string | null> {
  const [network] = await query<{ key: string | null }>(
    tx,
    sql`select app_network_hashing_key(${networkId}::uuid) as key`,
  );
  return network?.key ?? null;
}

/** The firm's labels replaced by these (customer key, label) pairs. */
export async function replaceLabelRows(
  tx: Transaction,
  networkId: string,
  firmId: string,
  entries: [customerKey: string, label: string][],
): Promise<void> {
  await tx.delete(segmentLabels).where(and(eq(segmentLabels.networkId, networkId), eq(segmentLabels.firmId, firmId)));
  for (let i = 0; i < entries.length; i += 5000) {
    await tx
      .insert(segmentLabels)
      .values(entries.slice(i, i + 5000).map(([customerKey, label]) => ({ networkId, firmId, customerKey, label })));
  }
}

/** The firm's mapping of its labels onto the joint segments replaced by this one. */
export async function replaceMappingRows(
  tx: Transaction,
  networkId: string,
  firmId: string,
  mappings: { label: string; segment: string }[],
): Promise<void> {
  await tx
    .delete(segmentLabelMappings)
    .where(and(eq(segmentLabelMappings.networkId, networkId), eq(segmentLabelMappings.firmId, firmId)));
  if (mappings.length) await tx.insert(segmentLabelMappings).values(mappings.map((m) => ({ networkId, firmId, ...m })));
}

/** The firm's last hundred alignment measurements, newest first. */
export function alignmentsOf(tx: Transaction, networkId: string, firmId: string) {
  return tx
    .select()
    .from(segmentAlignments)
    .where(and(eq(segmentAlignments.networkId, networkId), eq(segmentAlignments.firmId, firmId)))
    .orderBy(desc(segmentAlignments.computedAt))
    .limit(100);
}
