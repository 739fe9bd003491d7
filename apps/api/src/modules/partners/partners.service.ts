// The partner portfolio as the acting firm sees it. A relationship is the focal firm's with one
// partner firm; the focal firm sees all of them, a partner its own. What a partner contributed
// through the exchange is what the acting firm may see of it (its grants, aggregate ones only for
// groups of k customers), like every other computed figure in Accord.
import { query, type Transaction } from '@accord/db';
import {
  integrationLevels,
  integrationProfile,
  recommendStrategyTeam,
  relationshipSpectrum,
  rollUp,
  spectrumIndicatorInfo,
  spectrumIndicators,
  type IntegrationAnswers,
  type Perspective,
  type SpectrumAnswers,
  type SurveyDimension,
  type TeamRecommendation,
} from '@accord/domain';
import { sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import { notFound } from '../../http/problems.ts';
import type { PartnerSummary } from './partners.schemas.ts';

export interface Relationships {
  focalFirmId: string;
  /** You are the focal firm (you see every relationship) or a partner (your own). */
  focal: boolean;
  partners: {
    id: string;
    name: string;
    chainRole: string;
    stage: string;
    sponsorId: string | null;
    sponsorName: string | null;
  }[];
}

/** The relationships the acting firm is party to. */
export async function relationshipsOf(tx: Transaction, networkId: string, actorFirmId: string): Promise<Relationships> {
  const [network] = await query<{ focal: string; is_focal: boolean }>(
    tx,
    sql`select app_network_focal(${networkId}::uuid) as focal, app_is_focal_firm(${networkId}::uuid) as is_focal`,
  );
  const members = await query<Relationships['partners'][number]>(
    tx,
    sql`select f.id, f.name, m.chain_role::text as "chainRole", m.relationship_stage::text as stage,
               u.id as "sponsorId", u.name as "sponsorName"
        from network_memberships m join firms f on f.id = m.firm_id
        left join users u on u.id = m.executive_sponsor_user_id
        where m.network_id = ${networkId}::uuid and m.status = 'active' and m.firm_id <> ${network!.focal}::uuid
        order by f.name`,
  );
  return {
    focalFirmId: network!.focal,
    focal: network!.is_focal,
    partners: network!.is_focal ? members : members.filter((m) => m.id === actorFirmId),
  };
}

/** The relationship with `partnerFirmId` when the acting firm is party to it, or 404. */
export async function relationshipOf(tx: Transaction, networkId: string, actorFirmId: string, partnerFirmId: string) {
  const rel = await relationshipsOf(tx, networkId, actorFirmId);
  const partner = rel.partners.find((p) => p.id === partnerFirmId);
  if (!partner) throw notFound('relationship with that partner firm');
  return { ...rel, partner, side: rel.focal ? ('focal' as const) : ('partner' as const) };
}

const DAY = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

type Dimensions = Record<SurveyDimension, number>;
const dimensionsOf = (row: Record<string, number>): Dimensions => ({
  trust: row.trust!,
  commitment: row.commitment!,
  satisfaction: row.satisfaction!,
  information_sharing: row.information_sharing!,
});

/** Each partner's summary row, and (for the focal firm) the strategy-team recommendation. */
export async function portfolio(tx: Transaction, networkId: string, actorFirmId: string, today: string) {
  const rel = await relationshipsOf(tx, networkId, actorFirmId);
  const ids = rel.partners.map((p) => p.id);
  const now = Date.parse(`${today}T00:00:00Z`);
  const window = { from: dayOf(now - 365 * DAY), to: today };
  const facts = await query<{ firm_id: string; level: string; revenue: string | null; customers: string | null }>(
    tx,
    sql`select firm_id, level, revenue, customers from app_scorecard_facts(${networkId}::uuid,
          ${window.from}::date, ${dayOf(now + DAY)}::date, ${dayOf(now - 730 * DAY)}::date)
        where dataset = 'transactions'`,
  );
  const catalog = await query<{
    owner_firm_id: string;
    dataset: string;
    last_loaded_at: string | Date | null;
    level: string | null;
  }>(
    tx,
    sql`select owner_firm_id, dataset::text as dataset, last_loaded_at, level::text as level
        from app_dataset_catalog(${networkId}::uuid)`,
  );
  const scores = await currentScores(tx, networkId, actorFirmId, ids);
  const assessments = await query<{
    partner_firm_id: string;
    respondent_firm_id: string;
    spectrum: SpectrumAnswers;
    integration: IntegrationAnswers;
  }>(
    tx,
    sql`select partner_firm_id, respondent_firm_id, spectrum, integration from relationship_assessments
        where network_id = ${networkId}::uuid`,
  );
  const health = await query<
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
  const team = await query<{ firm_id: string }>(
    tx,
    sql`select distinct firm_id from strategy_team_members where network_id = ${networkId}::uuid`,
  );
  const signed = await query<{ firm_id: string; signed: boolean }>(
    tx,
    sql`with latest as (select id from strategy_versions where network_id = ${networkId}::uuid and status = 'published'
                        order by version desc limit 1)
        select m.firm_id, coalesce((select s.decision = 'signed' from strategy_signoffs s
                                    where s.version_id = latest.id and s.firm_id = m.firm_id
                                    order by s.decided_at desc, s.id desc limit 1), false) as signed
        from network_memberships m cross join latest
        where m.network_id = ${networkId}::uuid and m.status = 'active'`,
  );
  const published = signed.length > 0;

  const items = rel.partners.map((p): Item => {
    const sale = facts.find((f) => f.firm_id === p.id);
    const side = (firm: string) => assessments.find((a) => a.partner_firm_id === p.id && a.respondent_firm_id === firm);
    const focalSide = side(rel.focalFirmId);
    const partnerSide = side(p.id);
    const spectrum = relationshipSpectrum(focalSide?.spectrum ?? null, partnerSide?.spectrum ?? null);
    const integration = integrationProfile(focalSide?.integration ?? null, partnerSide?.integration ?? null);
    const latest = health.find((x) => x.partner_firm_id === p.id);
    return {
      firm: { id: p.id, name: p.name, chainRole: p.chainRole },
      relationshipStage: p.stage as 'transactional' | 'value_adding' | 'collaborative',
      sponsor: p.sponsorId ? { id: p.sponsorId, name: p.sponsorName! } : null,
      revenue: sale?.revenue === null || sale?.revenue === undefined ? null : Number(sale.revenue),
      customers: sale?.customers === null || sale?.customers === undefined ? null : Number(sale.customers),
      visibility: (sale?.level ?? null) as 'own' | 'customer' | 'aggregate' | null,
      datasets: catalog
        .filter((c) => c.owner_firm_id === p.id)
        .map((c) => {
          const loaded = c.last_loaded_at === null ? null : new Date(c.last_loaded_at);
          return {
            dataset: c.dataset,
            level: c.level,
            lastLoadedAt: loaded?.toISOString() ?? null,
            hoursSinceLoad: loaded ? Math.max(0, (Date.now() - loaded.getTime()) / 3_600_000) : null,
          };
        }),
      scorecardScore: scores.get(p.id) ?? null,
      spectrum: spectrum ? { position: spectrum.position, stage: spectrum.stage, agreement: spectrum.agreement } : null,
      integration: integration?.overall ?? null,
      health: latest
        ? {
            roundId: latest.round_id,
            roundTitle: latest.title,
            responses: latest.responses,
            dimensions: dimensionsOf(latest),
          }
        : null,
      onStrategyTeam: team.some((t) => t.firm_id === p.id),
      signedLatestStrategy: published ? (signed.find((s) => s.firm_id === p.id)?.signed ?? false) : null,
    };
  });
  for (const item of items) {
    // one row per dataset: the one shared with you when several agreements list it
    const seen = new Map<string, (typeof item.datasets)[number]>();
    for (const d of item.datasets) if (!seen.has(d.dataset) || d.level !== null) seen.set(d.dataset, d);
    item.datasets = [...seen.values()];
  }
  const recommendation = rel.focal ? recommend(items) : null;
  return { window, items, recommendation };
}

type Item = Static<typeof PartnerSummary>;

function recommend(items: Item[]): (TeamRecommendation & { firmName: string })[] {
  return recommendStrategyTeam(
    items.map((i) => ({
      firmId: i.firm.id,
      chainRole: i.firm.chainRole,
      onTeam: i.onStrategyTeam,
      revenue: i.revenue,
      customers: i.customers,
      datasets: i.datasets.filter((d) => d.level !== null).map((d) => d.dataset),
      sponsorNamed: i.sponsor !== null,
      signedLatest: i.signedLatestStrategy,
      commitment: i.health?.dimensions.commitment ?? null,
      integration: i.integration,
    })),
  ).map((r) => ({ ...r, firmName: items.find((i) => i.firm.id === r.firmId)!.firm.name }));
}

/** Each subject firm's score (0..10) in the acting firm's view of the current period of the network's first scorecard. */
async function currentScores(tx: Transaction, networkId: string, viewer: string, subjects: string[]) {
  const scores = new Map<string, number | null>();
  if (!subjects.length) return scores;
  const rows = await query<{
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
  for (const subject of subjects) {
    const mine = rows.filter((r) => r.subject === subject);
    if (!mine.length) continue;
    scores.set(subject, rollUp(mine, mine[0]!.weights).score);
  }
  return scores;
}

/** One relationship in full: the portfolio row, both sides' assessments, contacts and survey history. */
export async function profile(
  tx: Transaction,
  networkId: string,
  actorFirmId: string,
  partnerFirmId: string,
  today: string,
) {
  const rel = await relationshipOf(tx, networkId, actorFirmId, partnerFirmId);
  // the whole portfolio: the team recommendation weighs each partner against the others
  const all = await portfolio(tx, networkId, actorFirmId, today);
  const item = all.items.find((i) => i.firm.id === partnerFirmId)!;
  const assessments = await query<{
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
  const sideOf = (firm: string) => {
    const a = assessments.find((x) => x.respondent_firm_id === firm);
    return a
      ? {
          spectrum: a.spectrum,
          integration: a.integration,
          note: a.note,
          answeredBy: { id: a.by_id, name: a.by_name },
          answeredAt: new Date(a.answered_at).toISOString(),
        }
      : null;
  };
  const focalSide = sideOf(rel.focalFirmId);
  const partnerSide = sideOf(partnerFirmId);
  const spectrum = relationshipSpectrum(focalSide?.spectrum ?? null, partnerSide?.spectrum ?? null);
  const integration = integrationProfile(focalSide?.integration ?? null, partnerSide?.integration ?? null);
  const contacts = await query<{
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
  const surveys = await query<
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
  const rounds = [...new Map(surveys.map((s) => [s.round_id, s])).values()].map((s) => {
    const of = (firm: string) => {
      const row = surveys.find((x) => x.round_id === s.round_id && x.respondent_firm_id === firm);
      return row ? dimensionsOf(row) : null;
    };
    return {
      roundId: s.round_id,
      title: s.title,
      opensOn: s.opens_on,
      closesOn: s.closes_on,
      focal: of(rel.focalFirmId),
      partner: of(partnerFirmId),
    };
  });
  return {
    ...item,
    assessments: { focal: focalSide, partner: partnerSide },
    spectrumDetail: spectrum
      ? {
          position: spectrum.position,
          stage: spectrum.stage,
          agreement: spectrum.agreement,
          indicators: spectrumIndicators.map((indicator) => ({
            indicator,
            label: spectrumIndicatorInfo[indicator].label,
            collaborativeWhen: spectrumIndicatorInfo[indicator].collaborativeWhen,
            ...spectrum.indicators[indicator],
          })),
        }
      : null,
    integrationDetail: integration ? integrationLevels.map((level) => ({ level, ...integration.levels[level] })) : null,
    contacts: contacts.map((c) => ({ ...c, addedAt: new Date(c.addedAt).toISOString() })),
    surveys: rounds,
    recommendation: all.recommendation?.find((r) => r.firmId === partnerFirmId) ?? null,
  };
}

export const surveyScale = '1 strongly disagree, 2 disagree, 3 neither, 4 agree, 5 strongly agree';
