// Customer value and joint segmentation, as the API answers it: the acting firm's latest complete
// feature snapshot (paged, filtered, sorted, summarised), on-demand model fits, the network's joint
// scheme, and the firm's own labels, their mapping and alignment. Everything here reads the firm's own
// rows; the partners' data it was computed from was read (and logged) by the recompute.
import {
  DEFAULT_ANNUAL_DISCOUNT_RATE,
  featureSnapshots,
  firms,
  query,
  segmentAlignments,
  segmentationSchemes,
  segmentLabelMappings,
  segmentLabels,
  type Transaction,
} from '@accord/db';
import {
  csvFeatures,
  customerKeyer,
  quadrantTreatments,
  zeroRates,
  rfmSegmentRules,
  schemeFeatures,
  stringFeatureValues,
  validateScheme,
  type AnsweredFeature,
  type CsvFeature,
  type Quadrant,
  type RfmSegment,
  type SchemeSegment,
} from '@accord/domain';
import {
  answeredFeatureSelect,
  CustomerColumns,
  currentScheme,
  customerAggregates,
  firmCostModel,
  fitCustomerModels,
  measureAlignment,
  visibleSellers,
} from '@accord/analytics';
import type { CustomerAggregateRow } from '@accord/analytics';
import { parse } from 'csv-parse/sync';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { ApiProblem, badRequest } from '../../http/problems.ts';
import type { SortableFeature } from './segmentation.schemas.ts';

/** The firm's cost model as the API answers it: what a firm without one is charged and valued with. */
export async function getCostModel(tx: Transaction, networkId: string, firmId: string) {
  const model = await firmCostModel(tx, networkId, firmId);
  return {
    rates: model?.rates ?? zeroRates,
    clvMargin: model?.clvMargin ?? null,
    annualDiscountRate: model?.annualDiscountRate ?? DEFAULT_ANNUAL_DISCOUNT_RATE,
    netMarginPctThreshold: model?.netMarginPctThreshold ?? null,
    costToServeThreshold: model?.costToServeThreshold ?? null,
    updatedAt: model?.updatedAt.toISOString() ?? null,
  };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The firm's latest complete snapshot, whether a newer one is computing, and the latest failure. */
export async function snapshotState(tx: Transaction, networkId: string, firmId: string) {
  const recent = await tx
    .select()
    .from(featureSnapshots)
    .where(and(eq(featureSnapshots.networkId, networkId), eq(featureSnapshots.firmId, firmId)))
    .orderBy(desc(featureSnapshots.startedAt))
    .limit(10);
  const complete = recent.filter((s) => s.status === 'complete').sort((a, b) => +b.finishedAt! - +a.finishedAt!)[0];
  const newer = recent.filter((s) => !complete || s.startedAt > complete.startedAt);
  const failed = newer.find((s) => s.status === 'failed');
  return {
    snapshot: complete
      ? {
          id: complete.id,
          asOf: complete.asOf,
          customers: complete.customers,
          startedAt: complete.startedAt.toISOString(),
          finishedAt: iso(complete.finishedAt),
          models: complete.models,
          settings: complete.settings,
        }
      : null,
    computing: newer.some((s) => s.status === 'computing'),
    lastError: failed?.error ?? null,
    whaleCurve: complete?.whaleCurve ?? null,
  };
}

export interface FeatureRow {
  customer_key: string;
  recency_days: number;
  frequency: number;
  monetary: string;
  rfm_r: number;
  rfm_f: number;
  rfm_m: number;
  rfm_segment: RfmSegment;
  expected_purchases_12m: number | null;
  p_alive: number | null;
  clv_12m: number | null;
  net_revenue: string;
  cost_of_goods: string;
  cost_to_serve: string;
  profit: string;
  quadrant: Quadrant | null;
  segment: string | null;
  channels: number;
  wallet_shares: Record<string, number>;
}

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

export function encodeCursor(value: number | string, key: string) {
  return Buffer.from(JSON.stringify([String(value), key])).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown;
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((p) => typeof p === 'string'))
      return parsed as [string, string];
  } catch {
    // answered below
  }
  throw badRequest('invalid_cursor', 'The cursor is not one this endpoint gave out; start again without it.');
}

/** One page of a snapshot's features (keyset pagination on the sort key and the customer key). */
export async function featurePage(
  tx: Transaction,
  networkId: string,
  snapshotId: string,
  filter: FeatureFilter,
  limit: number,
  cursor: string | undefined,
) {
  const key = sortKey(filter.sort, filter.order);
  const conditions: SQL[] = [sql`network_id = ${networkId}`, sql`snapshot_id = ${snapshotId}`];
  if (filter.segment !== undefined) conditions.push(sql`segment = ${filter.segment}`);
  if (filter.rfm_segment !== undefined) conditions.push(sql`rfm_segment = ${filter.rfm_segment}`);
  if (filter.quadrant !== undefined) conditions.push(sql`quadrant = ${filter.quadrant}`);
  if (filter.unsegmented) conditions.push(sql`segment is null`);
  if (cursor) {
    const [value, customerKey] = decodeCursor(cursor);
    const after = filter.sort === 'customer_key' ? sql`${value}` : sql`${value}::float8`;
    conditions.push(
      filter.order === 'desc'
        ? sql`(${key}, customer_key) < (${after}, ${customerKey})`
        : sql`(${key}, customer_key) > (${after}, ${customerKey})`,
    );
  }
  const direction = sql.raw(filter.order === 'desc' ? 'desc' : 'asc');
  const rows = await query<FeatureRow & { sort_value: number | string }>(
    tx,
    sql`select ${answeredFeatureSelect}, ${key} as sort_value from customer_features
        where ${sql.join(conditions, sql` and `)}
        order by ${key} ${direction}, customer_key ${direction} limit ${limit + 1}`,
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(({ sort_value: _, ...row }) => row),
    nextCursor: rows.length > limit && last ? encodeCursor(last.sort_value, last.customer_key) : null,
  };
}

/** The CSV export's columns: the feature spec's. */
export const featureCsvColumns: readonly CsvFeature[] = csvFeatures;

// a feature row has exactly the answered features (this fails to compile when the two part)
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _featureRowIsAnswered: SameKeys<keyof FeatureRow, AnsweredFeature> = true;

const shareOf = (part: number, whole: number) => (whole === 0 ? null : part / whole);

interface GroupRow {
  group: string | null;
  customers: number;
  revenue: string;
  profit: string;
  mean_clv: number | null;
}

/** Segment summaries, the RFM heatmap, the profitability matrix and a scatter sample of one snapshot. */
export async function valueSummary(
  tx: Transaction,
  networkId: string,
  snapshotId: string,
  thresholds: { netMarginPct: number | null; costToServe: number | null },
  segments: SchemeSegment[],
) {
  const groupsBy = (column: 'segment' | 'rfm_segment' | 'quadrant') =>
    query<GroupRow>(
      tx,
      sql`select ${sql.raw(column)} as group, count(*)::int as customers, sum(net_revenue)::text as revenue,
            sum(profit)::text as profit, avg(clv_12m)::float8 as mean_clv
          from customer_features where network_id = ${networkId} and snapshot_id = ${snapshotId}
          group by 1 order by 1`,
    );
  const [bySegment, byRfm, byQuadrant] = [
    await groupsBy('segment'),
    await groupsBy('rfm_segment'),
    await groupsBy('quadrant'),
  ];
  const totals = bySegment.reduce(
    (t, g) => ({
      customers: t.customers + g.customers,
      revenue: t.revenue + Number(g.revenue),
      profit: t.profit + Number(g.profit),
    }),
    { customers: 0, revenue: 0, profit: 0 },
  );
  const value = (g: GroupRow) => ({
    customers: g.customers,
    revenue: g.revenue,
    profit: g.profit,
    customerShare: shareOf(g.customers, totals.customers),
    revenueShare: shareOf(Number(g.revenue), totals.revenue),
    profitShare: shareOf(Number(g.profit), totals.profit),
  });
  // joint segments in the scheme's order, then customers no rule matched
  const order = (name: string | null) => (name === null ? segments.length : segments.findIndex((s) => s.name === name));
  const rfmGrid = await query<{ r: number; f: number; customers: number; mean_monetary: number }>(
    tx,
    sql`select rfm_r as r, rfm_f as f, count(*)::int as customers, avg(monetary)::float8 as mean_monetary
        from customer_features where network_id = ${networkId} and snapshot_id = ${snapshotId}
        group by 1, 2 order by 1, 2`,
  );
  const sample = await query<{
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
  return {
    segments: bySegment
      .sort((a, b) => order(a.group) - order(b.group))
      .map((g) => {
        const segment = segments.find((s) => s.name === g.group);
        return {
          segment: g.group,
          ...value(g),
          meanClv: g.mean_clv,
          treatment: segment?.treatment ?? null,
          valueProposition: segment?.valueProposition ?? null,
        };
      }),
    rfmSegments: byRfm.map((g) => ({
      segment: g.group as RfmSegment,
      rule: rfmSegmentRules[g.group as RfmSegment],
      ...value(g),
    })),
    rfmGrid: rfmGrid.map((c) => ({ r: c.r, f: c.f, customers: c.customers, meanMonetary: c.mean_monetary })),
    profitability: {
      thresholds,
      quadrants: byQuadrant.map((g) => {
        const quadrant = g.group as Quadrant | null;
        return {
          quadrant,
          label: quadrant ? quadrantTreatments[quadrant].label : 'No positive net revenue',
          treatment: quadrant
            ? quadrantTreatments[quadrant].treatment
            : 'Refunds outweigh purchases: look at the returns before anything else.',
          ...value(g),
        };
      }),
      sample,
    },
  };
}

/**
 * Fits BG/NBD and Gamma-Gamma on the purchases up to and including `calibrationEnd`, from everything the
 * firm may see (same-day purchases are one transaction).
 */
export async function clvModel(
  tx: Transaction,
  networkId: string,
  firmId: string,
  calibrationEnd: string,
  timeUnit: 'day' | 'week',
) {
  const sellers = await visibleSellers(tx, networkId, firmId);
  const rows = await query<CustomerAggregateRow>(tx, customerAggregates(networkId, calibrationEnd, sellers));
  const histories = new CustomerColumns();
  for (const row of rows) histories.push(row);
  histories.trim();
  const { models } = fitCustomerModels(histories, timeUnit === 'week' ? 7 : 1);
  const oldest = rows.reduce((m, r) => Math.max(m, Number(r.age_days)), 0);
  const start = rows.length ? new Date(Date.parse(`${calibrationEnd}T00:00:00Z`) - oldest * 86_400_000) : null;
  return {
    calibrationStart: start ? start.toISOString().slice(0, 10) : null,
    calibrationEnd,
    timeUnit,
    customers: models.fittedCustomers,
    repeatCustomers: models.repeatCustomers,
    bgNbd: models.bgNbd,
    gammaGamma: models.gammaGamma,
  };
}

export async function listSchemes(tx: Transaction, networkId: string) {
  const rows = await tx
    .select({ scheme: segmentationSchemes, firmName: firms.name })
    .from(segmentationSchemes)
    .innerJoin(firms, eq(firms.id, segmentationSchemes.publishedByFirmId))
    .where(eq(segmentationSchemes.networkId, networkId))
    .orderBy(desc(segmentationSchemes.version));
  return {
    items: rows.map(({ scheme, firmName }) => ({
      id: scheme.id,
      version: scheme.version,
      segments: scheme.segments as SchemeSegment[],
      note: scheme.note,
      publishedBy: { id: scheme.publishedByFirmId, name: firmName },
      publishedAt: scheme.publishedAt.toISOString(),
    })),
    features: schemeFeatures.map((name) => {
      const values = stringFeatureValues[name];
      return values ? { name, kind: 'text' as const, values: [...values] } : { name, kind: 'number' as const };
    }),
  };
}

/** `segments[2].conditions[0].value` as a JSON pointer into the request body: `/segments/2/conditions/0/value`. */
function jsonPointer(path: string): string {
  return `/${path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)
    .join('/')}`;
}

export async function publishScheme(
  tx: Transaction,
  networkId: string,
  actor: { firmId: string; userId: string },
  segments: SchemeSegment[],
  note: string,
) {
  const problems = validateScheme(segments);
  if (problems.length) {
    throw new ApiProblem(
      400,
      'invalid_scheme',
      'Bad request',
      'The scheme has problems; fix each one listed in `errors`.',
      problems.map((p) => ({ path: jsonPointer(p.path), message: p.message })),
    );
  }
  const [focal] = await query<{ focal: boolean }>(tx, sql`select app_is_focal_firm(${networkId}::uuid) as focal`);
  if (!focal?.focal) {
    throw new ApiProblem(
      403,
      'focal_firm_only',
      'Forbidden',
      'Only the focal firm of the network publishes its joint scheme.',
    );
  }
  const current = await currentScheme(tx, networkId);
  await tx.insert(segmentationSchemes).values({
    networkId,
    version: (current?.version ?? 0) + 1,
    segments,
    note,
    publishedByFirmId: actor.firmId,
    publishedByUserId: actor.userId,
  });
  return (await listSchemes(tx, networkId)).items[0]!;
}

export async function labelSummary(tx: Transaction, networkId: string, firmId: string) {
  const labels = await query<{ label: string; customers: number; segment: string | null; uploaded_at: Date | string }>(
    tx,
    sql`select l.label, count(*)::int as customers, m.segment, max(l.uploaded_at) as uploaded_at
        from segment_labels l
        left join segment_label_mappings m on m.network_id = l.network_id and m.firm_id = l.firm_id and m.label = l.label
        where l.network_id = ${networkId} and l.firm_id = ${firmId}
        group by l.label, m.segment order by l.label`,
  );
  const uploaded = labels.map((l) => new Date(l.uploaded_at).getTime());
  return {
    labelled: labels.reduce((sum, l) => sum + l.customers, 0),
    uploadedAt: uploaded.length ? new Date(Math.max(...uploaded)).toISOString() : null,
    labels: labels.map((l) => ({ label: l.label, customers: l.customers, segment: l.segment })),
  };
}

const MAX_LABEL_ERRORS = 50;
const KEY_PATTERN = /^[0-9a-f]{64}$/;

/**
 * Replaces the firm's labels with the CSV's (customer_id or customer_key, label). Identifiers are
 * hashed with the network's key and never stored. Any bad row refuses the whole file, and the labels
 * already there stay.
 */
export async function replaceLabels(tx: Transaction, networkId: string, firmId: string, csv: string) {
  let records: string[][];
  try {
    records = parse(csv, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: false });
  } catch (error) {
    throw badRequest('invalid_csv', `The body is not valid CSV: ${(error as Error).message}`);
  }
  const [header, ...rows] = records;
  const columns = header?.map((c) => c.toLowerCase()) ?? [];
  const idColumn = columns.includes('customer_key')
    ? 'customer_key'
    : columns.includes('customer_id')
      ? 'customer_id'
      : null;
  const labelAt = columns.indexOf('label');
  if (!idColumn || labelAt < 0 || columns.length !== 2) {
    throw badRequest(
      'invalid_label_columns',
      'The header must be exactly two columns: customer_id (or customer_key) and label.',
    );
  }
  const idAt = columns.indexOf(idColumn);
  const [network] = await query<{ key: string | null }>(
    tx,
    sql`select app_network_hashing_key(${networkId}::uuid) as key`,
  );
  const keyOf = customerKeyer(network!.key!);
  const errors: { path: string; message: string }[] = [];
  const seen = new Map<string, string>();
  rows.forEach((row, index) => {
    const rowNumber = index + 2;
    const id = row[idAt] ?? '';
    const label = row[labelAt] ?? '';
    if (!label || label.length > 100)
      errors.push({ path: `/rows/${rowNumber}/label`, message: 'A label of 1 to 100 characters.' });
    if (idColumn === 'customer_key' && !KEY_PATTERN.test(id.toLowerCase()))
      errors.push({ path: `/rows/${rowNumber}/customer_key`, message: 'A customer key is 64 hex digits.' });
    if (idColumn === 'customer_id' && !id)
      errors.push({ path: `/rows/${rowNumber}/customer_id`, message: 'The customer identifier is empty.' });
    const key = idColumn === 'customer_key' ? id.toLowerCase() : id ? keyOf(id) : '';
    const before = seen.get(key);
    if (key && before !== undefined && before !== label)
      errors.push({ path: `/rows/${rowNumber}/label`, message: `The customer already has the label "${before}".` });
    if (key) seen.set(key, label);
  });
  if (!rows.length) errors.push({ path: '/rows', message: 'The file has no rows.' });
  if (errors.length) {
    throw new ApiProblem(
      400,
      'invalid_labels',
      'Bad request',
      `${errors.length} problem(s) in the file; nothing was replaced. The first ${MAX_LABEL_ERRORS} are listed.`,
      errors.slice(0, MAX_LABEL_ERRORS),
    );
  }
  await tx.delete(segmentLabels).where(and(eq(segmentLabels.networkId, networkId), eq(segmentLabels.firmId, firmId)));
  const entries = [...seen.entries()];
  for (let i = 0; i < entries.length; i += 5000) {
    await tx
      .insert(segmentLabels)
      .values(entries.slice(i, i + 5000).map(([customerKey, label]) => ({ networkId, firmId, customerKey, label })));
  }
}

export async function replaceMappings(
  tx: Transaction,
  networkId: string,
  firmId: string,
  mappings: { label: string; segment: string }[],
) {
  const scheme = await currentScheme(tx, networkId);
  if (!scheme) throw new ApiProblem(409, 'no_scheme', 'Conflict', 'The network has no joint scheme to map onto yet.');
  const names = new Set((scheme.segments as SchemeSegment[]).map((s) => s.name));
  const errors = mappings.flatMap((m, i) =>
    names.has(m.segment)
      ? []
      : [
          {
            path: `/mappings/${i}/segment`,
            message: `"${m.segment}" is not a segment of scheme version ${scheme.version}.`,
          },
        ],
  );
  const labels = mappings.map((m) => m.label);
  labels.forEach((label, i) => {
    if (labels.indexOf(label) !== i)
      errors.push({ path: `/mappings/${i}/label`, message: `"${label}" is mapped twice.` });
  });
  if (errors.length)
    throw new ApiProblem(400, 'invalid_mappings', 'Bad request', 'Fix the mappings listed in `errors`.', errors);
  await tx
    .delete(segmentLabelMappings)
    .where(and(eq(segmentLabelMappings.networkId, networkId), eq(segmentLabelMappings.firmId, firmId)));
  if (mappings.length) await tx.insert(segmentLabelMappings).values(mappings.map((m) => ({ networkId, firmId, ...m })));
}

/** Measures alignment again against the latest complete snapshot, when there is one and a scheme. */
export async function remeasureAlignment(tx: Transaction, networkId: string, firmId: string) {
  const state = await snapshotState(tx, networkId, firmId);
  const scheme = await currentScheme(tx, networkId);
  if (!state.snapshot || !scheme) return;
  await measureAlignment(tx, networkId, firmId, state.snapshot.id, state.snapshot.asOf, scheme.version);
}

export async function alignment(tx: Transaction, networkId: string, firmId: string) {
  const rows = await tx
    .select()
    .from(segmentAlignments)
    .where(and(eq(segmentAlignments.networkId, networkId), eq(segmentAlignments.firmId, firmId)))
    .orderBy(desc(segmentAlignments.computedAt))
    .limit(100);
  const measures = (a: (typeof rows)[number]) => ({
    computedAt: a.computedAt.toISOString(),
    asOf: a.asOf,
    schemeVersion: a.schemeVersion,
    labelled: a.labelled,
    compared: a.compared,
    agreementRate: a.agreementRate,
    kappa: a.kappa,
    adjustedRand: a.adjustedRand,
  });
  const latest = rows[0];
  return {
    latest: latest ? { ...measures(latest), matrix: latest.matrix } : null,
    history: rows.map(measures).reverse(),
  };
}
