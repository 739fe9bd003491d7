// What a viewing firm knows of a scorecard period: the exchange's facts it may see per firm and for
// the chain (app_scorecard_facts decides: its own data, customer-level grants, aggregate grants only
// for groups of k), feed health, insights, its customer-value snapshot, strategy sign-offs and the
// relationship survey, each with the batches it came from.
import { featureSnapshots, query, type Dataset, type Transaction, type ValueTrace } from '@accord/db';
import { chainFacts, emptyFacts, hoursBetween, startOfDay, type PeriodFacts } from '@accord/domain';
import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import { shiftPeriod } from './periods.ts';
import type { PeriodKind } from './scorecard-types.ts';

interface FactRow {
  firm_id: string;
  dataset: Exclude<Dataset, 'activities'>;
  level: 'own' | 'customer' | 'aggregate';
  batches: string[] | null;
  row_count: string;
  customers: string;
  revenue: string | null;
  previous_revenue: string | null;
  cost_of_goods: string | null;
  sales_lines: string | null;
  return_lines: string | null;
  previous_customers: string | null;
  retained_customers: string | null;
  shipments_delivered: string | null;
  shipments_on_time: string | null;
  delay_days: number | null;
  cases_opened: string | null;
  cases_resolved_7d: string | null;
  satisfaction_sum: string | null;
  satisfaction_count: string | null;
}

interface FeedRow {
  firm_id: string;
  last_loaded_at: string | null;
  batches: string[];
  rows_received: string;
  rows_rejected: string;
}

const num = (v: string | number | null | undefined): number | null =>
  v === null || v === undefined ? null : Number(v);

/** What the viewer knows of a period: facts per firm and for the chain, with their trace. */
export interface PeriodKnowledge {
  byFirm: Map<string, PeriodFacts>;
  chain: PeriodFacts;
  trace: Map<string, ValueTrace['firms'][number]>;
  snapshotId: string | null;
}

/** Gathers the facts of the period [from, to) as the acting firm of `tx` sees them. */
export async function periodKnowledge(
  tx: Transaction,
  networkId: string,
  members: string[],
  kind: PeriodKind,
  from: string,
  to: string,
): Promise<PeriodKnowledge> {
  const previous = shiftPeriod(kind, from, -1);
  const facts = await query<FactRow>(
    tx,
    sql`select * from app_scorecard_facts(${networkId}::uuid, ${from}::date, ${to}::date, ${previous}::date)`,
  );
  const feeds = await query<FeedRow>(
    tx,
    sql`select * from app_scorecard_feeds(${networkId}::uuid, ${from}::date, ${to}::date)`,
  );
  const insights = await query<{ firm_id: string; shared: string }>(
    tx,
    sql`select author_firm_id as firm_id, count(*) as shared from insights
        where network_id = ${networkId}::uuid and created_at >= ${from}::date and created_at < ${to}::date group by 1`,
  );
  // customer value: the viewer's latest complete snapshot as of a day in the period
  const [snapshot] = await tx
    .select({ id: featureSnapshots.id, whaleCurve: featureSnapshots.whaleCurve })
    .from(featureSnapshots)
    .where(
      and(
        eq(featureSnapshots.networkId, networkId),
        eq(featureSnapshots.status, 'complete'),
        gte(featureSnapshots.asOf, from),
        lt(featureSnapshots.asOf, to),
      ),
    )
    .orderBy(desc(featureSnapshots.finishedAt))
    .limit(1);
  const value = snapshot
    ? await query<{ firm_id: string | null; profit: number; clv: number | null; wallet: number; customers: number }>(
        tx,
        sql`select null as firm_id, sum(profit)::float8 as profit, sum(clv_12m) as clv, 1::float8 as wallet, count(*)::int as customers
            from customer_features where snapshot_id = ${snapshot.id}::uuid
            union all
            select w.key, sum(f.profit * w.value::numeric)::float8, sum(f.clv_12m * w.value::float8), avg(w.value::float8), count(*)::int
            from customer_features f, jsonb_each_text(f.wallet_shares) w
            where f.snapshot_id = ${snapshot.id}::uuid group by w.key`,
      )
    : [];

  const byFirm = new Map<string, PeriodFacts>();
  const trace = new Map<string, ValueTrace['firms'][number]>();
  const factsOf = (firmId: string) => {
    let f = byFirm.get(firmId);
    if (!f) byFirm.set(firmId, (f = { ...emptyFacts }));
    return f;
  };
  const traceOf = (firmId: string, level: ValueTrace['firms'][number]['level']) => {
    let t = trace.get(firmId);
    if (!t) trace.set(firmId, (t = { firmId, level, datasets: {} }));
    return t;
  };
  for (const row of facts) {
    const f = factsOf(row.firm_id);
    traceOf(row.firm_id, row.level).datasets[row.dataset] = {
      batches: row.batches ?? [],
      rows: Number(row.row_count ?? 0),
      customers: Number(row.customers ?? 0),
    };
    if (row.dataset === 'transactions') {
      Object.assign(f, {
        revenue: num(row.revenue),
        previousRevenue: num(row.previous_revenue),
        costOfGoods: num(row.cost_of_goods),
        customers: num(row.customers),
        previousCustomers: num(row.previous_customers),
        retainedCustomers: num(row.retained_customers),
        salesLines: num(row.sales_lines),
        returnLines: num(row.return_lines),
      });
    } else if (row.dataset === 'shipments') {
      Object.assign(f, {
        shipmentsDelivered: num(row.shipments_delivered),
        shipmentsOnTime: num(row.shipments_on_time),
        delayDaysTotal: num(row.delay_days),
      });
    } else {
      Object.assign(f, {
        casesOpened: num(row.cases_opened),
        casesResolvedIn7Days: num(row.cases_resolved_7d),
        satisfactionSum: num(row.satisfaction_sum),
        satisfactionCount: num(row.satisfaction_count),
      });
    }
  }
  const periodEnd = Math.min(Date.now(), startOfDay(to).getTime());
  for (const feed of feeds) {
    if (!members.includes(feed.firm_id)) continue;
    const f = factsOf(feed.firm_id);
    f.hoursSinceLastBatch = feed.last_loaded_at
      ? Math.max(0, hoursBetween(Date.parse(feed.last_loaded_at), periodEnd))
      : null;
    f.rowsReceived = num(feed.rows_received);
    f.rowsRejected = num(feed.rows_rejected);
    traceOf(feed.firm_id, 'catalog').datasets.feeds = {
      batches: feed.batches,
      rows: Number(feed.rows_received),
      customers: 0,
    };
  }
  for (const row of insights) factsOf(row.firm_id).insightsShared = Number(row.shared);
  for (const member of members) {
    const f = factsOf(member);
    f.insightsShared ??= 0; // every insight the viewer can read is counted: none is a real zero
  }
  for (const row of value) {
    if (row.firm_id === null || !members.includes(row.firm_id)) continue;
    const f = factsOf(row.firm_id);
    f.customerProfit = row.profit;
    f.jointClv = row.clv;
    f.walletShare = row.wallet;
  }
  await strategyFacts(tx, networkId, members, to, factsOf);
  const survey = await surveyFacts(tx, networkId, from, to);
  const focal = await focalFirmOf(tx, networkId);
  for (const [partner, sums] of survey.byPartner) if (members.includes(partner)) Object.assign(factsOf(partner), sums);
  if (survey.all && focal) Object.assign(factsOf(focal), survey.all);
  const perFirm = members.map((m) => byFirm.get(m)).filter((f): f is PeriodFacts => f !== undefined);
  const chain = chainFacts(perFirm);
  // the focal firm's survey facts are every relationship's: summing them with the partners' would count twice
  Object.assign(chain, survey.all ?? surveyNone);
  const whole = value.find((row) => row.firm_id === null);
  if (whole && whole.customers > 0) {
    chain.customerProfit = whole.profit;
    chain.jointClv = whole.clv;
    chain.walletShare = null;
    chain.top20ProfitShare = snapshot?.whaleCurve?.top20ProfitShare ?? null;
  }
  return { byFirm, chain, trace, snapshotId: snapshot?.id ?? null };
}

async function focalFirmOf(tx: Transaction, networkId: string): Promise<string | null> {
  const [network] = await query<{ focal: string }>(tx, sql`select app_network_focal(${networkId}::uuid) as focal`);
  return network?.focal ?? null;
}

/**
 * Strategy sign-off: the latest version published before the period's end and each partner firm's
 * latest decision on it by then (1 when signed, 0 otherwise). Nothing when none was published.
 */
async function strategyFacts(
  tx: Transaction,
  networkId: string,
  members: string[],
  to: string,
  factsOf: (firmId: string) => PeriodFacts,
): Promise<void> {
  const focal = await focalFirmOf(tx, networkId);
  const [latest] = await query<{ id: string }>(
    tx,
    sql`select id from strategy_versions
        where network_id = ${networkId}::uuid and status = 'published' and published_at < ${to}::date
        order by version desc limit 1`,
  );
  if (!latest) return;
  const decisions = await query<{ firm_id: string; decision: 'signed' | 'changes_requested' }>(
    tx,
    sql`select distinct on (firm_id) firm_id, decision from strategy_signoffs
        where version_id = ${latest.id}::uuid and decided_at < ${to}::date order by firm_id, decided_at desc`,
  );
  for (const member of members) {
    if (member === focal) continue;
    const f = factsOf(member);
    f.strategyPartners = 1;
    f.strategySignoffs = decisions.some((d) => d.firm_id === member && d.decision === 'signed') ? 1 : 0;
  }
}

type SurveySums = Pick<
  PeriodFacts,
  'surveyResponses' | 'surveyTrustSum' | 'surveyCommitmentSum' | 'surveySatisfactionSum' | 'surveyInformationSharingSum'
>;
const surveyNone: SurveySums = {
  surveyResponses: null,
  surveyTrustSum: null,
  surveyCommitmentSum: null,
  surveySatisfactionSum: null,
  surveyInformationSharingSum: null,
};

/**
 * The relationship health survey's responses of the rounds opened in [from, to) that the viewer may
 * see (relationships it is a party to), summed per partner firm (both sides' answers on that
 * relationship) and over all of them.
 */
async function surveyFacts(
  tx: Transaction,
  networkId: string,
  from: string,
  to: string,
): Promise<{ byPartner: Map<string, SurveySums>; all: SurveySums | null }> {
  const rows = await query<{
    partner_firm_id: string;
    responses: number;
    trust: number;
    commitment: number;
    satisfaction: number;
    information_sharing: number;
  }>(
    tx,
    sql`select r.partner_firm_id, count(*)::int as responses, sum(r.trust) as trust, sum(r.commitment) as commitment,
               sum(r.satisfaction) as satisfaction, sum(r.information_sharing) as information_sharing
        from survey_responses r join survey_rounds s on s.id = r.round_id
        where r.network_id = ${networkId}::uuid and s.opens_on >= ${from}::date and s.opens_on < ${to}::date
        group by 1`,
  );
  const byPartner = new Map<string, SurveySums>();
  let all: SurveySums | null = null;
  for (const row of rows) {
    const sums: SurveySums = {
      surveyResponses: row.responses,
      surveyTrustSum: row.trust,
      surveyCommitmentSum: row.commitment,
      surveySatisfactionSum: row.satisfaction,
      surveyInformationSharingSum: row.information_sharing,
    };
    byPartner.set(row.partner_firm_id, sums);
    const total: SurveySums = all ?? { ...surveyNone };
    for (const key of Object.keys(sums) as (keyof SurveySums)[]) total[key] = (total[key] ?? 0) + (sums[key] ?? 0);
    all = total;
  }
  return { byPartner, all };
}

/** Scores one open period of a scorecard as the viewer sees it, replacing the viewer's values. */
