// Scorecards as the acting firm sees them. Definitions and periods are shared by the network; the
// values are the acting firm's own computation (from what it may see), rolled up here by the domain's
// scoring so that the numbers shown are the numbers stored.
import {
  firms,
  networkMemberships,
  query,
  scorecardActions,
  scorecardComments,
  scorecardMeasures,
  scorecardPeriods,
  scorecards,
  scorecardSignoffs,
  scorecardValues,
  withTenant,
  type Database,
  type Transaction,
} from '@accord/db';
import {
  defaultJointTemplate,
  libraryMeasure,
  perspectives,
  rollUp,
  scoreStatus,
  trend,
  validateMeasureSettings,
  type Perspective,
} from '@accord/domain';
import type { JobQueue } from '@accord/jobs';
import { and, asc, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { ApiProblem, conflict, forbidden, notFound } from '../../http/problems.ts';

type ScorecardRow = typeof scorecards.$inferSelect;
type MeasureRow = typeof scorecardMeasures.$inferSelect;
type PeriodRow = typeof scorecardPeriods.$inferSelect;
export type MeasureInput = Omit<typeof scorecardMeasures.$inferInsert, 'id' | 'networkId' | 'scorecardId' | 'position'>;

/** How many earlier periods the sparkline shows. */
const HISTORY_PERIODS = 6;

export async function requireFocalFirm(tx: Transaction, networkId: string, what: string): Promise<void> {
  const [focal] = await query<{ focal: boolean }>(tx, sql`select app_is_focal_firm(${networkId}::uuid) as focal`);
  if (!focal?.focal) throw forbidden('focal_firm_only', `Only the focal firm of the network ${what}.`);
}

/** A scorecard of the network, or 404. */
export async function scorecardOf(tx: Transaction, networkId: string, scorecardId: string): Promise<ScorecardRow> {
  const [card] = await tx
    .select()
    .from(scorecards)
    .where(and(eq(scorecards.id, scorecardId), eq(scorecards.networkId, networkId)));
  if (!card) throw notFound('scorecard');
  return card;
}

export async function measureOf(tx: Transaction, card: ScorecardRow, measureId: string): Promise<MeasureRow> {
  const [measure] = await tx
    .select()
    .from(scorecardMeasures)
    .where(and(eq(scorecardMeasures.id, measureId), eq(scorecardMeasures.scorecardId, card.id)));
  if (!measure) throw notFound('measure');
  return measure;
}

export async function periodOf(tx: Transaction, card: ScorecardRow, ref: string, today: string): Promise<PeriodRow> {
  const [period] = await tx
    .select()
    .from(scorecardPeriods)
    .where(
      and(
        eq(scorecardPeriods.scorecardId, card.id),
        ref === 'current'
          ? and(
              sql`${scorecardPeriods.startsOn} <= ${today}::date`,
              sql`${scorecardPeriods.endsBefore} > ${today}::date`,
            )
          : eq(scorecardPeriods.id, ref),
      ),
    );
  if (!period) throw notFound('period');
  return period;
}

export async function activeMembers(tx: Transaction, networkId: string) {
  return tx
    .select({ firmId: firms.id, name: firms.name })
    .from(networkMemberships)
    .innerJoin(firms, eq(firms.id, networkMemberships.firmId))
    .where(and(eq(networkMemberships.networkId, networkId), eq(networkMemberships.status, 'active')))
    .orderBy(asc(firms.name));
}

/** The ids of the network's active member firms, read as `viewerFirmId`. */
export function memberFirmIds(db: Database, networkId: string, viewerFirmId: string): Promise<string[]> {
  return withTenant(db, { firmId: viewerFirmId, userId: null }, async (tx) =>
    (await activeMembers(tx, networkId)).map((m) => m.firmId),
  );
}

/**
 * Rescoring in the background: each firm recomputes its own view of the network's open periods (one job per
 * firm and network at a time). Firms whose data or whose partners' data changed call this after committing.
 */
export async function queueRescoring(queue: JobQueue, networkId: string, firmIds: Iterable<string>): Promise<void> {
  for (const firmId of new Set(firmIds))
    await queue.enqueue(
      'recompute-scorecards',
      { firmId, networkId },
      { dedupeKey: `recompute-scorecards:${networkId}:${firmId}` },
    );
}

/** 422 unless the firm is an active member of the network. */
export async function requireMember(tx: Transaction, networkId: string, firmId: string): Promise<void> {
  const members = await activeMembers(tx, networkId);
  if (!members.some((m) => m.firmId === firmId))
    throw new ApiProblem(
      422,
      'not_a_member',
      'Unprocessable content',
      `Firm ${firmId} is not an active member of the network.`,
    );
}

/** Checks a measure's settings and library code; 422 with every problem. */
export function checkMeasure(input: MeasureInput): void {
  const errors = validateMeasureSettings(input);
  if (input.code && !libraryMeasure(input.code)) errors.push({ path: '/code', message: 'not a library measure' });
  if (errors.length)
    throw new ApiProblem(
      422,
      'invalid_measure',
      'Unprocessable content',
      'The measure cannot be scored as given.',
      errors,
    );
}

export async function createScorecard(
  tx: Transaction,
  networkId: string,
  firmId: string,
  body: {
    name: string;
    periodKind: ScorecardRow['periodKind'];
    template: 'default' | 'empty';
    perspectiveWeights: ScorecardRow['perspectiveWeights'];
  },
): Promise<ScorecardRow> {
  const [card] = await tx
    .insert(scorecards)
    .values({
      networkId,
      name: body.name,
      periodKind: body.periodKind,
      perspectiveWeights: body.perspectiveWeights,
      createdByFirmId: firmId,
    })
    .onConflictDoNothing()
    .returning();
  if (!card) throw conflict('scorecard_exists', `The network already has a scorecard named "${body.name}".`);
  if (body.template === 'default') {
    const measures = defaultJointTemplate().map((m, position) => ({
      networkId,
      scorecardId: card.id,
      perspective: m.perspective,
      code: m.code,
      name: m.name,
      definition: m.definition,
      unit: m.unit,
      direction: m.direction,
      target: m.target,
      green: m.green,
      red: m.red,
      weight: m.weight,
      ownerFirmId: firmId,
      position,
    }));
    await tx.insert(scorecardMeasures).values(measures);
  }
  return card;
}

/** Marks the scorecard changed: a new version, which partners sign off again. */
export async function bumpVersion(tx: Transaction, card: ScorecardRow): Promise<void> {
  await tx
    .update(scorecards)
    .set({ version: sql`${scorecards.version} + 1`, updatedAt: new Date() })
    .where(eq(scorecards.id, card.id));
}

export async function addMeasure(tx: Transaction, card: ScorecardRow, input: MeasureInput): Promise<MeasureRow> {
  checkMeasure(input);
  const [{ next } = { next: 0 }] = await query<{ next: number }>(
    tx,
    sql`select coalesce(max(position) + 1, 0)::int as next from scorecard_measures where scorecard_id = ${card.id}::uuid`,
  );
  const [measure] = await tx
    .insert(scorecardMeasures)
    .values({ ...input, networkId: card.networkId, scorecardId: card.id, position: next })
    .returning();
  await bumpVersion(tx, card);
  return measure!;
}

export function measureView(m: MeasureRow) {
  return {
    id: m.id,
    perspective: m.perspective,
    code: m.code,
    name: m.name,
    definition: m.definition,
    unit: m.unit,
    direction: m.direction,
    target: m.target,
    green: m.green,
    red: m.red,
    weight: m.weight,
    ownerFirmId: m.ownerFirmId,
    source: m.code === null ? ('manual' as const) : ('library' as const),
    position: m.position,
    retired: m.retiredAt !== null,
  };
}

export function summaryView(card: ScorecardRow) {
  return {
    id: card.id,
    name: card.name,
    periodKind: card.periodKind,
    version: card.version,
    perspectiveWeights: card.perspectiveWeights,
    createdAt: card.createdAt.toISOString(),
    updatedAt: card.updatedAt.toISOString(),
  };
}

export function periodView(p: PeriodRow) {
  return {
    id: p.id,
    startsOn: p.startsOn,
    endsBefore: p.endsBefore,
    status: p.status,
    closedAt: p.closedAt?.toISOString() ?? null,
  };
}

export async function scorecardDetail(tx: Transaction, card: ScorecardRow) {
  const measures = await tx
    .select()
    .from(scorecardMeasures)
    .where(eq(scorecardMeasures.scorecardId, card.id))
    .orderBy(asc(scorecardMeasures.position));
  const periods = await tx
    .select()
    .from(scorecardPeriods)
    .where(eq(scorecardPeriods.scorecardId, card.id))
    .orderBy(desc(scorecardPeriods.startsOn));
  return { ...summaryView(card), measures: measures.map(measureView), periods: periods.map(periodView) };
}

/** `chain` or a member firm id; 404 for a firm that is not an active member. */
export async function subjectOf(tx: Transaction, networkId: string, subject: string | undefined) {
  if (!subject || subject === 'chain') return { firmId: null, name: 'Whole chain' };
  const members = await activeMembers(tx, networkId);
  const member = members.find((m) => m.firmId === subject);
  if (!member) throw notFound('member firm');
  return { firmId: member.firmId, name: member.name };
}

const subjectIs = (firmId: string | null) =>
  firmId === null ? isNull(scorecardValues.subjectFirmId) : eq(scorecardValues.subjectFirmId, firmId);

/** The scored period as the acting firm computed it, for the chain or one partner. */
export async function periodScores(
  tx: Transaction,
  card: ScorecardRow,
  period: PeriodRow,
  viewer: string,
  subject: { firmId: string | null; name: string },
) {
  const values = await tx
    .select()
    .from(scorecardValues)
    .where(
      and(eq(scorecardValues.periodId, period.id), eq(scorecardValues.viewerFirmId, viewer), subjectIs(subject.firmId)),
    );
  const measures = await tx
    .select()
    .from(scorecardMeasures)
    .where(
      and(
        eq(scorecardMeasures.scorecardId, card.id),
        period.status === 'closed'
          ? inArray(scorecardMeasures.id, values.length ? values.map((v) => v.measureId) : [card.id])
          : isNull(scorecardMeasures.retiredAt),
      ),
    )
    .orderBy(asc(scorecardMeasures.position));
  const earlier = await tx
    .select({
      periodId: scorecardPeriods.id,
      startsOn: scorecardPeriods.startsOn,
      measureId: scorecardValues.measureId,
      actual: scorecardValues.actual,
      score: scorecardValues.score,
    })
    .from(scorecardValues)
    .innerJoin(scorecardPeriods, eq(scorecardPeriods.id, scorecardValues.periodId))
    .where(
      and(
        eq(scorecardPeriods.scorecardId, card.id),
        lt(scorecardPeriods.startsOn, period.startsOn),
        sql`${scorecardPeriods.startsOn} >= (${period.startsOn}::date - interval '${sql.raw(String(HISTORY_PERIODS))} years')`,
        eq(scorecardValues.viewerFirmId, viewer),
        subjectIs(subject.firmId),
      ),
    )
    .orderBy(asc(scorecardPeriods.startsOn));
  const comments = await query<{ measure_id: string; n: number }>(
    tx,
    sql`select measure_id, count(*)::int as n from scorecard_comments where period_id = ${period.id}::uuid group by 1`,
  );
  const actions = await tx
    .select({ measureId: scorecardActions.measureId, status: scorecardActions.status })
    .from(scorecardActions)
    .where(eq(scorecardActions.periodId, period.id));

  // grouped by perspective in the scorecard's order, then by position
  measures.sort(
    (a, b) => perspectives.indexOf(a.perspective) - perspectives.indexOf(b.perspective) || a.position - b.position,
  );
  const rows = measures.map((m) => {
    const v = values.find((value) => value.measureId === m.id);
    const settings = v ?? m;
    const status = v?.status ?? 'missing';
    const commented = comments.find((c) => c.measure_id === m.id)?.n ?? 0;
    const acted = actions.filter((a) => a.measureId === m.id);
    return {
      measure: measureView(m),
      actual: v?.actual ?? null,
      previous: v?.previous ?? null,
      score: v?.score ?? null,
      status,
      trend: trend(v?.actual ?? null, v?.previous ?? null, settings.direction),
      target: settings.target,
      green: settings.green,
      red: settings.red,
      weight: settings.weight,
      history: earlier
        .filter((e) => e.measureId === m.id)
        .slice(-HISTORY_PERIODS)
        .map((e) => ({ periodId: e.periodId, startsOn: e.startsOn, actual: e.actual, score: e.score })),
      comments: commented,
      openActions: acted.filter((a) => a.status !== 'done').length,
      needsAction: status === 'red' && (commented === 0 || acted.length === 0),
    };
  });
  const rolled = rollUp(
    rows.map((r) => ({ perspective: r.measure.perspective, score: r.score, weight: r.weight })),
    card.perspectiveWeights,
  );
  const members = await activeMembers(tx, card.networkId);
  const signed = await tx
    .select()
    .from(scorecardSignoffs)
    .where(eq(scorecardSignoffs.periodId, period.id))
    .orderBy(desc(scorecardSignoffs.signedAt));
  const computedAt = values.reduce<Date | null>((at, v) => (at && at > v.computedAt ? at : v.computedAt), null);
  return {
    scorecard: summaryView(card),
    period: periodView(period),
    subject,
    score: rolled.score,
    status: scoreStatus(rolled.score),
    perspectives: Object.entries(rolled.perspectives).map(([perspective, p]) => ({
      perspective: perspective as Perspective,
      ...p,
    })),
    measures: rows,
    signoffs: members.map((member) => {
      const latest = signed.find((s) => s.firmId === member.firmId);
      return {
        firmId: member.firmId,
        firmName: member.name,
        signedAt: latest?.signedAt.toISOString() ?? null,
        version: latest?.version ?? null,
        current: latest?.version === card.version,
      };
    }),
    computedAt: computedAt?.toISOString() ?? null,
    members,
  };
}

/** One measure in one period: the partners ranked, the drill-down, comments and actions. */
export async function measureDetail(
  tx: Transaction,
  card: ScorecardRow,
  period: PeriodRow,
  measure: MeasureRow,
  viewer: string,
  subject: string | null,
) {
  const members = await activeMembers(tx, card.networkId);
  const nameOf = (firmId: string | null) =>
    firmId === null ? 'Whole chain' : (members.find((m) => m.firmId === firmId)?.name ?? 'Former member');
  const values = await tx
    .select()
    .from(scorecardValues)
    .where(
      and(
        eq(scorecardValues.periodId, period.id),
        eq(scorecardValues.measureId, measure.id),
        eq(scorecardValues.viewerFirmId, viewer),
      ),
    );
  const chain = values.find((v) => v.subjectFirmId === null);
  const partners = values
    .filter((v) => v.subjectFirmId !== null)
    .sort((a, b) => {
      if (a.actual === null || b.actual === null) return a.actual === null ? (b.actual === null ? 0 : 1) : -1;
      return measure.direction === 'higher' ? b.actual - a.actual : a.actual - b.actual;
    });
  let rank = 0;
  const comparison = [
    ...(chain ? [{ ...chain, rank: null as number | null }] : []),
    ...partners.map((v) => ({ ...v, rank: v.actual === null ? null : ++rank })),
  ].map((v) => ({
    firmId: v.subjectFirmId,
    name: nameOf(v.subjectFirmId),
    actual: v.actual,
    score: v.score,
    status: v.status,
    rank: v.rank,
  }));
  const traced = values.find((v) => v.subjectFirmId === subject);
  const comments = await tx
    .select()
    .from(scorecardComments)
    .where(and(eq(scorecardComments.periodId, period.id), eq(scorecardComments.measureId, measure.id)))
    .orderBy(asc(scorecardComments.createdAt));
  const actions = await actionsWhere(
    tx,
    card.networkId,
    and(eq(scorecardActions.periodId, period.id), eq(scorecardActions.measureId, measure.id)),
  );
  return {
    measure: measureView(measure),
    period: periodView(period),
    comparison,
    trace: {
      subject,
      firms: (traced?.trace.firms ?? []).map((f) => ({ ...f, firmName: nameOf(f.firmId) })),
      inputs: traced?.trace.inputs ?? {},
      snapshotId: traced?.trace.snapshotId ?? null,
      manual: traced?.trace.manual ?? null,
    },
    comments: comments.map((c) => ({
      id: c.id,
      firmId: c.firmId,
      firmName: nameOf(c.firmId),
      userId: c.userId,
      body: c.body,
      createdAt: c.createdAt.toISOString(),
    })),
    actions,
  };
}

export async function actionsWhere(tx: Transaction, networkId: string, where: ReturnType<typeof and>) {
  const rows = await tx
    .select({
      action: scorecardActions,
      measureName: scorecardMeasures.name,
      scorecardId: scorecardMeasures.scorecardId,
      ownerFirmName: firms.name,
    })
    .from(scorecardActions)
    .innerJoin(scorecardMeasures, eq(scorecardMeasures.id, scorecardActions.measureId))
    .innerJoin(firms, eq(firms.id, scorecardActions.ownerFirmId))
    .where(and(eq(scorecardActions.networkId, networkId), where))
    .orderBy(asc(scorecardActions.dueOn), asc(scorecardActions.createdAt));
  return rows.map(({ action: a, measureName, scorecardId, ownerFirmName }) => ({
    id: a.id,
    scorecardId,
    periodId: a.periodId,
    measureId: a.measureId,
    measureName,
    title: a.title,
    ownerFirmId: a.ownerFirmId,
    ownerFirmName,
    dueOn: a.dueOn,
    status: a.status,
    createdByFirmId: a.createdByFirmId,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  }));
}

export const openActions = or(eq(scorecardActions.status, 'open'), eq(scorecardActions.status, 'in_progress'));

/** The period's table as CSV rows, in the order of the header. */
export const periodCsvHeader = [
  'perspective',
  'code',
  'measure',
  'source',
  'unit',
  'direction',
  'target',
  'green',
  'red',
  'weight',
  'actual',
  'previous',
  'score',
  'status',
  'trend',
] as const;

export function periodCsvRows(view: Awaited<ReturnType<typeof periodScores>>) {
  return view.measures.map((m) => [
    m.measure.perspective,
    m.measure.code,
    m.measure.name,
    m.measure.source,
    m.measure.unit,
    m.measure.direction,
    m.target,
    m.green,
    m.red,
    m.weight,
    m.actual,
    m.previous,
    m.score,
    m.status,
    m.trend.direction,
  ]);
}

/** A database refusal of a change to a closed period (SQLSTATE 55000) as 409 period_closed. */
export function closedPeriodAsConflict(error: unknown): never {
  const code = (error as { code?: string; cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
  if (code === '55000')
    throw conflict('period_closed', 'The period is closed: its values, manual values and sign-offs no longer change.');
  throw error;
}
