// What the partners module reads and writes: relationships (the focal firm's with each partner), their
// assessments, contacts and survey rounds, and the figures the portfolio gathers from other modules'
// tables. Row-level security decides what the acting firm sees of each.
import {
  query,
  relationshipAssessments,
  relationshipContacts,
  surveyResponses,
  surveyRounds,
  type Transaction,
} from '@accord/db';
import type { IntegrationAnswers, Perspective, SpectrumAnswers } from '@accord/domain';
import { and, desc, eq, sql } from 'drizzle-orm';

export type RoundRow = typeof surveyRounds.$inferSelect;
export type ResponseRow = typeof surveyResponses.$inferSelect;

export interface PartnerMember {
  id: string;
  name: string;
  chainRole: string;
  stage: string;
  sponsorId: string | null;
  sponsorName: string | null;
}

/** The network's focal firm, and whether the acting firm is it. */
export async function focalFirmOf(tx: Transaction, networkId: string) {
  const [network] = await query<{ focal: string; is_focal: boolean }>(
    tx,
    sql`select app_network_focal(${networkId}::uuid) as focal, app_is_focal_firm(${networkId}::uuid) as is_focal`,
  );
  return { focalFirmId: network!.focal, isFocal: network!.is_focal };
}

/** The network's active member firms but the focal one, with their stage and executive sponsor. */
export function partnerMembers(tx: Transaction, networkId: string, focalFirmId: string) {
  return query<PartnerMember>(
    tx,
    sql`select f.id, f.name, m.chain_role::text as "chainRole", m.relationship_stage::text as stage,
               u.id as "sponsorId", u.name as "sponsorName"
        from network_memberships m join firms f on f.id = m.firm_id
        left join users u on u.id = m.executive_sponsor_user_id
        where m.network_id = ${networkId}::uuid and m.status = 'active' and m.firm_id <> ${focalFirmId}::uuid
        order by f.name`,
  );
}

/** Each firm's sales in the window as the acting firm may see them (own, customer- or aggregate-level). */
export function salesFacts(
  tx: Transaction,
  networkId: string,
  window: { from: string; until: string; history: string },
) {
  return query<{ firm_id: string; level: string; revenue: string | null; customers: string | null }>(
    tx,
    sql`select firm_id, level, revenue, customers from app_scorecard_facts(${networkId}::uuid,
          ${window.from}::date, ${window.until}::date, ${window.history}::date)
        where dataset = 'transactions'`,
  );
}

/** Every firm's datasets, when last loaded, and at which level (if any) they are shared with the acting firm. */
export function datasetCatalog(tx: Transaction, networkId: string) {
  return query<{
    owner_firm_id: string;
    dataset: string;
    last_loaded_at: string | Date | null;
    level: string | null;
  }>(
    tx,
    sql`select owner_firm_id, dataset::text as dataset, last_loaded_at, level::text as level
        from app_dataset_catalog(${networkId}::uuid)`,
  );
}

export function assessmentsOfNetwork(tx: Transaction, networkId: string) {
  return query<{
    partner_firm_id: string;
    respondent_firm_id: string;
    spectrum: SpectrumAnswers;
    integration: IntegrationAnswers;
  }>(
    tx,
    sql`select partner_firm_id, respondent_firm_id, spectrum, integration from relationship_assessments
        where network_id = ${networkId}::uuid`,
  );
}

/** Each relationship's latest survey round: its mean dimensions over the responses. */
export function latestHealth(tx: Transaction, networkId: string) {
  return query<
    { partner_firm_id: string; round_id: string; title: string; responses: number } & Record<string, number>
  >(
    tx,
    sql`select distinct on (r.partner_firm_id) r.partner_firm_id, s.id as round_id, s.title, count(*)::int as responses,
               avg(r.trust) as trust, avg(r.commitment) as commitment, avg(r.satisfaction) as satisfaction,
               avg(r.information_sharing) as information_sharing
        from survey_responses r join survey_rounds s on s.id = r.round_id
        where r.network_id = ${networkId}::uuid
        group by r.partner_firm_id, s.id, s.title, s.opens_on
        order by r.partner_firm_id, s.opens_on desc, s.id`,
  );
}

/** The firms with someone invited onto the strategy team. */
export function strategyTeamFirms(tx: Transaction, networkId: string) {
  return query<{ firm_id: string }>(
    tx,
    sql`select distinct firm_id from strategy_team_members where network_id = ${networkId}::uuid`,
  );
}

/** Whether each active member signed the latest published strategy off (no rows while none is published). */
export function latestStrategySignoffs(tx: Transaction, networkId: string) {
  return query<{ firm_id: string; signed: boolean }>(
    tx,
    sql`with latest as (select id from strategy_versions where network_id = ${networkId}::uuid and status = 'published'
                        order by version desc limit 1)
        select m.firm_id, coalesce((select s.decision = 'signed' from strategy_signoffs s
                                    where s.version_id = latest.id and s.firm_id = m.firm_id
                                    order by s.decided_at desc, s.id desc limit 1), false) as signed
        from network_memberships m cross join latest
        where m.network_id = ${networkId}::uuid and m.status = 'active'`,
  );
}

/** The viewer's scored values per partner in the current period of the network's first scorecard. */
export function currentPartnerValues(tx: Transaction, networkId: string, viewer: string) {
  return query<{
    subject: string;
    perspective: Perspective;
    score: number | null;
    weight: number;
    weights: Record<string, number>;
  }>(
    tx,
    sql`with card as (select id, perspective_weights from scorecards where network_id = ${networkId}::uuid
                      order by created_at, id limit 1),
             period as (select p.id from scorecard_periods p join card on card.id = p.scorecard_id
                        where p.starts_on <= current_date order by p.starts_on desc limit 1)
        select v.subject_firm_id as subject, m.perspective::text as perspective, v.score, v.weight,
               card.perspective_weights as weights
        from scorecard_values v join period on period.id = v.period_id
        join scorecard_measures m on m.id = v.measure_id cross join card
        where v.viewer_firm_id = ${viewer}::uuid and v.subject_firm_id is not null`,
  );
}

/** Both sides' assessments of one relationship, with who answered. */
export function assessmentsOf(tx: Transaction, networkId: string, partnerFirmId: string) {
  return query<{
    respondent_firm_id: string;
    spectrum: SpectrumAnswers;
    integration: IntegrationAnswers;
    note: string;
    by_id: string;
    by_name: string;
    answered_at: string | Date;
  }>(
    tx,
    sql`select a.respondent_firm_id, a.spectrum, a.integration, a.note, u.id as by_id, u.name as by_name, a.answered_at
        from relationship_assessments a join users u on u.id = a.answered_by_user_id
        where a.network_id = ${networkId}::uuid and a.partner_firm_id = ${partnerFirmId}::uuid`,
  );
}

/** One side's answers, given again or for the first time. */
export async function upsertAssessment(
  tx: Transaction,
  key: { networkId: string; partnerFirmId: string; respondentFirmId: string },
  answers: {
    spectrum: Record<string, number>;
    integration: Record<string, number>;
    note: string;
    answeredByUserId: string;
  },
): Promise<void> {
  const values = { ...answers, answeredAt: sql`now()` };
  await tx
    .insert(relationshipAssessments)
    .values({ ...key, ...values })
    .onConflictDoUpdate({
      target: [
        relationshipAssessments.networkId,
        relationshipAssessments.partnerFirmId,
        relationshipAssessments.respondentFirmId,
      ],
      set: values,
    });
}

/** The relationship's boundary spanners, both firms' people. */
export function contactsOf(tx: Transaction, networkId: string, partnerFirmId: string) {
  return query<{
    id: string;
    firmId: string;
    firmName: string;
    person: { id: string; name: string };
    role: string;
    addedAt: string | Date;
  }>(
    tx,
    sql`select c.id, c.firm_id as "firmId", f.name as "firmName", json_build_object('id', u.id, 'name', u.name) as person,
               c.role, c.added_at as "addedAt"
        from relationship_contacts c join firms f on f.id = c.firm_id join users u on u.id = c.user_id
        where c.network_id = ${networkId}::uuid and c.partner_firm_id = ${partnerFirmId}::uuid
        order by f.name, u.name`,
  );
}

/** A contact of the relationship; undefined when the person already is one. */
export async function insertContact(
  tx: Transaction,
  contact: { networkId: string; partnerFirmId: string; firmId: string; userId: string; role: string },
) {
  const [row] = await tx.insert(relationshipContacts).values(contact).onConflictDoNothing().returning();
  return row;
}

/** Removes one of the firm's contacts from the relationship; false when it had none of that id. */
export async function deleteContact(
  tx: Transaction,
  contact: { contactId: string; partnerFirmId: string; firmId: string },
): Promise<boolean> {
  const removed = await tx
    .delete(relationshipContacts)
    .where(
      and(
        eq(relationshipContacts.id, contact.contactId),
        eq(relationshipContacts.partnerFirmId, contact.partnerFirmId),
        eq(relationshipContacts.firmId, contact.firmId),
      ),
    )
    .returning({ id: relationshipContacts.id });
  return removed.length > 0;
}

/** Every round's dimensions for one relationship, each side's row, newest round first. */
export function surveyHistory(tx: Transaction, networkId: string, partnerFirmId: string) {
  return query<
    { round_id: string; title: string; opens_on: string; closes_on: string; respondent_firm_id: string } & Record<
      string,
      number
    >
  >(
    tx,
    sql`select s.id as round_id, s.title, s.opens_on::text as opens_on, s.closes_on::text as closes_on, r.respondent_firm_id,
               r.trust, r.commitment, r.satisfaction, r.information_sharing
        from survey_responses r join survey_rounds s on s.id = r.round_id
        where r.network_id = ${networkId}::uuid and r.partner_firm_id = ${partnerFirmId}::uuid
        order by s.opens_on desc, s.id`,
  );
}

/** The network's rounds, newest first. */
export function roundsOf(tx: Transaction, networkId: string): Promise<RoundRow[]> {
  return tx
    .select()
    .from(surveyRounds)
    .where(eq(surveyRounds.networkId, networkId))
    .orderBy(desc(surveyRounds.opensOn), desc(surveyRounds.createdAt));
}

export async function roundById(tx: Transaction, networkId: string, roundId: string): Promise<RoundRow | undefined> {
  const [round] = await tx
    .select()
    .from(surveyRounds)
    .where(and(eq(surveyRounds.id, roundId), eq(surveyRounds.networkId, networkId)));
  return round;
}

export async function insertRound(
  tx: Transaction,
  round: { networkId: string; title: string; opensOn: string; closesOn: string; createdByUserId: string },
): Promise<RoundRow> {
  const [created] = await tx.insert(surveyRounds).values(round).returning();
  return created!;
}

/** The round's responses the acting firm may see. */
export function responsesOf(tx: Transaction, roundId: string): Promise<ResponseRow[]> {
  return tx.select().from(surveyResponses).where(eq(surveyResponses.roundId, roundId));
}

/** One side's answers for a relationship in a round, given again or for the first time. */
export async function upsertResponse(
  tx: Transaction,
  key: { networkId: string; roundId: string; partnerFirmId: string; respondentFirmId: string },
  answers: Omit<
    typeof surveyResponses.$inferInsert,
    'id' | 'networkId' | 'roundId' | 'partnerFirmId' | 'respondentFirmId' | 'answeredAt'
  >,
): Promise<ResponseRow> {
  const values = { ...answers, answeredAt: sql`now()` };
  const [row] = await tx
    .insert(surveyResponses)
    .values({ ...key, ...values })
    .onConflictDoUpdate({
      target: [surveyResponses.roundId, surveyResponses.partnerFirmId, surveyResponses.respondentFirmId],
      set: values,
    })
    .returning();
  return row!;
}
