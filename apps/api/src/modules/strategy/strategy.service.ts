// The network's joint CRM strategy as the acting firm and user see it: its lifecycle (draft, review,
// published), the team that writes it, the sponsors' decisions, and who is told what. Row-level
// security and the database's own refusals hold the line; this module turns them into clear problems.
import { databaseErrorOf, type Database, type Transaction } from '@accord/db';
import { diffStrategy, emptyStrategyContent, strategyContentProblems, type StrategyContent } from '@accord/domain';
import type { JobQueue } from '@accord/jobs';
import type { Static } from 'typebox';
import { ApiProblem, conflict, forbidden, notFound } from '../../http/problems.ts';
import type { ActingMember } from '../../plugins/auth.ts';
import { type NetworkMember, type NetworkWork, requireFocalFirm } from '../../plugins/network-access.ts';
import { networkPeople } from '../networks/networks.service.ts';
import { deliverEmails, notify, type Notice } from '../notifications/notifications.service.ts';
import { memberFirmIds, queueRescoring } from '../scorecard/scorecard.service.ts';
import {
  addTeamMember,
  commentsOf,
  deleteVersion,
  insertComment,
  insertSignoff,
  insertVersion,
  invitedTeamMembers,
  isExecutiveSponsor,
  latestPublished,
  newestVersion,
  partnersWithSponsors,
  removeTeamMember,
  saveDraft,
  setVersionStatus,
  signoffsOf,
  sponsorEmails,
  strategyReferences,
  strategyRoleOf,
  versionById,
  versionSummaries,
  type SignoffView,
  type StrategyRole,
  type VersionRow,
} from './strategy.queries.ts';
import type { CommentBody, DecisionBody, DiffQuery, UpdateVersionBody } from './strategy.schemas.ts';

const STRATEGY_LINK = '/strategy';

/** What the strategy's changes need besides their transaction: the queue, and the portal's address for mail. */
export interface StrategyDeps {
  db: Database;
  queue: JobQueue;
  portalUrl: string;
}

/** The team: the focal firm's firm admins and managers by role, and the partner managers it invited. */
export async function strategyTeam(tx: Transaction, networkId: string, focalFirmId: string) {
  const people = await networkPeople(tx, networkId);
  const invited = await invitedTeamMembers(tx, networkId);
  const byRole = people
    .filter((p) => p.firmId === focalFirmId && (p.role === 'firm_admin' || p.role === 'manager'))
    .map((p) => ({ ...p, invited: false }));
  const guests = people
    .filter((p) => invited.some((i) => i.user_id === p.id && i.firm_id === p.firmId))
    .map((p) => ({ ...p, invited: true }));
  return [...byRole, ...guests].map(({ email: _email, ...p }) => p);
}

/** 403 unless the caller is on the strategy team. */
async function requireTeam(tx: Transaction, networkId: string): Promise<StrategyRole> {
  const role = await strategyRoleOf(tx, networkId);
  if (!role.onTeam)
    throw forbidden(
      'strategy_team_only',
      "Only the strategy team writes the strategy: the focal firm's managers and the partner managers it invited.",
    );
  return role;
}

/** Each firm's standing decision on a version: its latest. */
export async function latestDecisions(tx: Transaction, versionId: string): Promise<Map<string, SignoffView>> {
  const standing = new Map<string, SignoffView>();
  for (const s of await signoffsOf(tx, versionId)) standing.set(s.firmId, s);
  return standing;
}

/** A version of the network the caller may see, or 404. */
export async function versionOf(tx: Transaction, networkId: string, versionId: string): Promise<VersionRow> {
  const version = await versionById(tx, networkId, versionId);
  if (!version) throw notFound('strategy version');
  return version;
}

export function contentOf(version: VersionRow | null): StrategyContent {
  return version ? { ...emptyStrategyContent(), ...version.content } : emptyStrategyContent();
}

/**
 * 422 with every problem: the domain's (duplicate ids, impossible dates, ...) and references that
 * must exist in the network: scorecard measures, member firms, segments of the latest joint scheme.
 */
export async function checkContent(tx: Transaction, networkId: string, content: StrategyContent): Promise<void> {
  const problems = strategyContentProblems(content);
  const { measureIds: measures, firmIds: firms, segments } = await strategyReferences(tx, networkId);
  content.objectives.forEach((o, i) =>
    o.measures.forEach((m, j) => {
      if (!measures.has(m.measureId))
        problems.push({
          path: `objectives[${i}].measures[${j}].measureId`,
          message: "not a current measure of the network's scorecards",
        });
    }),
  );
  content.successMeasures.forEach((m, i) => {
    if (!measures.has(m.measureId))
      problems.push({
        path: `successMeasures[${i}].measureId`,
        message: "not a current measure of the network's scorecards",
      });
  });
  content.targetSegments.forEach((t, i) => {
    if (!segments?.has(t.segment))
      problems.push({
        path: `targetSegments[${i}].segment`,
        message: segments
          ? `not a segment of the latest joint scheme (${[...segments].join(', ')})`
          : 'the network has no joint segmentation scheme yet: publish one first',
      });
  });
  content.partnerRoles.forEach((r, i) => {
    if (!firms.has(r.firmId))
      problems.push({ path: `partnerRoles[${i}].firmId`, message: 'not an active member firm' });
  });
  content.capabilities.forEach((c, i) => {
    if (c.firmId !== null && !firms.has(c.firmId))
      problems.push({ path: `capabilities[${i}].firmId`, message: 'not an active member firm' });
  });
  if (problems.length)
    throw new ApiProblem(
      422,
      'invalid_strategy',
      'The strategy has problems',
      'Fix each listed field and save again; nothing was saved.',
      problems.map((p) => ({ path: `/content/${p.path}`, message: p.message })),
    );
}

/** The database's lifecycle refusals as problems: a published version, a second open version. */
export function lifecycleAsConflict(error: unknown): never {
  const db = databaseErrorOf(error);
  if (db?.code === '55000' && /is published/.test(db.message))
    throw conflict('version_published', 'A published version never changes: start a new version instead.');
  if (db?.code === '55000' && /in review/.test(db.message))
    throw conflict('version_in_review', 'A version in review keeps its content: return it to draft to edit it.');
  if (db?.code === '55000' && /latest published/.test(db.message))
    throw conflict(
      'not_latest_version',
      'Decisions are taken on the latest published version only; a newer one has been published.',
    );
  if (db?.code === '23505' && db.constraint === 'strategy_versions_one_open')
    throw conflict(
      'open_version_exists',
      'The strategy already has a version in draft or in review: work on that one.',
    );
  throw error;
}

/** Standing of each partner firm on the latest published version: sponsor and decision. */
export async function partnerStandings(
  tx: Transaction,
  networkId: string,
  focalFirmId: string,
  latestId: string | null,
) {
  const partners = await partnersWithSponsors(tx, networkId, focalFirmId);
  const decisions = latestId ? await latestDecisions(tx, latestId) : new Map<string, SignoffView>();
  return partners.map((p) => ({
    firmId: p.firmId,
    firmName: p.firmName,
    chainRole: p.chainRole,
    sponsor: p.sponsorId ? { id: p.sponsorId, name: p.sponsorName! } : null,
    decision: decisions.get(p.firmId) ?? null,
  }));
}

/** The version as its reader sees it: summary, content, comments and decisions. */
export async function versionView(tx: Transaction, networkId: string, versionId: string) {
  const version = await versionOf(tx, networkId, versionId);
  const [summary] = await versionSummaries(tx, networkId, versionId);
  return {
    ...summary!,
    content: contentOf(version),
    comments: await commentsOf(tx, versionId),
    signoffs: await signoffsOf(tx, versionId),
  };
}

/** Team, versions, the partners' sponsors and decisions, and where the caller stands. */
export async function strategyOverview(tx: Transaction, actor: ActingMember, networkId: string) {
  const role = await strategyRoleOf(tx, networkId);
  const versions = await versionSummaries(tx, networkId);
  const latest = versions.find((v) => v.status === 'published') ?? null;
  const partners = await partnerStandings(tx, networkId, role.focalFirmId, latest?.id ?? null);
  return {
    networkId,
    team: await strategyTeam(tx, networkId, role.focalFirmId),
    versions,
    latestPublishedId: latest?.id ?? null,
    openVersionId: versions.find((v) => v.status !== 'published')?.id ?? null,
    partners,
    you: {
      onTeam: role.onTeam,
      focal: role.focal,
      sponsor: partners.some((p) => p.firmId === actor.firmId && p.sponsor?.id === actor.userId),
    },
  };
}

/** A new draft copying the newest version (or an empty first one), while no other version is open. */
export async function startVersion(tx: Transaction, actor: ActingMember, networkId: string, title?: string) {
  await requireTeam(tx, networkId);
  const newest = await newestVersion(tx, networkId);
  if (newest && newest.status !== 'published')
    throw conflict(
      'open_version_exists',
      `Version ${newest.version} is still ${newest.status === 'draft' ? 'a draft' : 'in review'}: work on that one.`,
    );
  const created = await insertVersion(tx, {
    networkId,
    version: (newest?.version ?? 0) + 1,
    title: title ?? newest?.title ?? 'Joint CRM strategy',
    content: contentOf(newest),
    basedOnId: newest?.id ?? null,
    userId: actor.userId,
  }).catch(lifecycleAsConflict);
  return versionView(tx, networkId, created.id);
}

/** Saves a draft unless someone saved it after the caller opened it (`baseUpdatedAt`). */
export async function saveVersion(
  tx: Transaction,
  actor: ActingMember,
  networkId: string,
  versionId: string,
  body: Static<typeof UpdateVersionBody>,
) {
  await requireTeam(tx, networkId);
  const version = await versionOf(tx, networkId, versionId);
  if (version.status === 'published')
    throw conflict('version_published', 'A published version never changes: start a new version instead.');
  if (version.status === 'in_review')
    throw conflict('version_in_review', 'A version in review keeps its content: return it to draft to edit it.');
  const { baseUpdatedAt } = body;
  if (baseUpdatedAt && Date.parse(baseUpdatedAt) !== version.updatedAt.getTime())
    throw conflict(
      'edit_conflict',
      'Someone saved this draft after you opened it: reload it, then make your change again.',
    );
  await checkContent(tx, networkId, body.content);
  await saveDraft(tx, versionId, { title: body.title, content: body.content, userId: actor.userId }).catch(
    lifecycleAsConflict,
  );
  return versionView(tx, networkId, versionId);
}

export async function discardDraft(tx: Transaction, networkId: string, versionId: string): Promise<void> {
  await requireTeam(tx, networkId);
  const version = await versionOf(tx, networkId, versionId);
  if (version.status !== 'draft')
    throw conflict('not_a_draft', `Only a draft is discarded; this version is ${version.status.replace('_', ' ')}.`);
  await deleteVersion(tx, versionId).catch(lifecycleAsConflict);
}

/** A lifecycle step: from a status to the next, by the team (publishing: the focal firm's part of it). */
export interface LifecycleStep {
  from: 'draft' | 'in_review';
  to: 'draft' | 'in_review' | 'published';
}

/**
 * Moves a version one step on. Putting it in review tells the rest of the team; publishing tells every
 * member in the app and emails the sponsors, and every member's scorecards are rescored after the
 * commit (the sign-off measure reads the strategy).
 */
export async function moveVersion(
  deps: StrategyDeps,
  run: NetworkWork,
  networkId: string,
  versionId: string,
  { from, to }: LifecycleStep,
) {
  const { view, emails, actorFirmId } = await run(async (tx, actor) => {
    const role = await requireTeam(tx, networkId);
    if (to === 'published') requireFocalFirm(actor, 'publishes the strategy');
    const version = await versionOf(tx, networkId, versionId);
    if (version.status !== from)
      throw conflict(
        from === 'draft' ? 'not_a_draft' : 'not_in_review',
        `This needs a version ${from === 'draft' ? 'in draft' : 'in review'}; version ${version.version} is ${version.status.replace('_', ' ')}.`,
      );
    await setVersionStatus(tx, versionId, to, actor.userId).catch(lifecycleAsConflict);
    const notice = { networkId, senderFirmId: actor.firmId, link: STRATEGY_LINK, portalUrl: deps.portalUrl };
    let emails: string[] = [];
    if (to === 'published') {
      emails = await notify(tx, {
        ...notice,
        users: null,
        kind: 'strategy_published',
        title: `Joint strategy version ${version.version} published: ${version.title}`,
        body: `Version ${version.version} of the joint CRM strategy is published. Executive sponsors: please read it and sign it off or request changes.`,
        emails: await sponsorEmails(tx, networkId),
      });
    } else if (to === 'in_review') {
      const team = await strategyTeam(tx, networkId, role.focalFirmId);
      await notify(tx, {
        ...notice,
        users: team.map((t) => t.id).filter((id) => id !== actor.userId),
        kind: 'strategy_in_review',
        title: `Joint strategy version ${version.version} is in review`,
        body: 'Read it and comment on its sections before it is published.',
        emails: [],
      });
    }
    return { view: await versionView(tx, networkId, versionId), emails, actorFirmId: actor.firmId };
  });
  if (to === 'published') await afterDecisionOrPublication(deps, networkId, emails, actorFirmId);
  return view;
}

/** Outbox mail delivered, and every member's scorecards rescored (the sign-off measure reads the strategy). */
async function afterDecisionOrPublication(
  deps: StrategyDeps,
  networkId: string,
  emailIds: string[],
  actorFirmId: string,
) {
  await deliverEmails(deps.queue, actorFirmId, emailIds);
  await queueRescoring(deps.queue, networkId, await memberFirmIds(deps.db, networkId, actorFirmId));
}

export async function commentOnVersion(
  tx: Transaction,
  actor: ActingMember,
  networkId: string,
  versionId: string,
  body: Static<typeof CommentBody>,
) {
  await versionOf(tx, networkId, versionId);
  const id = await insertComment(tx, {
    networkId,
    versionId,
    section: body.section,
    firmId: actor.firmId,
    userId: actor.userId,
    body: body.body,
  });
  return (await commentsOf(tx, versionId)).find((c) => c.id === id)!;
}

/**
 * A partner's executive sponsor signs the latest published version off or asks for changes; the team
 * is told, and every member's scorecards are rescored after the commit.
 */
export async function decideOnVersion(
  deps: StrategyDeps,
  run: NetworkWork,
  networkId: string,
  versionId: string,
  body: Static<typeof DecisionBody>,
) {
  const { decision } = body;
  const reason = (body.reason ?? '').trim();
  const { signoff, actorFirmId } = await run(async (tx, actor) => {
    const role = await strategyRoleOf(tx, networkId);
    const version = await versionOf(tx, networkId, versionId);
    const sponsor = await isExecutiveSponsor(tx, networkId, actor.firmId, actor.userId);
    if (role.focal || !sponsor)
      throw forbidden(
        'sponsor_only',
        "Only a partner firm's executive sponsor signs the strategy off or requests changes; your firm names its sponsor in the network's members.",
      );
    const latest = await latestPublished(tx, networkId);
    if (version.status !== 'published' || latest?.id !== version.id)
      throw conflict(
        'not_latest_version',
        latest
          ? `Decisions are taken on the latest published version, version ${latest.version}.`
          : 'No version is published yet.',
      );
    if (decision === 'changes_requested' && !reason)
      throw new ApiProblem(422, 'reason_required', 'A reason is required', 'Say what should change.', [
        { path: '/reason', message: 'required when requesting changes' },
      ]);
    const id = await insertSignoff(tx, {
      networkId,
      versionId,
      firmId: actor.firmId,
      userId: actor.userId,
      decision,
      reason,
    }).catch(lifecycleAsConflict);
    const view = (await signoffsOf(tx, versionId)).find((s) => s.id === id)!;
    const team = await strategyTeam(tx, networkId, role.focalFirmId);
    await notify(tx, {
      networkId,
      senderFirmId: actor.firmId,
      users: team.map((t) => t.id),
      kind: decision === 'signed' ? 'strategy_signed' : 'strategy_changes_requested',
      title:
        decision === 'signed'
          ? `${view.firmName} signed off strategy version ${version.version}`
          : `${view.firmName} requests changes to strategy version ${version.version}`,
      body: decision === 'signed' ? `${view.by.name} signed it off.` : `${view.by.name}: ${reason}`,
      link: STRATEGY_LINK,
      emails: [],
      portalUrl: deps.portalUrl,
    });
    return { signoff: view, actorFirmId: actor.firmId };
  });
  await afterDecisionOrPublication(deps, networkId, [], actorFirmId);
  return signoff;
}

/** What changed between two versions, section by section (by default: in the newest version). */
export async function diffVersions(tx: Transaction, networkId: string, params: Static<typeof DiffQuery>) {
  const to = params.to ? await versionOf(tx, networkId, params.to) : await newestVersion(tx, networkId);
  if (!to) throw notFound('strategy version');
  const fromId = params.from ?? to.basedOnId;
  const from = fromId ? await versionOf(tx, networkId, fromId) : null;
  return {
    from: from ? { id: from.id, version: from.version } : null,
    to: { id: to.id, version: to.version },
    sections: diffStrategy(contentOf(from), contentOf(to)),
  };
}

/** A partner firm's senior manager invited onto the team (by the focal firm's team members), and told so. */
export async function inviteToTeam(
  deps: Pick<StrategyDeps, 'portalUrl'>,
  tx: Transaction,
  actor: NetworkMember,
  networkId: string,
  userId: string,
) {
  const role = await requireTeam(tx, networkId);
  requireFocalFirm(actor, 'invites people onto the strategy team');
  const person = (await networkPeople(tx, networkId)).find((p) => p.id === userId && p.firmId !== role.focalFirmId);
  if (!person) throw notFound('person of a partner firm in this network');
  if (person.role !== 'firm_admin' && person.role !== 'manager')
    throw new ApiProblem(
      422,
      'senior_manager_required',
      'Not a senior manager',
      `The strategy team is for senior managers: ${person.name} is ${person.role} at ${person.firmName}.`,
      [{ path: '/userId', message: 'must be a firm admin or manager of a partner firm' }],
    );
  await addTeamMember(tx, { networkId, userId: person.id, firmId: person.firmId, addedByUserId: actor.userId });
  const invitation: Notice = {
    networkId,
    senderFirmId: actor.firmId,
    users: [person.id],
    kind: 'strategy_team_invitation',
    title: 'You are on the joint strategy team',
    body: 'You can now edit drafts of the joint CRM strategy and comment on them.',
    link: STRATEGY_LINK,
    emails: [],
    portalUrl: deps.portalUrl,
  };
  await notify(tx, invitation);
  const { email: _email, ...rest } = person;
  return { ...rest, invited: true };
}

export async function removeFromTeam(
  tx: Transaction,
  member: NetworkMember,
  networkId: string,
  userId: string,
): Promise<void> {
  await requireTeam(tx, networkId);
  requireFocalFirm(member, 'changes the strategy team');
  if (!(await removeTeamMember(tx, networkId, userId))) throw notFound('invited team member');
}
