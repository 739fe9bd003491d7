// The partner portfolio as the acting firm sees it. A relationship is the focal firm's with one
// partner firm; the focal firm sees all of them, a partner its own. What a partner contributed
// through the exchange is what the acting firm may see of it (its grants, aggregate ones only for
// groups of k customers), like every other computed figure in Accord.
import { databaseErrorOf, type Database, type Transaction } from '@accord/db';
import {
  addDays,
  answerProblems,
  hoursBetween,
  integrationLevels,
  integrationProfile,
  recommendStrategyTeam,
  relationshipSpectrum,
  rollUp,
  scoreSurvey,
  spectrumIndicatorInfo,
  spectrumIndicators,
  type SurveyDimension,
  surveyDimensions,
  surveyItems,
  surveyProblems,
  type TeamRecommendation,
  todayUtc,
} from '@accord/domain';
import type { JobQueue } from '@accord/jobs';
import type { Static } from 'typebox';
import { ApiProblem, conflict, notFound } from '../../http/problems.ts';
import type { ActingMember } from '../../plugins/auth.ts';
import { type NetworkMember, type NetworkWork, requireFocalFirm } from '../../plugins/network-access.ts';
import { networkPeople } from '../networks/networks.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import { queueRescoring } from '../scorecard/scorecard.service.ts';
import {
  assessmentsOf,
  assessmentsOfNetwork,
  contactsOf,
  currentPartnerValues,
  datasetCatalog,
  deleteContact,
  focalFirmOf,
  insertContact,
  insertRound,
  latestHealth,
  latestStrategySignoffs,
  partnerMembers,
  responsesOf,
  roundById,
  roundsOf,
  salesFacts,
  strategyTeamFirms,
  surveyHistory,
  upsertAssessment,
  upsertResponse,
  type PartnerMember,
  type RoundRow,
} from './partners.queries.ts';
import type { AssessmentBody, ContactBody, PartnerSummary, ResponseBody, RoundBody } from './partners.schemas.ts';

export interface Relationships {
  focalFirmId: string;
  /** You are the focal firm (you see every relationship) or a partner (your own). */
  focal: boolean;
  partners: PartnerMember[];
}

/** The relationships the acting firm is party to. */
export async function relationshipsOf(tx: Transaction, networkId: string, actorFirmId: string): Promise<Relationships> {
  const { focalFirmId, isFocal } = await focalFirmOf(tx, networkId);
  const members = await partnerMembers(tx, networkId, focalFirmId);
  return {
    focalFirmId,
    focal: isFocal,
    partners: isFocal ? members : members.filter((m) => m.id === actorFirmId),
  };
}

/** The relationship with `partnerFirmId` when the acting firm is party to it, or 404. */
export async function relationshipOf(tx: Transaction, networkId: string, actorFirmId: string, partnerFirmId: string) {
  const rel = await relationshipsOf(tx, networkId, actorFirmId);
  const partner = rel.partners.find((p) => p.id === partnerFirmId);
  if (!partner) throw notFound('relationship with that partner firm');
  return { ...rel, partner, side: rel.focal ? ('focal' as const) : ('partner' as const) };
}

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
  const window = { from: addDays(today, -365), to: today };
  const facts = await salesFacts(tx, networkId, {
    from: window.from,
    until: addDays(today, 1),
    history: addDays(today, -730),
  });
  const catalog = await datasetCatalog(tx, networkId);
  const scores = await currentScores(tx, networkId, actorFirmId, ids);
  const assessments = await assessmentsOfNetwork(tx, networkId);
  const health = await latestHealth(tx, networkId);
  const team = await strategyTeamFirms(tx, networkId);
  const signed = await latestStrategySignoffs(tx, networkId);
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
            hoursSinceLoad: loaded ? Math.max(0, hoursBetween(loaded)) : null,
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
  const rows = await currentPartnerValues(tx, networkId, viewer);
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
  const assessments = await assessmentsOf(tx, networkId, partnerFirmId);
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
  const contacts = await contactsOf(tx, networkId, partnerFirmId);
  const surveys = await surveyHistory(tx, networkId, partnerFirmId);
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

/** What the partners module's changes need besides their transaction: the queue, and the portal's address. */
export interface PartnersDeps {
  db: Database;
  queue: JobQueue;
  portalUrl: string;
}

export function partnerPortfolio(tx: Transaction, actor: ActingMember, networkId: string) {
  return portfolio(tx, networkId, actor.firmId, todayUtc());
}

export function partnerProfile(tx: Transaction, actor: ActingMember, networkId: string, partnerFirmId: string) {
  return profile(tx, networkId, actor.firmId, partnerFirmId, todayUtc());
}

/** The acting firm's side of the relationship-spectrum indicators and integration levels. */
export async function assessRelationship(
  tx: Transaction,
  actor: ActingMember,
  networkId: string,
  partnerFirmId: string,
  body: Static<typeof AssessmentBody>,
) {
  await relationshipOf(tx, networkId, actor.firmId, partnerFirmId);
  const { spectrum, integration } = body;
  const problems = [
    ...answerProblems('spectrum', spectrum).map((p) => ({ ...p, path: `/spectrum/${p.path}` })),
    ...answerProblems('integration', integration).map((p) => ({ ...p, path: `/integration/${p.path}` })),
  ];
  if (problems.length)
    throw new ApiProblem(422, 'invalid_answers', 'Invalid answers', 'Answer every question 1..5.', problems);
  await upsertAssessment(
    tx,
    { networkId, partnerFirmId, respondentFirmId: actor.firmId },
    { spectrum, integration, note: body.note ?? '', answeredByUserId: actor.userId },
  );
  return profile(tx, networkId, actor.firmId, partnerFirmId, todayUtc());
}

/** One of the acting firm's people named a boundary spanner of the relationship. */
export async function addContact(
  tx: Transaction,
  actor: ActingMember,
  networkId: string,
  partnerFirmId: string,
  body: Static<typeof ContactBody>,
) {
  await relationshipOf(tx, networkId, actor.firmId, partnerFirmId);
  const person = (await networkPeople(tx, networkId)).find((p) => p.id === body.userId && p.firmId === actor.firmId);
  if (!person) throw notFound('person of your firm');
  const row = await insertContact(tx, {
    networkId,
    partnerFirmId,
    firmId: actor.firmId,
    userId: person.id,
    role: body.role,
  });
  if (!row) throw conflict('already_a_contact', `${person.name} is already a contact of this relationship.`);
  return {
    id: row.id,
    firmId: person.firmId,
    firmName: person.firmName,
    person: { id: person.id, name: person.name },
    role: row.role,
    addedAt: row.addedAt.toISOString(),
  };
}

export async function removeContact(
  tx: Transaction,
  actor: ActingMember,
  networkId: string,
  partnerFirmId: string,
  contactId: string,
): Promise<void> {
  await relationshipOf(tx, networkId, actor.firmId, partnerFirmId);
  if (!(await deleteContact(tx, { contactId, partnerFirmId, firmId: actor.firmId })))
    throw notFound('contact of your firm');
}

const roundStatus = (round: RoundRow, today: string) =>
  today < round.opensOn ? ('upcoming' as const) : today > round.closesOn ? ('closed' as const) : ('open' as const);

/** The acting firm's view of a round: its visible responses and the relationships it still owes answers for. */
async function roundView(tx: Transaction, round: RoundRow, actorFirmId: string, today: string) {
  const rel = await relationshipsOf(tx, round.networkId, actorFirmId);
  const responses = await responsesOf(tx, round.id);
  return {
    view: {
      id: round.id,
      title: round.title,
      opensOn: round.opensOn,
      closesOn: round.closesOn,
      status: roundStatus(round, today),
      responses: responses.length,
      pending: rel.partners
        .filter((p) => !responses.some((r) => r.partnerFirmId === p.id && r.respondentFirmId === actorFirmId))
        .map((p) => p.id),
    },
    rel,
    all: responses,
  };
}

/** The survey's questions, and its rounds with what the acting firm still owes. */
export async function surveyRounds(tx: Transaction, actor: ActingMember, networkId: string) {
  const today = todayUtc();
  const views = [];
  for (const round of await roundsOf(tx, networkId)) views.push((await roundView(tx, round, actor.firmId, today)).view);
  return {
    instrument: {
      dimensions: [...surveyDimensions],
      items: surveyItems.map((i) => ({ ...i })),
      scale: surveyScale,
    },
    rounds: views,
  };
}

/** A round opened by the focal firm; every member is told. */
export async function openSurveyRound(
  deps: Pick<PartnersDeps, 'portalUrl'>,
  tx: Transaction,
  actor: NetworkMember,
  networkId: string,
  body: Static<typeof RoundBody>,
) {
  requireFocalFirm(actor, 'opens survey rounds');
  const { title, opensOn, closesOn } = body;
  if (closesOn < opensOn)
    throw new ApiProblem(422, 'invalid_dates', 'Invalid dates', 'A round closes on or after the day it opens.', [
      { path: '/closesOn', message: `must be on or after opensOn (${opensOn})` },
    ]);
  const round = await insertRound(tx, { networkId, title, opensOn, closesOn, createdByUserId: actor.userId });
  await notify(tx, {
    networkId,
    senderFirmId: actor.firmId,
    users: null,
    kind: 'survey_round_opened',
    title: `Relationship health survey: ${title}`,
    body: `Answer for your firm between ${opensOn} and ${closesOn}.`,
    link: '/surveys',
    emails: [],
    portalUrl: deps.portalUrl,
  });
  return (await roundView(tx, round, actor.firmId, todayUtc())).view;
}

async function roundOf(tx: Transaction, networkId: string, roundId: string): Promise<RoundRow> {
  const round = await roundById(tx, networkId, roundId);
  if (!round) throw notFound('survey round');
  return round;
}

/** A round: per relationship the acting firm is party to, each side's scores and its own answers. */
export async function surveyRound(tx: Transaction, actor: ActingMember, networkId: string, roundId: string) {
  const round = await roundOf(tx, networkId, roundId);
  const { view, rel, all } = await roundView(tx, round, actor.firmId, todayUtc());
  const dims = (r: (typeof all)[number] | undefined) =>
    r
      ? {
          trust: r.trust,
          commitment: r.commitment,
          satisfaction: r.satisfaction,
          information_sharing: r.informationSharing,
        }
      : null;
  return {
    ...view,
    relationships: rel.partners.map((p) => {
      const of = (firm: string) => all.find((r) => r.partnerFirmId === p.id && r.respondentFirmId === firm);
      const yours = of(actor.firmId);
      return {
        firm: { id: p.id, name: p.name },
        focal: dims(of(rel.focalFirmId)),
        partner: dims(of(p.id)),
        yours: yours
          ? { answers: yours.answers, comment: yours.comment, answeredAt: yours.answeredAt.toISOString() }
          : null,
      };
    }),
  };
}

/**
 * The acting firm's answers for one relationship in an open round; the relationship's two firms are
 * rescored after the commit (the relationship measures read the survey).
 */
export async function answerSurvey(
  deps: Pick<PartnersDeps, 'queue'>,
  run: NetworkWork,
  networkId: string,
  ref: { roundId: string; partnerFirmId: string },
  body: Static<typeof ResponseBody>,
) {
  const { roundId, partnerFirmId } = ref;
  const { response, parties } = await run(async (tx, actor) => {
    const rel = await relationshipOf(tx, networkId, actor.firmId, partnerFirmId);
    const round = await roundOf(tx, networkId, roundId);
    const status = roundStatus(round, todayUtc());
    if (status !== 'open')
      throw conflict(
        'round_not_open',
        status === 'upcoming'
          ? `The round opens on ${round.opensOn}.`
          : `The round closed on ${round.closesOn}; its answers no longer change.`,
      );
    const problems = surveyProblems(body.answers);
    if (problems.length)
      throw new ApiProblem(
        422,
        'invalid_answers',
        'Invalid answers',
        'Answer every statement 1..5.',
        problems.map((p) => ({ ...p, path: `/answers/${p.path}` })),
      );
    const scores = scoreSurvey(body.answers);
    const row = await upsertResponse(
      tx,
      { networkId, roundId, partnerFirmId, respondentFirmId: actor.firmId },
      {
        answers: body.answers,
        trust: scores.trust,
        commitment: scores.commitment,
        satisfaction: scores.satisfaction,
        informationSharing: scores.information_sharing,
        comment: body.comment ?? '',
        answeredByUserId: actor.userId,
      },
    ).catch((error: unknown) => {
      if (databaseErrorOf(error)?.code === '55000') throw conflict('round_not_open', 'The round is not open.');
      throw error;
    });
    return {
      response: {
        roundId,
        partnerFirmId,
        respondentFirmId: actor.firmId,
        dimensions: scores,
        answeredAt: row.answeredAt.toISOString(),
      },
      parties: [rel.focalFirmId, partnerFirmId],
    };
  });
  await queueRescoring(deps.queue, networkId, parties);
  return response;
}
