// Scorecards as the acting firm sees them. Definitions and periods are shared by the network; the
// values are the acting firm's own computation (from what it may see), rolled up here by the domain's
// scoring so that the numbers shown are the numbers stored. A change to the definitions rescores every
// member in the background; the caller's own view is scored at once, since it is about to read it.
import { withTenant, type Database, type Transaction } from '@accord/db';
import {
  defaultJointTemplate,
  libraryMeasure,
  type Perspective,
  perspectives,
  rollUp,
  scoreStatus,
  todayUtc,
  trend,
  validateMeasureSettings,
} from '@accord/domain';
import type { JobQueue } from '@accord/jobs';
import { scoreNetwork, scorePeriod } from '@accord/analytics';
import type { Static } from 'typebox';
import { ApiProblem, conflict, notFound } from '../../http/problems.ts';
import type { ActingMember } from '../../plugins/auth.ts';
import type { NetworkWork } from '../../plugins/network-access.ts';
import {
  actionsOf,
  actionStatuses,
  activeMembers,
  appendMeasure,
  bumpVersion,
  closePeriod as closePeriodRow,
  commentCounts,
  commentsOn,
  earlierValues,
  insertAction,
  insertComment,
  insertMeasures,
  insertScorecard,
  insertSignoff,
  measureById,
  measuresOf,
  measuresOfPeriod,
  measureValues,
  periodByRef,
  periodSignoffs,
  periodsOf,
  periodValues,
  retireMeasure as retireMeasureRow,
  scorecardById,
  scorecardsOfNetwork,
  updateAction,
  updateMeasure,
  updateScorecard,
  upsertManualValue,
  type MeasureInput,
  type MeasureRow,
  type PeriodRow,
  type ScorecardRow,
} from './scorecard.queries.ts';
import type {
  ActionBody,
  ActionPatchBody,
  CreateScorecardBody,
  ManualValueBody,
  MeasureBody,
  UpdateScorecardBody,
} from './scorecard.schemas.ts';

/**
 * One transaction of a network route's work, as the acting member, after the route's rule (membership,
 * focal firm, least role) let it in: what a change that also works outside its transaction is given.
 */
/** What scorecard changes need besides their transaction: the database to score as each member, the queue. */
export interface ScorecardDeps {
  db: Database;
  queue: JobQueue;
}

/** How many earlier periods the sparkline shows. */
const HISTORY_PERIODS = 6;

/** A scorecard of the network, or 404. */
export async function scorecardOf(tx: Transaction, networkId: string, scorecardId: string): Promise<ScorecardRow> {
  const card = await scorecardById(tx, networkId, scorecardId);
  if (!card) throw notFound('scorecard');
  return card;
}

export async function measureOf(tx: Transaction, card: ScorecardRow, measureId: string): Promise<MeasureRow> {
  const measure = await measureById(tx, card.id, measureId);
  if (!measure) throw notFound('measure');
  return measure;
}

export async function periodOf(tx: Transaction, card: ScorecardRow, ref: string, today: string): Promise<PeriodRow> {
  const period = await periodByRef(tx, card.id, ref, today);
  if (!period) throw notFound('period');
  return period;
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

/** Every member's view rescored in the background, after a change to the definitions. */
async function rescoreEveryMember(deps: ScorecardDeps, networkId: string, actorFirmId: string): Promise<void> {
  await queueRescoring(deps.queue, networkId, await memberFirmIds(deps.db, networkId, actorFirmId));
}

/** The caller's view scored at once (it is about to read it); every other member's in the background. */
async function scoreForCallerNow(deps: ScorecardDeps, networkId: string, firmId: string): Promise<void> {
  await scoreNetwork(deps.db, firmId, networkId, todayUtc());
  await queueRescoring(
    deps.queue,
    networkId,
    (await memberFirmIds(deps.db, networkId, firmId)).filter((m) => m !== firmId),
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

/** A database refusal of a change to a closed period (SQLSTATE 55000) as 409 period_closed. */
export function closedPeriodAsConflict(error: unknown): never {
  const code = (error as { code?: string; cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
  if (code === '55000')
    throw conflict('period_closed', 'The period is closed: its values, manual values and sign-offs no longer change.');
  throw error;
}

export async function listScorecards(tx: Transaction, networkId: string) {
  return { items: (await scorecardsOfNetwork(tx, networkId)).map(summaryView) };
}

/** A scorecard from the default joint template, or empty; its current period is scored for the caller at once. */
export async function createScorecard(
  deps: ScorecardDeps,
  run: NetworkWork,
  networkId: string,
  body: Static<typeof CreateScorecardBody>,
) {
  const { card, firmId } = await run(async (tx, actor) => ({
    card: await insertScorecardWithTemplate(tx, networkId, actor.firmId, {
      name: body.name ?? 'Joint scorecard',
      periodKind: body.periodKind ?? 'quarter',
      template: body.template ?? 'default',
      perspectiveWeights: body.perspectiveWeights ?? {},
    }),
    firmId: actor.firmId,
  }));
  await scoreForCallerNow(deps, networkId, firmId);
  return run((tx) => scorecardDetail(tx, card));
}

async function insertScorecardWithTemplate(
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
  const card = await insertScorecard(tx, {
    networkId,
    name: body.name,
    periodKind: body.periodKind,
    perspectiveWeights: body.perspectiveWeights,
    createdByFirmId: firmId,
  });
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
    await insertMeasures(tx, measures);
  }
  return card;
}

export async function getScorecard(tx: Transaction, networkId: string, scorecardId: string) {
  return scorecardDetail(tx, await scorecardOf(tx, networkId, scorecardId));
}

/** A new name, or new perspective weights: a new version to sign off. */
export async function changeScorecard(
  tx: Transaction,
  networkId: string,
  scorecardId: string,
  body: Static<typeof UpdateScorecardBody>,
) {
  const card = await scorecardOf(tx, networkId, scorecardId);
  await updateScorecard(tx, card.id, {
    ...(body.name ? { name: body.name } : {}),
    ...(body.perspectiveWeights ? { perspectiveWeights: body.perspectiveWeights } : {}),
  }).catch((error: unknown) => {
    if ((error as { cause?: { code?: string } }).cause?.code === '23505')
      throw conflict('scorecard_exists', 'The network already has a scorecard with that name.');
    throw error;
  });
  if (body.perspectiveWeights) await bumpVersion(tx, card.id);
  return scorecardDetail(tx, await scorecardOf(tx, networkId, scorecardId));
}

export async function addMeasure(
  deps: ScorecardDeps,
  run: NetworkWork,
  networkId: string,
  scorecardId: string,
  body: Static<typeof MeasureBody>,
) {
  const { measure, firmId } = await run(async (tx, actor) => {
    const card = await scorecardOf(tx, networkId, scorecardId);
    await requireMember(tx, networkId, body.ownerFirmId ?? actor.firmId);
    const input = {
      ...body,
      code: body.code ?? null,
      definition: body.definition ?? '',
      ownerFirmId: body.ownerFirmId ?? actor.firmId,
    };
    checkMeasure(input);
    const measure = await appendMeasure(tx, card, input);
    await bumpVersion(tx, card.id);
    return { measure, firmId: actor.firmId };
  });
  await rescoreEveryMember(deps, networkId, firmId);
  return measureView(measure);
}

/** New settings for a measure; closed periods keep the settings they were scored with. */
export async function changeMeasure(
  deps: ScorecardDeps,
  run: NetworkWork,
  networkId: string,
  ref: { scorecardId: string; measureId: string },
  body: Static<typeof MeasureBody>,
) {
  const { measure, firmId } = await run(async (tx, actor) => {
    const card = await scorecardOf(tx, networkId, ref.scorecardId);
    const current = await measureOf(tx, card, ref.measureId);
    const input = {
      ...body,
      code: body.code === undefined ? current.code : body.code,
      definition: body.definition ?? current.definition,
      ownerFirmId: body.ownerFirmId ?? current.ownerFirmId,
    };
    checkMeasure(input);
    await requireMember(tx, networkId, input.ownerFirmId);
    const updated = await updateMeasure(tx, current.id, input);
    await bumpVersion(tx, card.id);
    return { measure: updated, firmId: actor.firmId };
  });
  await rescoreEveryMember(deps, networkId, firmId);
  return measureView(measure);
}

/** A measure no longer scored; closed periods keep it. */
export async function retireMeasure(
  deps: ScorecardDeps,
  run: NetworkWork,
  networkId: string,
  ref: { scorecardId: string; measureId: string },
): Promise<void> {
  const firmId = await run(async (tx, actor) => {
    const card = await scorecardOf(tx, networkId, ref.scorecardId);
    const measure = await measureOf(tx, card, ref.measureId);
    await retireMeasureRow(tx, measure.id);
    await bumpVersion(tx, card.id);
    return actor.firmId;
  });
  await rescoreEveryMember(deps, networkId, firmId);
}

/** The open periods scored again: the caller's view now, every other member's in the background. */
export async function rescoreScorecard(
  deps: ScorecardDeps,
  run: NetworkWork,
  networkId: string,
  scorecardId: string,
): Promise<void> {
  const firmId = await run(async (tx, actor) => {
    await scorecardOf(tx, networkId, scorecardId);
    return actor.firmId;
  });
  await scoreForCallerNow(deps, networkId, firmId);
}

/** A period as the acting firm scored it, for the chain or one partner. */
export async function scoredPeriod(
  tx: Transaction,
  actor: { firmId: string },
  networkId: string,
  ref: { scorecardId: string; period: string },
  subjectRef: string | undefined,
) {
  // independent reads go out together: one round trip on PostgreSQL
  const [card, period, subject] = await Promise.all([
    scorecardOf(tx, networkId, ref.scorecardId),
    periodByRef(tx, ref.scorecardId, ref.period, todayUtc()),
    subjectOf(tx, networkId, subjectRef),
  ]);
  if (!period) throw notFound('period');
  return periodScores(tx, card, period, actor.firmId, subject);
}

/** Where a measure in a period is addressed. */
export interface PeriodMeasureRef {
  scorecardId: string;
  periodId: string;
  measureId: string;
}

async function periodMeasureOf(tx: Transaction, networkId: string, ref: PeriodMeasureRef) {
  const card = await scorecardOf(tx, networkId, ref.scorecardId);
  const period = await periodOf(tx, card, ref.periodId, todayUtc());
  const measure = await measureOf(tx, card, ref.measureId);
  return { card, period, measure };
}

export async function measureInPeriod(
  tx: Transaction,
  actor: ActingMember,
  networkId: string,
  ref: PeriodMeasureRef,
  subjectRef: string | undefined,
) {
  const { card, period, measure } = await periodMeasureOf(tx, networkId, ref);
  const subject = await subjectOf(tx, networkId, subjectRef);
  return measureDetail(tx, card, period, measure, actor.firmId, subject.firmId);
}

/** A manual measure's value entered by its owner firm; the caller's view is scored again at once. */
export async function enterManualValue(
  deps: ScorecardDeps,
  run: NetworkWork,
  networkId: string,
  ref: PeriodMeasureRef,
  body: Static<typeof ManualValueBody>,
): Promise<void> {
  const firmId = await run(async (tx, actor) => {
    const { period, measure } = await periodMeasureOf(tx, networkId, ref);
    if (measure.code !== null)
      throw conflict('not_manual', 'This measure is computed from the exchange; only manual measures take values.');
    if (measure.ownerFirmId !== actor.firmId)
      throw conflict('not_measure_owner', "Only the measure's owner firm enters its values.");
    const subjectFirmId = body.subjectFirmId ?? null;
    if (subjectFirmId) await requireMember(tx, networkId, subjectFirmId);
    await upsertManualValue(
      tx,
      { networkId, periodId: period.id, measureId: measure.id, subjectFirmId },
      {
        value: body.value,
        comment: body.comment,
        enteredByFirmId: actor.firmId,
        enteredByUserId: actor.userId,
        enteredAt: new Date(),
      },
    ).catch(closedPeriodAsConflict);
    return actor.firmId;
  });
  await scoreForCallerNow(deps, networkId, firmId);
}

export async function commentOnMeasure(
  tx: Transaction,
  actor: ActingMember,
  networkId: string,
  ref: PeriodMeasureRef,
  body: string,
) {
  const { period, measure } = await periodMeasureOf(tx, networkId, ref);
  const row = await insertComment(tx, {
    networkId,
    periodId: period.id,
    measureId: measure.id,
    firmId: actor.firmId,
    userId: actor.userId,
    body,
  });
  const firm = (await activeMembers(tx, networkId)).find((m) => m.firmId === actor.firmId);
  return {
    id: row.id,
    firmId: row.firmId,
    firmName: firm?.name ?? '',
    userId: row.userId,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function raiseAction(
  tx: Transaction,
  actor: ActingMember,
  networkId: string,
  ref: PeriodMeasureRef,
  body: Static<typeof ActionBody>,
) {
  const { period, measure } = await periodMeasureOf(tx, networkId, ref);
  await requireMember(tx, networkId, body.ownerFirmId);
  const actionId = await insertAction(tx, {
    networkId,
    periodId: period.id,
    measureId: measure.id,
    title: body.title,
    ownerFirmId: body.ownerFirmId,
    dueOn: body.dueOn,
    createdByFirmId: actor.firmId,
    createdByUserId: actor.userId,
  });
  const [view] = await actionsOf(tx, networkId, { actionId });
  return view!;
}

export async function listActions(tx: Transaction, networkId: string, status: 'open' | 'all' | undefined) {
  return { items: await actionsOf(tx, networkId, { openOnly: status !== 'all' }) };
}

/** An action moved on by its owner firm or the firm that raised it (row-level security hides it from others). */
export async function moveAction(
  tx: Transaction,
  networkId: string,
  actionId: string,
  changes: Static<typeof ActionPatchBody>,
) {
  const updated = await updateAction(tx, networkId, actionId, changes);
  // row-level security: an action of other firms is not found for changing
  if (!updated) throw notFound('action of your firm');
  const [view] = await actionsOf(tx, networkId, { actionId: updated });
  return view!;
}

/** The firm's sign-off of the period's measures and targets, as of the scorecard version in force. */
export async function signOffPeriod(
  tx: Transaction,
  actor: ActingMember,
  networkId: string,
  ref: { scorecardId: string; periodId: string },
) {
  const card = await scorecardOf(tx, networkId, ref.scorecardId);
  const period = await periodOf(tx, card, ref.periodId, todayUtc());
  const row = await insertSignoff(tx, {
    networkId,
    periodId: period.id,
    firmId: actor.firmId,
    userId: actor.userId,
    version: card.version,
  }).catch(closedPeriodAsConflict);
  if (!row) throw conflict('already_signed_off', `Your firm already signed off version ${card.version}.`);
  return { version: row.version, signedAt: row.signedAt.toISOString() };
}

/** An ended period scored a last time for every member, as each sees it, then closed for good. */
export async function closeEndedPeriod(
  deps: ScorecardDeps,
  run: NetworkWork,
  networkId: string,
  ref: { scorecardId: string; periodId: string },
) {
  const { card, period, firmId } = await run(async (tx, actor) => {
    const card = await scorecardOf(tx, networkId, ref.scorecardId);
    const period = await periodOf(tx, card, ref.periodId, todayUtc());
    if (period.status === 'closed') throw conflict('period_closed', 'The period is already closed.');
    if (period.endsBefore > todayUtc())
      throw conflict('period_not_ended', `The period runs until ${period.endsBefore}; close it after it has ended.`);
    return { card, period, firmId: actor.firmId };
  });
  for (const memberId of await memberFirmIds(deps.db, networkId, firmId))
    await withTenant(deps.db, { firmId: memberId, userId: null }, (tx) => scorePeriod(tx, card, period, memberId));
  await run((tx, actor) => closePeriodRow(tx, period.id, actor.userId).catch(closedPeriodAsConflict));
  return { id: period.id, status: 'closed' as const };
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
  const measures = await measuresOf(tx, card.id);
  const periods = await periodsOf(tx, card.id);
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

/** The scored period as the acting firm computed it, for the chain or one partner. */
export async function periodScores(
  tx: Transaction,
  card: ScorecardRow,
  period: PeriodRow,
  viewer: string,
  subject: { firmId: string | null; name: string },
) {
  // the independent reads go out together (one round trip on PostgreSQL); an open period shows the current
  // measures, read with them, a closed one the measures it was scored with, read once its values are in
  const closed = period.status === 'closed';
  const [values, earlier, comments, actions, current, members, signed] = await Promise.all([
    periodValues(tx, period.id, viewer, subject.firmId),
    earlierValues(tx, card, period, viewer, subject.firmId, HISTORY_PERIODS),
    commentCounts(tx, period.id),
    actionStatuses(tx, period.id),
    closed ? undefined : measuresOfPeriod(tx, card, period, []),
    activeMembers(tx, card.networkId),
    periodSignoffs(tx, period.id),
  ]);
  const measures =
    current ??
    (await measuresOfPeriod(
      tx,
      card,
      period,
      values.map((v) => v.measureId),
    ));

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
  const values = await measureValues(tx, period.id, measure.id, viewer);
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
  const comments = await commentsOn(tx, period.id, measure.id);
  const actions = await actionsOf(tx, card.networkId, { periodId: period.id, measureId: measure.id });
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
