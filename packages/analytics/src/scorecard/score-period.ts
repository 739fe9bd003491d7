// Scores one open period of a scorecard as a viewing firm sees it: every measure's value for the chain
// and for each member firm, with its score, status and drill-down, replacing the viewer's values.
import {
  manualMeasureValues,
  networkMemberships,
  scorecardMeasures,
  scorecardPeriods,
  scorecardValues,
  type Transaction,
  type ValueTrace,
} from '@accord/db';
import { emptyFacts, libraryMeasure, measureStatus, scoreMeasure, type PeriodFacts } from '@accord/domain';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { periodKnowledge, type PeriodKnowledge } from './period-knowledge.ts';
import { shiftPeriod } from './periods.ts';
import type { Measure, Period, Scorecard } from './scorecard-types.ts';

export async function scorePeriod(tx: Transaction, card: Scorecard, period: Period, viewer: string): Promise<void> {
  // one scoring of a period per viewer at a time (a job and a request may overlap): the next waits, then replaces
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`scorecard:${period.id}:${viewer}`}, 0))`);
  const members = (
    await tx
      .select({ firmId: networkMemberships.firmId })
      .from(networkMemberships)
      .where(and(eq(networkMemberships.networkId, card.networkId), eq(networkMemberships.status, 'active')))
  ).map((m) => m.firmId);
  const measures: Measure[] = await tx
    .select()
    .from(scorecardMeasures)
    .where(and(eq(scorecardMeasures.scorecardId, card.id), isNull(scorecardMeasures.retiredAt)));
  const previousStart = shiftPeriod(card.periodKind, period.startsOn, -1);
  const now = await periodKnowledge(tx, card.networkId, members, card.periodKind, period.startsOn, period.endsBefore);
  const before = await periodKnowledge(tx, card.networkId, members, card.periodKind, previousStart, period.startsOn);
  const [previousPeriod] = await tx
    .select({ id: scorecardPeriods.id })
    .from(scorecardPeriods)
    .where(and(eq(scorecardPeriods.scorecardId, card.id), eq(scorecardPeriods.startsOn, previousStart)));
  const manualPeriods = [period.id, ...(previousPeriod ? [previousPeriod.id] : [])];
  const manual = measures.some((m) => m.code === null)
    ? await tx.select().from(manualMeasureValues).where(inArray(manualMeasureValues.periodId, manualPeriods))
    : [];
  const manualValue = (periodId: string, measureId: string, subject: string | null) =>
    manual.find((v) => v.periodId === periodId && v.measureId === measureId && v.subjectFirmId === subject);

  const subjects: (string | null)[] = [null, ...members];
  const rows: (typeof scorecardValues.$inferInsert)[] = [];
  for (const measure of measures) {
    const library = measure.code === null ? null : libraryMeasure(measure.code);
    for (const subject of subjects) {
      const facts = (k: PeriodKnowledge) => (subject === null ? k.chain : (k.byFirm.get(subject) ?? emptyFacts));
      let actual: number | null = null;
      let previous: number | null = null;
      let manualEntry: ValueTrace['manual'] = null;
      if (library) {
        actual = library.compute(facts(now));
        previous = library.compute(facts(before));
      } else if (measure.code === null) {
        const entered = manualValue(period.id, measure.id, subject);
        actual = entered?.value ?? null;
        manualEntry = entered
          ? { value: entered.value, comment: entered.comment, enteredAt: entered.enteredAt.toISOString() }
          : null;
        previous = previousPeriod ? (manualValue(previousPeriod.id, measure.id, subject)?.value ?? null) : null;
      }
      const settings = {
        direction: measure.direction,
        target: measure.target,
        green: measure.green,
        red: measure.red,
        weight: measure.weight,
      };
      rows.push({
        networkId: card.networkId,
        periodId: period.id,
        measureId: measure.id,
        viewerFirmId: viewer,
        subjectFirmId: subject,
        actual,
        previous,
        score: scoreMeasure(actual, settings),
        status: measureStatus(actual, settings),
        ...settings,
        trace: library
          ? drillDown(now, subject, library.inputs)
          : { firms: [], inputs: {}, snapshotId: null, manual: manualEntry },
      });
    }
  }
  await tx
    .delete(scorecardValues)
    .where(and(eq(scorecardValues.periodId, period.id), eq(scorecardValues.viewerFirmId, viewer)));
  if (rows.length) await tx.insert(scorecardValues).values(rows);
}

/** Where each fact comes from: a dataset of the exchange, feed health, customer value or insights. */
const sourceOf: Record<keyof PeriodFacts, string> = {
  revenue: 'transactions',
  previousRevenue: 'transactions',
  costOfGoods: 'transactions',
  customers: 'transactions',
  previousCustomers: 'transactions',
  retainedCustomers: 'transactions',
  salesLines: 'transactions',
  returnLines: 'transactions',
  shipmentsDelivered: 'shipments',
  shipmentsOnTime: 'shipments',
  delayDaysTotal: 'shipments',
  casesOpened: 'service_cases',
  casesResolvedIn7Days: 'service_cases',
  satisfactionSum: 'service_cases',
  satisfactionCount: 'service_cases',
  hoursSinceLastBatch: 'feeds',
  rowsReceived: 'feeds',
  rowsRejected: 'feeds',
  customerProfit: 'customer_value',
  top20ProfitShare: 'customer_value',
  walletShare: 'customer_value',
  jointClv: 'customer_value',
  insightsShared: 'insights',
  strategySignoffs: 'strategy',
  strategyPartners: 'strategy',
  surveyResponses: 'survey',
  surveyTrustSum: 'survey',
  surveyCommitmentSum: 'survey',
  surveySatisfactionSum: 'survey',
  surveyInformationSharingSum: 'survey',
};

/** The drill-down of a library measure's value: the inputs it read, and the firms' batches behind them. */
function drillDown(k: PeriodKnowledge, subject: string | null, inputs: readonly (keyof PeriodFacts)[]): ValueTrace {
  const facts = subject === null ? k.chain : (k.byFirm.get(subject) ?? emptyFacts);
  const sources = new Set(inputs.map((input) => sourceOf[input]));
  const firms = (subject === null ? [...k.trace.values()] : [k.trace.get(subject)])
    .filter((t) => t !== undefined)
    .map((t) => ({
      ...t,
      datasets: Object.fromEntries(Object.entries(t.datasets).filter(([dataset]) => sources.has(dataset))),
    }))
    .filter((t) => Object.keys(t.datasets).length > 0);
  return {
    firms,
    inputs: Object.fromEntries(inputs.map((input) => [input, facts[input]])),
    snapshotId: sources.has('customer_value') ? k.snapshotId : null,
    manual: null,
  };
}
