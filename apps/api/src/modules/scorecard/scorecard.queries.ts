// What the scorecard module reads and writes. Definitions and periods are the network's; values are
// each viewer firm's own computation; row-level security decides who sees and changes which row, and
// the database keeps a closed period from changing.
import {
  firms,
  manualMeasureValues,
  networkMemberships,
  query,
  scorecardActions,
  scorecardComments,
  scorecardMeasures,
  scorecardPeriods,
  scorecards,
  scorecardSignoffs,
  scorecardValues,
  type Transaction,
} from '@accord/db';
import { and, asc, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';

export type ScorecardRow = typeof scorecards.$inferSelect;
export type MeasureRow = typeof scorecardMeasures.$inferSelect;
export type PeriodRow = typeof scorecardPeriods.$inferSelect;
export type MeasureInput = Omit<typeof scorecardMeasures.$inferInsert, 'id' | 'networkId' | 'scorecardId' | 'position'>;
type ActionRow = typeof scorecardActions.$inferSelect;

export function activeMembers(tx: Transaction, networkId: string) {
  return tx
    .select({ firmId: firms.id, name: firms.name })
    .from(networkMemberships)
    .innerJoin(firms, eq(firms.id, networkMemberships.firmId))
    .where(and(eq(networkMemberships.networkId, networkId), eq(networkMemberships.status, 'active')))
    .orderBy(asc(firms.name));
}

export function scorecardsOfNetwork(tx: Transaction, networkId: string): Promise<ScorecardRow[]> {
  return tx.select().from(scorecards).where(eq(scorecards.networkId, networkId)).orderBy(asc(scorecards.createdAt));
}

export async function scorecardById(
  tx: Transaction,
  networkId: string,
  scorecardId: string,
): Promise<ScorecardRow | undefined> {
  const [card] = await tx
    .select()
    .from(scorecards)
    .where(and(eq(scorecards.id, scorecardId), eq(scorecards.networkId, networkId)));
  return card;
}

/** A new scorecard; undefined when the network already has one of that name. */
export async function insertScorecard(
  tx: Transaction,
  card: Pick<
    typeof scorecards.$inferInsert,
    'networkId' | 'name' | 'periodKind' | 'perspectiveWeights' | 'createdByFirmId'
  >,
): Promise<ScorecardRow | undefined> {
  const [created] = await tx.insert(scorecards).values(card).onConflictDoNothing().returning();
  return created;
}

export async function updateScorecard(
  tx: Transaction,
  scorecardId: string,
  changes: Partial<Pick<ScorecardRow, 'name' | 'perspectiveWeights'>>,
): Promise<void> {
  await tx.update(scorecards).set(changes).where(eq(scorecards.id, scorecardId));
}

/** Marks the scorecard changed: a new version, which partners sign off again. */
export async function bumpVersion(tx: Transaction, scorecardId: string): Promise<void> {
  await tx
    .update(scorecards)
    .set({ version: sql`${scorecards.version} + 1`, updatedAt: new Date() })
    .where(eq(scorecards.id, scorecardId));
}

export async function measureById(
  tx: Transaction,
  scorecardId: string,
  measureId: string,
): Promise<MeasureRow | undefined> {
  const [measure] = await tx
    .select()
    .from(scorecardMeasures)
    .where(and(eq(scorecardMeasures.id, measureId), eq(scorecardMeasures.scorecardId, scorecardId)));
  return measure;
}

/** Every measure of the scorecard, retired ones too, in position order. */
export function measuresOf(tx: Transaction, scorecardId: string): Promise<MeasureRow[]> {
  return tx
    .select()
    .from(scorecardMeasures)
    .where(eq(scorecardMeasures.scorecardId, scorecardId))
    .orderBy(asc(scorecardMeasures.position));
}

/** The measures a period shows: a closed period those it was scored with, an open one the current ones. */
export function measuresOfPeriod(
  tx: Transaction,
  card: ScorecardRow,
  period: PeriodRow,
  scoredMeasureIds: string[],
): Promise<MeasureRow[]> {
  return tx
    .select()
    .from(scorecardMeasures)
    .where(
      and(
        eq(scorecardMeasures.scorecardId, card.id),
        period.status === 'closed'
          ? inArray(scorecardMeasures.id, scoredMeasureIds.length ? scoredMeasureIds : [card.id])
          : isNull(scorecardMeasures.retiredAt),
      ),
    )
    .orderBy(asc(scorecardMeasures.position));
}

export async function insertMeasures(
  tx: Transaction,
  measures: (typeof scorecardMeasures.$inferInsert)[],
): Promise<void> {
  await tx.insert(scorecardMeasures).values(measures);
}

/** A measure at the end of the scorecard. */
export async function appendMeasure(tx: Transaction, card: ScorecardRow, input: MeasureInput): Promise<MeasureRow> {
  const [{ next } = { next: 0 }] = await query<{ next: number }>(
    tx,
    sql`select coalesce(max(position) + 1, 0)::int as next from scorecard_measures where scorecard_id = ${card.id}::uuid`,
  );
  const [measure] = await tx
    .insert(scorecardMeasures)
    .values({ ...input, networkId: card.networkId, scorecardId: card.id, position: next })
    .returning();
  return measure!;
}

export async function updateMeasure(tx: Transaction, measureId: string, input: MeasureInput): Promise<MeasureRow> {
  const [updated] = await tx
    .update(scorecardMeasures)
    .set(input)
    .where(eq(scorecardMeasures.id, measureId))
    .returning();
  return updated!;
}

export async function retireMeasure(tx: Transaction, measureId: string): Promise<void> {
  await tx.update(scorecardMeasures).set({ retiredAt: new Date() }).where(eq(scorecardMeasures.id, measureId));
}

/** The period containing `today` (`ref` = 'current') or the period with that id. */
export async function periodByRef(
  tx: Transaction,
  scorecardId: string,
  ref: string,
  today: string,
): Promise<PeriodRow | undefined> {
  const [period] = await tx
    .select()
    .from(scorecardPeriods)
    .where(
      and(
        eq(scorecardPeriods.scorecardId, scorecardId),
        ref === 'current'
          ? and(
              sql`${scorecardPeriods.startsOn} <= ${today}::date`,
              sql`${scorecardPeriods.endsBefore} > ${today}::date`,
            )
          : eq(scorecardPeriods.id, ref),
      ),
    );
  return period;
}

/** The scorecard's periods, newest first. */
export function periodsOf(tx: Transaction, scorecardId: string): Promise<PeriodRow[]> {
  return tx
    .select()
    .from(scorecardPeriods)
    .where(eq(scorecardPeriods.scorecardId, scorecardId))
    .orderBy(desc(scorecardPeriods.startsOn));
}

export async function closePeriod(tx: Transaction, periodId: string, userId: string): Promise<void> {
  await tx
    .update(scorecardPeriods)
    .set({ status: 'closed', closedAt: new Date(), closedByUserId: userId })
    .where(eq(scorecardPeriods.id, periodId));
}

const subjectIs = (firmId: string | null) =>
  firmId === null ? isNull(scorecardValues.subjectFirmId) : eq(scorecardValues.subjectFirmId, firmId);

/** The viewer's values of a period for one subject (null: the whole chain). */
export function periodValues(tx: Transaction, periodId: string, viewer: string, subjectFirmId: string | null) {
  return tx
    .select()
    .from(scorecardValues)
    .where(
      and(eq(scorecardValues.periodId, periodId), eq(scorecardValues.viewerFirmId, viewer), subjectIs(subjectFirmId)),
    );
}

/** The viewer's values of one measure in a period, for every subject. */
export function measureValues(tx: Transaction, periodId: string, measureId: string, viewer: string) {
  return tx
    .select()
    .from(scorecardValues)
    .where(
      and(
        eq(scorecardValues.periodId, periodId),
        eq(scorecardValues.measureId, measureId),
        eq(scorecardValues.viewerFirmId, viewer),
      ),
    );
}

/** The viewer's values for a subject in the periods that started up to `years` years before `period`, oldest first. */
export function earlierValues(
  tx: Transaction,
  card: ScorecardRow,
  period: PeriodRow,
  viewer: string,
  subjectFirmId: string | null,
  years: number,
) {
  return tx
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
        sql`${scorecardPeriods.startsOn} >= (${period.startsOn}::date - interval '${sql.raw(String(years))} years')`,
        eq(scorecardValues.viewerFirmId, viewer),
        subjectIs(subjectFirmId),
      ),
    )
    .orderBy(asc(scorecardPeriods.startsOn));
}

/** How many comments each measure has in a period. */
export function commentCounts(tx: Transaction, periodId: string) {
  return query<{ measure_id: string; n: number }>(
    tx,
    sql`select measure_id, count(*)::int as n from scorecard_comments where period_id = ${periodId}::uuid group by 1`,
  );
}

/** Each action's measure and status in a period. */
export function actionStatuses(tx: Transaction, periodId: string) {
  return tx
    .select({ measureId: scorecardActions.measureId, status: scorecardActions.status })
    .from(scorecardActions)
    .where(eq(scorecardActions.periodId, periodId));
}

/** The period's sign-offs, newest first. */
export function periodSignoffs(tx: Transaction, periodId: string) {
  return tx
    .select()
    .from(scorecardSignoffs)
    .where(eq(scorecardSignoffs.periodId, periodId))
    .orderBy(desc(scorecardSignoffs.signedAt));
}

/** A sign-off of the scorecard version; undefined when the firm already signed that version off. */
export async function insertSignoff(
  tx: Transaction,
  signoff: { networkId: string; periodId: string; firmId: string; userId: string; version: number },
) {
  const [row] = await tx.insert(scorecardSignoffs).values(signoff).onConflictDoNothing().returning();
  return row;
}

/** A manual measure's value for a period and subject, entered again or for the first time. */
export async function upsertManualValue(
  tx: Transaction,
  key: { networkId: string; periodId: string; measureId: string; subjectFirmId: string | null },
  values: { value: number; comment: string; enteredByFirmId: string; enteredByUserId: string; enteredAt: Date },
): Promise<void> {
  await tx
    .insert(manualMeasureValues)
    .values({ ...key, ...values })
    .onConflictDoUpdate({
      target: [manualMeasureValues.periodId, manualMeasureValues.measureId, manualMeasureValues.subjectFirmId],
      set: values,
    });
}

/** A measure's comments in a period, oldest first. */
export function commentsOn(tx: Transaction, periodId: string, measureId: string) {
  return tx
    .select()
    .from(scorecardComments)
    .where(and(eq(scorecardComments.periodId, periodId), eq(scorecardComments.measureId, measureId)))
    .orderBy(asc(scorecardComments.createdAt));
}

export async function insertComment(
  tx: Transaction,
  comment: { networkId: string; periodId: string; measureId: string; firmId: string; userId: string; body: string },
) {
  const [row] = await tx.insert(scorecardComments).values(comment).returning();
  return row!;
}

export async function insertAction(
  tx: Transaction,
  action: Pick<
    typeof scorecardActions.$inferInsert,
    'networkId' | 'periodId' | 'measureId' | 'title' | 'ownerFirmId' | 'dueOn' | 'createdByFirmId' | 'createdByUserId'
  >,
): Promise<string> {
  const [row] = await tx.insert(scorecardActions).values(action).returning({ id: scorecardActions.id });
  return row!.id;
}

/** An action of the network moved on; undefined when row-level security hides it from changing. */
export async function updateAction(
  tx: Transaction,
  networkId: string,
  actionId: string,
  changes: Partial<Pick<ActionRow, 'status' | 'dueOn' | 'title'>>,
): Promise<string | undefined> {
  const [updated] = await tx
    .update(scorecardActions)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(scorecardActions.id, actionId), eq(scorecardActions.networkId, networkId)))
    .returning({ id: scorecardActions.id });
  return updated?.id;
}

/** Which actions: one, a measure's in a period, and whether only the open and in-progress ones. */
export interface ActionFilter {
  actionId?: string;
  periodId?: string;
  measureId?: string;
  openOnly?: boolean;
}

/** The network's actions that match, soonest due first, with their measure and owner firm. */
export async function actionsOf(tx: Transaction, networkId: string, filter: ActionFilter) {
  const where: SQL[] = [eq(scorecardActions.networkId, networkId)];
  if (filter.actionId !== undefined) where.push(eq(scorecardActions.id, filter.actionId));
  if (filter.periodId !== undefined) where.push(eq(scorecardActions.periodId, filter.periodId));
  if (filter.measureId !== undefined) where.push(eq(scorecardActions.measureId, filter.measureId));
  if (filter.openOnly) where.push(or(eq(scorecardActions.status, 'open'), eq(scorecardActions.status, 'in_progress'))!);
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
    .where(and(...where))
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
