// The network's joint CRM strategy as the acting firm and user see it. Row-level security decides
// what is visible (published versions to every member, drafts and reviews to the strategy team) and
// who may write; the database also keeps a published version from changing and binds a sponsor's
// decision to the latest published version. This module turns those refusals into clear problems.
import { databaseErrorOf, emailOutbox, query, strategyVersions, type Transaction } from '@accord/db';
import {
  emptyStrategyContent,
  strategyContentProblems,
  type StrategyContent,
  type StrategySection,
} from '@accord/domain';
import { and, eq, sql } from 'drizzle-orm';
import { ApiProblem, conflict, notFound } from '../../http/problems.ts';
import { networkPeople } from '../networks/networks.service.ts';

type VersionRow = typeof strategyVersions.$inferSelect;

interface NetworkFacts {
  focalFirmId: string;
  onTeam: boolean;
  focal: boolean;
}

export async function strategyRole(tx: Transaction, networkId: string): Promise<NetworkFacts> {
  const [row] = await query<NetworkFacts>(
    tx,
    sql`select app_network_focal(${networkId}::uuid) as "focalFirmId",
               app_is_strategy_team(${networkId}::uuid) as "onTeam",
               app_is_focal_firm(${networkId}::uuid) as focal`,
  );
  return row!;
}

/** The team: the focal firm's firm admins and managers by role, and the partner managers it invited. */
export async function strategyTeam(tx: Transaction, networkId: string, focalFirmId: string) {
  const people = await networkPeople(tx, networkId);
  const invited = await query<{ user_id: string; firm_id: string }>(
    tx,
    sql`select user_id, firm_id from strategy_team_members where network_id = ${networkId}::uuid`,
  );
  const byRole = people
    .filter((p) => p.firmId === focalFirmId && (p.role === 'firm_admin' || p.role === 'manager'))
    .map((p) => ({ ...p, invited: false }));
  const guests = people
    .filter((p) => invited.some((i) => i.user_id === p.id && i.firm_id === p.firmId))
    .map((p) => ({ ...p, invited: true }));
  return [...byRole, ...guests].map(({ email: _email, ...p }) => p);
}

export interface SignoffView {
  id: string;
  versionId: string;
  version: number;
  firmId: string;
  firmName: string;
  by: { id: string; name: string };
  decision: 'signed' | 'changes_requested';
  reason: string;
  decidedAt: string;
}

const signoffColumns = sql`s.id, s.version_id as "versionId", v.version, s.firm_id as "firmId", f.name as "firmName",
  json_build_object('id', u.id, 'name', u.name) as by, s.decision::text as decision, s.reason,
  s.decided_at as "decidedAt"`;
const signoffJoins = sql`from strategy_signoffs s join strategy_versions v on v.id = s.version_id
  join firms f on f.id = s.firm_id join users u on u.id = s.user_id`;

function iso<T extends { decidedAt: string | Date }>(row: T): T & { decidedAt: string } {
  return { ...row, decidedAt: new Date(row.decidedAt).toISOString() };
}

/** Every decision on a version, oldest first. */
export async function signoffsOf(tx: Transaction, versionId: string): Promise<SignoffView[]> {
  const rows = await query<SignoffView>(
    tx,
    sql`select ${signoffColumns} ${signoffJoins} where s.version_id = ${versionId}::uuid order by s.decided_at, s.id`,
  );
  return rows.map(iso);
}

/** Each firm's standing decision on a version: its latest. */
export async function latestDecisions(tx: Transaction, versionId: string): Promise<Map<string, SignoffView>> {
  const standing = new Map<string, SignoffView>();
  for (const s of await signoffsOf(tx, versionId)) standing.set(s.firmId, s);
  return standing;
}

export interface VersionSummary {
  id: string;
  version: number;
  status: 'draft' | 'in_review' | 'published';
  title: string;
  basedOnVersion: number | null;
  createdBy: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  publishedAt: string | null;
  publishedBy: { id: string; name: string } | null;
  signed: number;
  changesRequested: number;
}

/** The versions the caller may see, newest first (or one of them), with their standing decisions counted. */
export async function versionSummaries(
  tx: Transaction,
  networkId: string,
  versionId: string | null = null,
): Promise<VersionSummary[]> {
  const rows = await query<VersionSummary & { updatedAtRaw: string }>(
    tx,
    sql`with standing as (
          select distinct on (s.version_id, s.firm_id) s.version_id, s.decision
          from strategy_signoffs s where s.network_id = ${networkId}::uuid
          order by s.version_id, s.firm_id, s.decided_at desc, s.id desc
        )
        select v.id, v.version, v.status::text as status, v.title, b.version as "basedOnVersion",
               json_build_object('id', cu.id, 'name', cu.name) as "createdBy",
               v.created_at as "createdAt", v.updated_at as "updatedAt", v.submitted_at as "submittedAt",
               v.published_at as "publishedAt",
               case when pu.id is null then null else json_build_object('id', pu.id, 'name', pu.name) end as "publishedBy",
               (select count(*)::int from standing st where st.version_id = v.id and st.decision = 'signed') as signed,
               (select count(*)::int from standing st where st.version_id = v.id and st.decision = 'changes_requested')
                 as "changesRequested"
        from strategy_versions v
        join users cu on cu.id = v.created_by_user_id
        left join users pu on pu.id = v.published_by_user_id
        left join strategy_versions b on b.id = v.based_on_id
        where v.network_id = ${networkId}::uuid ${versionId ? sql`and v.id = ${versionId}::uuid` : sql``}
        order by v.version desc`,
  );
  const at = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());
  return rows.map((r) => ({
    ...r,
    createdAt: at(r.createdAt)!,
    updatedAt: at(r.updatedAt)!,
    submittedAt: at(r.submittedAt),
    publishedAt: at(r.publishedAt),
  }));
}

/** A version of the network the caller may see, or 404. */
export async function versionOf(tx: Transaction, networkId: string, versionId: string): Promise<VersionRow> {
  const [version] = await tx
    .select()
    .from(strategyVersions)
    .where(and(eq(strategyVersions.id, versionId), eq(strategyVersions.networkId, networkId)));
  if (!version) throw notFound('strategy version');
  return version;
}

export async function commentsOf(tx: Transaction, versionId: string) {
  const rows = await query<{
    id: string;
    section: StrategySection;
    firmId: string;
    firmName: string;
    author: { id: string; name: string };
    body: string;
    createdAt: string;
  }>(
    tx,
    sql`select c.id, c.section, c.firm_id as "firmId", f.name as "firmName",
               json_build_object('id', u.id, 'name', u.name) as author, c.body, c.created_at as "createdAt"
        from strategy_comments c join firms f on f.id = c.firm_id join users u on u.id = c.user_id
        where c.version_id = ${versionId}::uuid order by c.created_at, c.id`,
  );
  return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() }));
}

/** The newest version, which a new draft copies (null when there is none yet). */
export async function newestVersion(tx: Transaction, networkId: string): Promise<VersionRow | null> {
  const [row] = await tx
    .select()
    .from(strategyVersions)
    .where(eq(strategyVersions.networkId, networkId))
    .orderBy(sql`${strategyVersions.version} desc`)
    .limit(1);
  return row ?? null;
}

/** The latest published version, the one sponsors decide on (null when none is published). */
export async function latestPublished(tx: Transaction, networkId: string): Promise<VersionRow | null> {
  const [row] = await tx
    .select()
    .from(strategyVersions)
    .where(and(eq(strategyVersions.networkId, networkId), eq(strategyVersions.status, 'published')))
    .orderBy(sql`${strategyVersions.version} desc`)
    .limit(1);
  return row ?? null;
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
  const measures = new Set(
    (
      await query<{ id: string }>(
        tx,
        sql`select id from scorecard_measures where network_id = ${networkId}::uuid and retired_at is null`,
      )
    ).map((m) => m.id),
  );
  const firms = new Set(
    (
      await query<{ firm_id: string }>(
        tx,
        sql`select firm_id from network_memberships where network_id = ${networkId}::uuid and status = 'active'`,
      )
    ).map((m) => m.firm_id),
  );
  const [scheme] = await query<{ segments: { name: string }[] }>(
    tx,
    sql`select segments from segmentation_schemes where network_id = ${networkId}::uuid order by version desc limit 1`,
  );
  const segments = new Set((scheme?.segments ?? []).map((s) => s.name));
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
    if (!segments.has(t.segment))
      problems.push({
        path: `targetSegments[${i}].segment`,
        message: scheme
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

/**
 * Tells people in the app (null: everyone in the network but the actor) and by email (the given
 * addresses) through the outbox; returns the outbox ids for delivery.
 */
export async function notify(
  tx: Transaction,
  input: {
    networkId: string;
    senderFirmId: string;
    users: string[] | null;
    kind: string;
    title: string;
    body: string;
    link: string;
    emails: string[];
    portalUrl: string;
  },
): Promise<string[]> {
  // null: everyone in the network but the actor; otherwise these users, each a bound parameter
  const users =
    input.users === null
      ? sql`null`
      : sql`array[${sql.join(
          input.users.map((id) => sql`${id}`),
          sql`, `,
        )}]::uuid[]`;
  await query(
    tx,
    sql`select app_notify(${input.networkId}::uuid, ${users}, ${input.kind}, ${input.title}, ${input.body}, ${input.link})`,
  );
  const ids: string[] = [];
  for (const email of new Set(input.emails)) {
    const [row] = await tx
      .insert(emailOutbox)
      .values({
        firmId: input.senderFirmId,
        toEmail: email,
        subject: input.title,
        bodyText: `${input.body}\n\n${input.portalUrl}${input.link}\n`,
        link: `${input.portalUrl}${input.link}`,
      })
      .returning({ id: emailOutbox.id });
    ids.push(row!.id);
  }
  return ids;
}

/** Standing of each partner firm on the latest published version: sponsor and decision. */
export async function partnerStandings(
  tx: Transaction,
  networkId: string,
  focalFirmId: string,
  latestId: string | null,
) {
  const partners = await query<{
    firmId: string;
    firmName: string;
    chainRole: string;
    sponsorId: string | null;
    sponsorName: string | null;
  }>(
    tx,
    sql`select m.firm_id as "firmId", f.name as "firmName", m.chain_role::text as "chainRole",
               u.id as "sponsorId", u.name as "sponsorName"
        from network_memberships m join firms f on f.id = m.firm_id
        left join users u on u.id = m.executive_sponsor_user_id
        where m.network_id = ${networkId}::uuid and m.status = 'active' and m.firm_id <> ${focalFirmId}::uuid
        order by f.name`,
  );
  const decisions = latestId ? await latestDecisions(tx, latestId) : new Map<string, SignoffView>();
  return partners.map((p) => ({
    firmId: p.firmId,
    firmName: p.firmName,
    chainRole: p.chainRole,
    sponsor: p.sponsorId ? { id: p.sponsorId, name: p.sponsorName! } : null,
    decision: decisions.get(p.firmId) ?? null,
  }));
}

/** Sponsors' addresses (a firm's admins where it named none), for the publishing email. */
export async function sponsorEmails(tx: Transaction, networkId: string): Promise<string[]> {
  const rows = await query<{ email: string }>(
    tx,
    sql`select coalesce(s.email, p.email) as email
        from network_memberships m
        left join users s on s.id = m.executive_sponsor_user_id
        left join app_network_people(${networkId}::uuid) p on s.id is null and p.firm_id = m.firm_id and p.role = 'firm_admin'
        where m.network_id = ${networkId}::uuid and m.status = 'active' and coalesce(s.email, p.email) is not null`,
  );
  return rows.map((r) => r.email);
}
