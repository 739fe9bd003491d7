// What the strategy module reads and writes. Row-level security decides what is visible (published
// versions to every member, drafts and reviews to the strategy team) and who may write; the database
// keeps a published version from changing and binds a decision to the latest published version.
import {
  query,
  strategyComments,
  strategySignoffs,
  strategyTeamMembers,
  strategyVersions,
  type Transaction,
} from '@accord/db';
import type { StrategyContent, StrategySection } from '@accord/domain';
import { and, eq, sql } from 'drizzle-orm';

export type VersionRow = typeof strategyVersions.$inferSelect;
export type VersionStatus = VersionRow['status'];

export interface StrategyRole {
  focalFirmId: string;
  onTeam: boolean;
  focal: boolean;
}

/** The network's focal firm, and whether the caller is on the strategy team and of the focal firm. */
export async function strategyRoleOf(tx: Transaction, networkId: string): Promise<StrategyRole> {
  const [row] = await query<StrategyRole>(
    tx,
    sql`select app_network_focal(${networkId}::uuid) as "focalFirmId",
               app_is_strategy_team(${networkId}::uuid) as "onTeam",
               app_is_focal_firm(${networkId}::uuid) as focal`,
  );
  return row!;
}

/** The partner managers the focal firm invited onto the team. */
export function invitedTeamMembers(tx: Transaction, networkId: string) {
  return query<{ user_id: string; firm_id: string }>(
    tx,
    sql`select user_id, firm_id from strategy_team_members where network_id = ${networkId}::uuid`,
  );
}

export function addTeamMember(
  tx: Transaction,
  member: { networkId: string; userId: string; firmId: string; addedByUserId: string },
) {
  return tx.insert(strategyTeamMembers).values(member).onConflictDoNothing();
}

/** Takes an invited member off the team; false when there was none. */
export async function removeTeamMember(tx: Transaction, networkId: string, userId: string): Promise<boolean> {
  const removed = await tx
    .delete(strategyTeamMembers)
    .where(and(eq(strategyTeamMembers.networkId, networkId), eq(strategyTeamMembers.userId, userId)))
    .returning({ userId: strategyTeamMembers.userId });
  return removed.length > 0;
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

export async function insertSignoff(
  tx: Transaction,
  signoff: {
    networkId: string;
    versionId: string;
    firmId: string;
    userId: string;
    decision: 'signed' | 'changes_requested';
    reason: string;
  },
): Promise<string> {
  const [row] = await tx.insert(strategySignoffs).values(signoff).returning({ id: strategySignoffs.id });
  return row!.id;
}

/** Whether the user is the executive sponsor their firm named in the network. */
export async function isExecutiveSponsor(
  tx: Transaction,
  networkId: string,
  firmId: string,
  userId: string,
): Promise<boolean> {
  const [sponsor] = await query<{ sponsor: boolean }>(
    tx,
    sql`select exists (select 1 from network_memberships where network_id = ${networkId}::uuid
          and firm_id = ${firmId}::uuid and executive_sponsor_user_id = ${userId}::uuid) as sponsor`,
  );
  return sponsor?.sponsor === true;
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

/** A version of the network the caller may see (undefined when there is none). */
export async function versionById(
  tx: Transaction,
  networkId: string,
  versionId: string,
): Promise<VersionRow | undefined> {
  const [version] = await tx
    .select()
    .from(strategyVersions)
    .where(and(eq(strategyVersions.id, versionId), eq(strategyVersions.networkId, networkId)));
  return version;
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

export async function insertVersion(
  tx: Transaction,
  version: {
    networkId: string;
    version: number;
    title: string;
    content: StrategyContent;
    basedOnId: string | null;
    userId: string;
  },
): Promise<VersionRow> {
  const [created] = await tx
    .insert(strategyVersions)
    .values({
      networkId: version.networkId,
      version: version.version,
      title: version.title,
      content: version.content as unknown as Record<string, unknown>,
      basedOnId: version.basedOnId,
      createdByUserId: version.userId,
      updatedByUserId: version.userId,
    })
    .returning();
  return created!;
}

/** A draft's title and sections saved, stamped with the statement's own clock. */
export async function saveDraft(
  tx: Transaction,
  versionId: string,
  draft: { title: string; content: StrategyContent; userId: string },
): Promise<void> {
  await tx
    .update(strategyVersions)
    .set({
      title: draft.title,
      content: draft.content as unknown as Record<string, unknown>,
      updatedByUserId: draft.userId,
      updatedAt: sql`clock_timestamp()`,
    })
    .where(eq(strategyVersions.id, versionId));
}

export async function deleteVersion(tx: Transaction, versionId: string): Promise<void> {
  await tx.delete(strategyVersions).where(eq(strategyVersions.id, versionId));
}

/** Moves a version to `to`, stamping when it went into review or was published, and by whom. */
export async function setVersionStatus(
  tx: Transaction,
  versionId: string,
  to: VersionStatus,
  userId: string,
): Promise<void> {
  const now = sql`clock_timestamp()`;
  await tx
    .update(strategyVersions)
    .set({
      status: to,
      updatedByUserId: userId,
      updatedAt: now,
      ...(to === 'in_review' ? { submittedAt: now } : {}),
      ...(to === 'published' ? { publishedAt: now, publishedByUserId: userId } : {}),
    })
    .where(eq(strategyVersions.id, versionId));
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

export async function insertComment(
  tx: Transaction,
  comment: {
    networkId: string;
    versionId: string;
    section: StrategySection;
    firmId: string;
    userId: string;
    body: string;
  },
): Promise<string> {
  const [row] = await tx.insert(strategyComments).values(comment).returning({ id: strategyComments.id });
  return row!.id;
}

/** What a strategy may refer to: the current scorecard measures, the active members, the latest joint scheme's segments. */
export async function strategyReferences(tx: Transaction, networkId: string) {
  const measures = await query<{ id: string }>(
    tx,
    sql`select id from scorecard_measures where network_id = ${networkId}::uuid and retired_at is null`,
  );
  const firms = await query<{ firm_id: string }>(
    tx,
    sql`select firm_id from network_memberships where network_id = ${networkId}::uuid and status = 'active'`,
  );
  const [scheme] = await query<{ segments: { name: string }[] }>(
    tx,
    sql`select segments from segmentation_schemes where network_id = ${networkId}::uuid order by version desc limit 1`,
  );
  return {
    measureIds: new Set(measures.map((m) => m.id)),
    firmIds: new Set(firms.map((m) => m.firm_id)),
    segments: scheme ? new Set(scheme.segments.map((s) => s.name)) : null,
  };
}

/** The network's active partner firms (all but the focal one) with their executive sponsors. */
export function partnersWithSponsors(tx: Transaction, networkId: string, focalFirmId: string) {
  return query<{
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
