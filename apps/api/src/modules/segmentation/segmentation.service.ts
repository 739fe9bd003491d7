// Customer value and joint segmentation, as the API answers it: the acting firm's latest complete
// feature snapshot (paged, filtered, sorted, summarised), the network's joint scheme, and the firm's own
// labels, their mapping and alignment. Everything here reads the firm's own rows; the partners' data it
// was computed from was read (and logged) by the recompute. The models fitted on demand are in
// clv-model.service.ts.
import { DEFAULT_ANNUAL_DISCOUNT_RATE, withTenant, type Database, type Transaction } from '@accord/db';
import {
  type AnsweredFeature,
  type CsvFeature,
  csvFeatures,
  customerKeyer,
  type Quadrant,
  quadrantTreatments,
  type RfmSegment,
  rfmSegmentRules,
  schemeFeatures,
  type SchemeSegment,
  stringFeatureValues,
  validateScheme,
  zeroRates,
} from '@accord/domain';
import { currentScheme, firmCostModel, measureAlignment, snapshotFreshness } from '@accord/analytics';
import type { JobQueue } from '@accord/jobs';
import { parse } from 'csv-parse/sync';
import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import type { Static } from 'typebox';
import { csvLines } from '../../http/csv.ts';
import { paginate, type PageRequest } from '../../http/pagination.ts';
import { ApiProblem, badRequest, notFound } from '../../http/problems.ts';
import { type NetworkMember, type NetworkWork, requireFocalFirm } from '../../plugins/network-access.ts';
import {
  alignmentsOf,
  featureGroups,
  insertScheme,
  labelCounts,
  networkHashingKey,
  profitabilitySample,
  recentSnapshots,
  replaceLabelRows,
  replaceMappingRows,
  rfmGrid as rfmGridOf,
  schemesOf,
  snapshotFeatures,
  upsertCostModel,
  type FeatureFilter,
  type FeatureRow,
  type GroupRow,
} from './segmentation.queries.ts';
import type { CostModelBody, FeatureQuery } from './segmentation.schemas.ts';

/** A firm in a network: whose figures. */
export interface FirmInNetwork {
  networkId: string;
  firmId: string;
}

/** The firm's cost model as the API answers it: what a firm without one is charged and valued with. */
export async function getCostModel(tx: Transaction, { networkId, firmId }: FirmInNetwork) {
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

/**
 * The firm's latest complete snapshot, whether a newer one is computing, and the latest failure.
 * `alongside` reads more of the snapshot (given its id) together with its freshness, in the same round
 * trip; its answer is `alongside` of the result (undefined without a snapshot).
 */
export async function snapshotState<T = undefined>(
  tx: Transaction,
  networkId: string,
  firmId: string,
  alongside?: (snapshotId: string) => Promise<T>,
) {
  const recent = await recentSnapshots(tx, networkId, firmId);
  const complete = recent.filter((s) => s.status === 'complete').sort((a, b) => +b.finishedAt! - +a.finishedAt!)[0];
  const newer = recent.filter((s) => !complete || s.startedAt > complete.startedAt);
  const failed = newer.find((s) => s.status === 'failed');
  const through =
    complete?.throughBatchId && complete.throughBatchAt
      ? { id: complete.throughBatchId, mergedAt: complete.throughBatchAt }
      : null;
  const [freshness, more] = complete
    ? await Promise.all([snapshotFreshness(tx, networkId, through), alongside?.(complete.id)])
    : [null, undefined];
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
          freshness,
        }
      : null,
    computing: newer.some((s) => s.status === 'computing'),
    lastError: failed?.error ?? null,
    whaleCurve: complete?.whaleCurve ?? null,
    alongside: more,
  };
}

/** A snapshot's features are paged on the sort value and the customer key. */
const featureKeyset = {
  parts: 2,
  key: (row: { sort_value: number | string; customer_key: string }) => [String(row.sort_value), row.customer_key],
};

/** One page of a snapshot's features (keyset pagination on the sort key and the customer key). */
export async function featurePage(
  tx: Transaction,
  networkId: string,
  snapshotId: string,
  filter: FeatureFilter,
  page: PageRequest,
) {
  const rows = await paginate(
    page,
    (window) => snapshotFeatures(tx, networkId, snapshotId, filter, window),
    featureKeyset,
  );
  // each row keeps its sort value (copying 50 rows without it cost more than the rest of the page): the
  // response schema writes the answered features only, and the CSV its own columns
  return { items: rows.items, nextCursor: rows.nextCursor };
}

/** The CSV export's columns: the feature spec's. */
export const featureCsvColumns: readonly CsvFeature[] = csvFeatures;

// a feature row has exactly the answered features (this fails to compile when the two part)
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _featureRowIsAnswered: SameKeys<keyof FeatureRow, AnsweredFeature> = true;

const shareOf = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/** Segment summaries, the RFM heatmap, the profitability matrix and a scatter sample of one snapshot. */
export async function valueSummary(
  tx: Transaction,
  networkId: string,
  snapshotId: string,
  thresholds: { netMarginPct: number | null; costToServe: number | null },
  segments: SchemeSegment[],
) {
  const [bySegment, byRfm, byQuadrant] = await Promise.all([
    featureGroups(tx, networkId, snapshotId, 'segment'),
    featureGroups(tx, networkId, snapshotId, 'rfm_segment'),
    featureGroups(tx, networkId, snapshotId, 'quadrant'),
  ]);
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
  const rfmGrid = await rfmGridOf(tx, networkId, snapshotId);
  const sample = await profitabilitySample(tx, networkId, snapshotId);
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

export async function listSchemes(tx: Transaction, networkId: string) {
  const rows = await schemesOf(tx, networkId);
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
  actor: NetworkMember,
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
  requireFocalFirm(actor, 'publishes its joint scheme');
  const current = await currentScheme(tx, networkId);
  await insertScheme(tx, {
    networkId,
    version: (current?.version ?? 0) + 1,
    segments,
    note,
    publishedByFirmId: actor.firmId,
    publishedByUserId: actor.userId,
  });
  return (await listSchemes(tx, networkId)).items[0]!;
}

export async function labelSummary(tx: Transaction, { networkId, firmId }: FirmInNetwork) {
  const labels = await labelCounts(tx, networkId, firmId);
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
  const keyOf = customerKeyer((await networkHashingKey(tx, networkId))!);
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
  await replaceLabelRows(tx, networkId, firmId, [...seen.entries()]);
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
  await replaceMappingRows(tx, networkId, firmId, mappings);
}

/** Measures alignment again against the latest complete snapshot, when there is one and a scheme. */
export async function remeasureAlignment(tx: Transaction, networkId: string, firmId: string) {
  const state = await snapshotState(tx, networkId, firmId);
  const scheme = await currentScheme(tx, networkId);
  if (!state.snapshot || !scheme) return;
  await measureAlignment(tx, networkId, firmId, state.snapshot.id, state.snapshot.asOf, scheme.version);
}

export async function alignment(tx: Transaction, { networkId, firmId }: FirmInNetwork) {
  const rows = await alignmentsOf(tx, networkId, firmId);
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

/** What segmentation changes need besides their transaction: the database for long exports, the queue. */
export interface SegmentationDeps {
  db: Database;
  queue: JobQueue;
}

const CSV_ROWS_PER_PAGE = 5000;

/** The firm's customer value recomputed in the background (one job per firm and network at a time). */
function recomputeFirm(deps: SegmentationDeps, networkId: string, firmId: string, asOf?: string) {
  return deps.queue.enqueue(
    'recompute-customer-value',
    { firmId, networkId, ...(asOf ? { asOf } : {}) },
    { dedupeKey: `recompute-customer-value:${networkId}:${firmId}` },
  );
}

/** The firm's cost model set; its customer value is recomputed with it. */
export async function putCostModel(
  deps: SegmentationDeps,
  run: NetworkWork,
  networkId: string,
  body: Static<typeof CostModelBody>,
) {
  const { firmId, model } = await run(async (tx, member) => {
    await upsertCostModel(tx, networkId, member.firmId, {
      rates: body.rates,
      clvMargin: body.clvMargin,
      annualDiscountRate: body.annualDiscountRate ?? DEFAULT_ANNUAL_DISCOUNT_RATE,
      netMarginPctThreshold: body.netMarginPctThreshold ?? null,
      costToServeThreshold: body.costToServeThreshold ?? null,
      updatedByUserId: member.userId,
      updatedAt: new Date(),
    });
    return { firmId: member.firmId, model: await getCostModel(tx, member) };
  });
  await recomputeFirm(deps, networkId, firmId);
  return model;
}

/** The firm's customer features recomputed now, as of a day (today by default). */
export async function requestRecompute(
  deps: SegmentationDeps,
  run: NetworkWork,
  networkId: string,
  asOf: string | undefined,
): Promise<void> {
  const firmId = await run((_tx, member) => Promise.resolve(member.firmId));
  await recomputeFirm(deps, networkId, firmId, asOf);
}

type FeatureQueryParams = Static<typeof FeatureQuery>;

function featureFilter(q: FeatureQueryParams): FeatureFilter {
  return {
    sort: q.sort ?? 'clv_12m',
    order: q.order ?? 'desc',
    segment: q.segment,
    rfm_segment: q.rfm_segment,
    quadrant: q.quadrant,
    unsegmented: q.unsegmented ?? false,
  };
}

/** A page of the firm's latest complete features, with the snapshot's state. */
export async function customerFeatures(
  tx: Transaction,
  member: { networkId: string; firmId: string },
  q: FeatureQueryParams,
) {
  const { networkId } = member;
  const {
    whaleCurve: _,
    alongside: page,
    ...state
  } = await snapshotState(tx, networkId, member.firmId, (snapshotId) =>
    featurePage(tx, networkId, snapshotId, featureFilter(q), { limit: q.limit ?? 50, cursor: q.cursor }),
  );
  return { ...state, ...(page ?? { items: [], nextCursor: null }) };
}

/**
 * Every matching feature row of the firm's latest complete snapshot as CSV, read page by page (each in
 * its own transaction) and written as it is read; 404 before anything is written when there is none.
 */
export async function customerFeaturesCsv(
  deps: SegmentationDeps,
  run: NetworkWork,
  networkId: string,
  q: FeatureQueryParams,
): Promise<Readable> {
  const filter = featureFilter(q);
  const { reader, snapshotId } = await run(async (tx, member) => {
    const state = await snapshotState(tx, networkId, member.firmId);
    if (!state.snapshot) throw notFound('customer features yet: none have been computed');
    return { reader: { firmId: member.firmId, userId: member.userId }, snapshotId: state.snapshot.id };
  });
  const out = new PassThrough();
  const write = async () => {
    out.write(csvLines([featureCsvColumns]));
    let cursor: string | undefined;
    do {
      const page = await withTenant(deps.db, reader, (tx) =>
        featurePage(tx, networkId, snapshotId, filter, { limit: CSV_ROWS_PER_PAGE, cursor }),
      );
      const text = csvLines(page.items.map((row) => featureCsvColumns.map((c) => row[c])));
      if (text && !out.write(text)) await once(out, 'drain');
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    out.end();
  };
  write().catch((error: unknown) => out.destroy(error as Error));
  return out;
}

/** Segment summaries, RFM segments and heatmap, whale curve and profitability matrix of the latest features. */
export async function customerValue(tx: Transaction, member: NetworkMember) {
  const { networkId } = member;
  const { whaleCurve, alongside: _, ...state } = await snapshotState(tx, networkId, member.firmId);
  const thresholds = {
    netMarginPct: state.snapshot?.settings?.netMarginPctThreshold ?? null,
    costToServe: state.snapshot?.settings?.costToServeThreshold ?? null,
  };
  if (!state.snapshot) {
    return {
      ...state,
      segments: [],
      rfmSegments: [],
      rfmGrid: [],
      whaleCurve: null,
      profitability: { thresholds, quadrants: [], sample: [] },
    };
  }
  const schemes = await listSchemes(tx, networkId);
  const version = state.snapshot.settings?.schemeVersion;
  const scheme = schemes.items.find((s) => s.version === version);
  const summary = await valueSummary(tx, networkId, state.snapshot.id, thresholds, scheme?.segments ?? []);
  return { ...state, whaleCurve, ...summary };
}

/** A new version of the joint scheme; every member is recomputed with it after the commit. */
export async function publishJointScheme(
  deps: SegmentationDeps,
  run: NetworkWork,
  networkId: string,
  body: { segments: unknown[]; note?: string | undefined },
) {
  const { scheme, firmId } = await run(async (tx, member) => ({
    scheme: await publishScheme(tx, networkId, member, body.segments as SchemeSegment[], body.note ?? ''),
    firmId: member.firmId,
  }));
  await deps.queue.enqueue('recompute-network', { firmId, networkId }, { dedupeKey: `recompute-network:${networkId}` });
  return scheme;
}

/** The firm's labels and alignment after a change to its labels or their mapping, measured again at once. */
async function labelsAndAlignment(tx: Transaction, networkId: string, firmId: string) {
  await remeasureAlignment(tx, networkId, firmId);
  return {
    labels: await labelSummary(tx, { networkId, firmId }),
    alignment: await alignment(tx, { networkId, firmId }),
  };
}

export async function uploadLabels(tx: Transaction, member: NetworkMember, csv: string) {
  const { networkId } = member;
  await replaceLabels(tx, networkId, member.firmId, csv);
  return labelsAndAlignment(tx, networkId, member.firmId);
}

export async function mapLabels(
  tx: Transaction,
  member: NetworkMember,
  mappings: { label: string; segment: string }[],
) {
  const { networkId } = member;
  await replaceMappings(tx, networkId, member.firmId, mappings);
  return labelsAndAlignment(tx, networkId, member.firmId);
}
