// Recomputes a network's scorecards as one member firm (the viewer) sees them: for each scorecard,
// the period containing today is opened if it is not yet, and every open period is scored from the
// exchange's facts the viewer may see (its own data and what partners granted it, aggregate grants
// only for groups of at least k customers), its latest customer-value snapshot, feed health and the
// insights it can read. Each measure gets a value for the whole chain and for every member firm (the
// partner comparison); a firm whose data the viewer cannot see is missing there, never zero. The
// viewer's values of a period are replaced whole in one transaction, so a recompute is idempotent;
// a closed period is left as it was closed (the database refuses any change to it).
import { query, scorecardPeriods, scorecards, withTenant, type Database, type Transaction } from '@accord/db';
import { and, eq, sql } from 'drizzle-orm';
import { scorePeriod } from './score-period.ts';
import { periodStart, shiftPeriod } from './periods.ts';
import type { Scorecard } from './scorecard-types.ts';

/** Opens the current periods and scores every open period of the network's scorecards as `firmId` sees them. */
export async function scoreNetwork(db: Database, firmId: string, networkId: string, today: string): Promise<number> {
  const context = { firmId, userId: null };
  const cards = await withTenant(db, context, async (tx) => {
    const [member] = await query<{ active: boolean }>(
      tx,
      sql`select app_is_network_member(${networkId}::uuid) as active`,
    );
    if (!member?.active) return [];
    const all = await tx.select().from(scorecards).where(eq(scorecards.networkId, networkId));
    for (const card of all) await openCurrentPeriod(tx, card, today);
    return all;
  });
  let scored = 0;
  for (const card of cards) {
    const open = await withTenant(db, context, (tx) =>
      tx
        .select()
        .from(scorecardPeriods)
        .where(and(eq(scorecardPeriods.scorecardId, card.id), eq(scorecardPeriods.status, 'open'))),
    );
    for (const period of open) {
      await withTenant(db, context, (tx) => scorePeriod(tx, card, period, firmId));
      scored++;
    }
  }
  return scored;
}

export async function openCurrentPeriod(tx: Transaction, card: Scorecard, today: string): Promise<void> {
  const startsOn = periodStart(card.periodKind, today);
  await tx
    .insert(scorecardPeriods)
    .values({
      networkId: card.networkId,
      scorecardId: card.id,
      startsOn,
      endsBefore: shiftPeriod(card.periodKind, startsOn, 1),
    })
    .onConflictDoNothing();
}
