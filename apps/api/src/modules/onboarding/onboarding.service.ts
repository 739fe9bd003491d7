// Joining Accord: a firm signs itself up (its first user verifies their email), or signs up through a
// focal firm's invitation and lands in that network as an active member. Everything before there is
// a firm goes through the auth_* SECURITY DEFINER functions; the emails through the outbox.
import {
  anonymous,
  emailOutbox,
  firmInvitations,
  query,
  tenantSettings,
  withTenant,
  type ChainRole,
  type Database,
  type Transaction,
} from '@accord/db';
import { daysFrom, firmSlugFrom, hoursFrom } from '@accord/domain';
import { mixedScriptWord, nameSkeleton } from '@accord/domain/names';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { ApiProblem, badRequest, conflict, gone, notFound } from '../../http/problems.ts';
import type { NetworkMember } from '../../plugins/network-access.ts';
import { checkNewPassword, hashToken, newSecretToken } from '../auth/auth.service.ts';
import { hashPassword } from '../auth/passwords.ts';
import { getNetwork } from '../networks/networks.service.ts';
import {
  firmInvitationExists,
  firmInvitationsOf,
  userName,
  withdrawPendingFirmInvitation,
  type FirmInvitationRow,
} from './onboarding.queries.ts';

export const EMAIL_VERIFICATION_HOURS = 24;
export const FIRM_INVITATION_DAYS = 14;

export interface SignUpLimits {
  /** Sign-ups from one address per hour. */
  perIpPerHour: number;
  /** Sign-ups still unverified per email domain in the last day (invitations are exempt). */
  perEmailDomainPerDay: number;
}

export const defaultSignUpLimits: SignUpLimits = { perIpPerHour: 5, perEmailDomainPerDay: 20 };

/** An email to hand to the delivery job once the transaction that wrote it has committed. */
export interface QueuedEmail {
  firmId: string;
  emailId: string;
}

export interface SignUpInput {
  firmName: string;
  chainRole: ChainRole;
  name: string;
  email: string;
  password: string;
  networkInvitation?: string | undefined;
}

export interface SignedUp {
  user: { id: string; email: string; name: string };
  firm: { id: string; name: string; slug: string; chainRole: ChainRole };
  emailVerificationRequired: boolean;
  networkId: string | null;
  email: QueuedEmail | null;
}

const refusals: Record<string, () => ApiProblem> = {
  invitation_not_found: () =>
    new ApiProblem(404, 'invitation_not_found', 'Not found', 'No firm invitation has that token.'),
  invitation_used: () => gone('invitation_used', 'This invitation was already used to sign up; sign in instead.'),
  invitation_withdrawn: () => gone('invitation_withdrawn', 'The inviting firm withdrew this invitation.'),
  invitation_expired: () =>
    gone('invitation_expired', 'This invitation has expired; ask the inviting firm to resend it.'),
  invitation_email_mismatch: () =>
    new ApiProblem(
      422,
      'invitation_email_mismatch',
      'Unprocessable content',
      'Sign up with the email address the invitation was sent to.',
    ),
  email_taken: () =>
    conflict(
      'email_taken',
      'An account with this email already exists: sign in instead (or reset the password). ' +
        'If you signed up and never confirmed the address, ask for a new link (POST /v1/auth/verify-email/resend).',
    ),
  firm_name_taken: () =>
    conflict(
      'firm_name_taken',
      'A firm with this name, or one that looks the same, is already on Accord; ask its firm admins to invite you.',
    ),
  domain_limit: () =>
    new ApiProblem(
      429,
      'sign_up_limit',
      'Too many requests',
      'Too many unconfirmed sign-ups from this email domain today; confirm an earlier one or try tomorrow.',
    ),
};

function verificationEmail(name: string, link: string) {
  return {
    subject: 'Confirm your email address for Accord',
    bodyText:
      `Hello ${name},\n\nconfirm your email address to start using Accord.\n\n` +
      `Follow this link within ${EMAIL_VERIFICATION_HOURS} hours: ${link}\n\n` +
      'The link works once. If you did not sign up, ignore this email.\n',
  };
}

/** Acts as the new firm and its user for the rest of the transaction, so the outbox's policy admits the email. */
async function actAs(tx: Transaction, firmId: string, userId: string): Promise<void> {
  await tx.execute(tenantSettings({ firmId, userId }));
}

/** 422 `mixed_script_name` for a firm name with a word in two scripts (a Cyrillic "А" in a Latin word). */
function checkFirmName(firmName: string): void {
  const mixed = mixedScriptWord(firmName);
  if (!mixed) return;
  throw new ApiProblem(
    422,
    'mixed_script_name',
    'Unprocessable content',
    `"${mixed.word}" mixes ${mixed.scripts.join(' and ')} letters; write each word of the firm name in one script.`,
    [{ path: '/firmName', message: 'a word mixes scripts' }],
  );
}

/** Creates the firm, its first user (firm admin) and, unless invited, the verification email, in one transaction. */
export async function signUp(
  db: Database,
  input: SignUpInput,
  options: { portalUrl: string; perEmailDomainPerDay: number },
): Promise<SignedUp> {
  const email = input.email.trim().toLowerCase();
  const name = input.name.trim();
  const firmName = input.firmName.trim().replace(/\s+/g, ' ');
  checkFirmName(firmName);
  checkNewPassword(input.password, { email, name });
  const passwordHash = await hashPassword(input.password);
  const token = newSecretToken();
  const expiresAt = hoursFrom(EMAIL_VERIFICATION_HOURS);
  const invitationHash = input.networkInvitation ? hashToken(input.networkInvitation) : null;
  return withTenant(db, anonymous, async (tx) => {
    const [row] = await query<{
      outcome: string;
      user_id: string | null;
      firm_id: string | null;
      firm_slug: string | null;
      network_id: string | null;
    }>(
      tx,
      sql`select * from auth_sign_up(${firmName}, ${firmSlugFrom(firmName)}, ${input.chainRole}::chain_role,
            ${name}, ${email}, ${passwordHash}, ${hashToken(token)}, ${expiresAt.toISOString()}::timestamptz,
            ${invitationHash}, ${options.perEmailDomainPerDay}, ${nameSkeleton(firmName)})`,
    );
    if (row?.outcome !== 'created') {
      const refusal = refusals[row?.outcome ?? ''];
      throw refusal ? refusal() : new Error(`auth_sign_up answered ${row?.outcome ?? 'nothing'}`);
    }
    const userId = row.user_id!;
    const firmId = row.firm_id!;
    let queued: QueuedEmail | null = null;
    if (!invitationHash) {
      await actAs(tx, firmId, userId);
      const link = `${options.portalUrl}/verify-email?token=${token}`;
      const [written] = await tx
        .insert(emailOutbox)
        .values({ firmId, toEmail: email, link, ...verificationEmail(name, link) })
        .returning({ id: emailOutbox.id });
      queued = { firmId, emailId: written!.id };
    }
    return {
      user: { id: userId, email, name },
      firm: { id: firmId, name: firmName, slug: row.firm_slug!, chainRole: input.chainRole },
      emailVerificationRequired: !invitationHash,
      networkId: row.network_id,
      email: queued,
    };
  });
}

/** Follows a verification link: once, before it expires. */
export async function verifyEmail(db: Database, token: string): Promise<void> {
  const [row] = await withTenant(db, anonymous, (tx) =>
    query<{ outcome: string }>(tx, sql`select auth_verify_email(${hashToken(token)}) as outcome`),
  );
  const outcome = row?.outcome;
  if (outcome === 'verified') return;
  if (outcome === 'used') {
    throw gone('verification_token_used', 'This link was already used; sign in, or ask for a new link.');
  }
  if (outcome === 'expired') throw gone('verification_token_expired', 'This link has expired; ask for a new one.');
  throw badRequest('verification_token_invalid', 'This link is not valid; ask for a new one.');
}

/**
 * Sends a new verification link to an active, unverified account (earlier links stop working).
 * Answers the email to deliver, or null; the caller answers the same either way.
 */
export async function resendVerification(db: Database, email: string, portalUrl: string): Promise<QueuedEmail | null> {
  const token = newSecretToken();
  const expiresAt = hoursFrom(EMAIL_VERIFICATION_HOURS);
  return withTenant(db, anonymous, async (tx) => {
    const [target] = await query<{ user_id: string; name: string; email: string; firm_id: string }>(
      tx,
      sql`select * from auth_start_email_verification(${email}, ${hashToken(token)}, ${expiresAt.toISOString()}::timestamptz)`,
    );
    if (!target) return null;
    await actAs(tx, target.firm_id, target.user_id);
    const link = `${portalUrl}/verify-email?token=${token}`;
    const [written] = await tx
      .insert(emailOutbox)
      .values({ firmId: target.firm_id, toEmail: target.email, link, ...verificationEmail(target.name, link) })
      .returning({ id: emailOutbox.id });
    return { firmId: target.firm_id, emailId: written!.id };
  });
}

export function firmInvitationStatus(row: Pick<FirmInvitationRow, 'acceptedAt' | 'revokedAt' | 'expiresAt'>) {
  if (row.acceptedAt) return 'accepted' as const;
  if (row.revokedAt) return 'withdrawn' as const;
  if (row.expiresAt.getTime() <= Date.now()) return 'expired' as const;
  return 'pending' as const;
}

export interface FirmInvitationContext {
  network: { id: string; name: string; focalFirm: { id: string; name: string } };
  invitedBy: { id: string; name: string };
  portalUrl: string;
}

/** The network as its focal firm's member sees it, with who acts, for inviting. */
export async function firmInvitationContext(
  tx: Transaction,
  member: NetworkMember,
  portalUrl: string,
): Promise<FirmInvitationContext> {
  const network = await getNetwork(tx, member.firmId, member.networkId);
  return { network, invitedBy: await userName(tx, member.userId), portalUrl };
}

/** A firm invitation as the API answers it. */
export function presentFirmInvitation(row: FirmInvitationRow, invitedBy: string | null) {
  return {
    id: row.id,
    networkId: row.networkId,
    email: row.email,
    firmName: row.firmName,
    chainRole: row.chainRole,
    status: firmInvitationStatus(row),
    invitedBy,
    acceptedFirmId: row.acceptedFirmId,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}

export async function listFirmInvitations(tx: Transaction, networkId: string) {
  const rows = await firmInvitationsOf(tx, networkId);
  return { items: rows.map((r) => presentFirmInvitation(r.invitation, r.invitedBy)), nextCursor: null };
}

export async function withdrawFirmInvitation(tx: Transaction, networkId: string, invitationId: string) {
  if (!(await withdrawPendingFirmInvitation(tx, networkId, invitationId))) throw notFound('pending firm invitation');
}

/** Writes the invitation email with a fresh link into the focal firm's outbox. */
async function emailFirmInvitation(
  tx: Transaction,
  context: FirmInvitationContext,
  invitation: Pick<FirmInvitationRow, 'email' | 'chainRole'>,
  token: string,
): Promise<string> {
  const { network, invitedBy } = context;
  const link = `${context.portalUrl}/signup?invitation=${token}`;
  const [written] = await tx
    .insert(emailOutbox)
    .values({
      firmId: network.focalFirm.id,
      toEmail: invitation.email,
      subject: `${network.focalFirm.name} invites your firm to ${network.name} on Accord`,
      bodyText:
        `${invitedBy.name} of ${network.focalFirm.name} invites your firm to join the value-chain network ` +
        `${network.name} on Accord as ${invitation.chainRole.replace('_', ' ')}.\n\n` +
        `Sign your firm up within ${FIRM_INVITATION_DAYS} days: ${link}\n`,
      link,
    })
    .returning({ id: emailOutbox.id });
  return written!.id;
}

/** Invites a firm that is not on Accord by email; a new invitation to the same address replaces a pending one. */
export async function inviteFirm(
  tx: Transaction,
  context: FirmInvitationContext,
  input: { email: string; firmName?: string | undefined; chainRole: ChainRole },
): Promise<{ invitation: FirmInvitationRow; emailId: string }> {
  const email = input.email.trim().toLowerCase();
  await tx
    .update(firmInvitations)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(firmInvitations.networkId, context.network.id),
        eq(firmInvitations.email, email),
        isNull(firmInvitations.acceptedAt),
        isNull(firmInvitations.revokedAt),
      ),
    );
  const token = newSecretToken();
  const [invitation] = await tx
    .insert(firmInvitations)
    .values({
      networkId: context.network.id,
      email,
      firmName: input.firmName?.trim() ?? null,
      chainRole: input.chainRole,
      tokenHash: hashToken(token),
      invitedByUserId: context.invitedBy.id,
      expiresAt: daysFrom(FIRM_INVITATION_DAYS),
    })
    .returning();
  return { invitation: invitation!, emailId: await emailFirmInvitation(tx, context, invitation!, token) };
}

/** A new link and a new expiry for an invitation not yet used or withdrawn; the old link stops working. */
export async function resendFirmInvitation(
  tx: Transaction,
  context: FirmInvitationContext,
  invitationId: string,
): Promise<{ invitation: FirmInvitationRow; emailId: string }> {
  const token = newSecretToken();
  const [invitation] = await tx
    .update(firmInvitations)
    .set({ tokenHash: hashToken(token), expiresAt: daysFrom(FIRM_INVITATION_DAYS) })
    .where(
      and(
        eq(firmInvitations.id, invitationId),
        eq(firmInvitations.networkId, context.network.id),
        isNull(firmInvitations.acceptedAt),
        isNull(firmInvitations.revokedAt),
      ),
    )
    .returning();
  if (!invitation) {
    if (!(await firmInvitationExists(tx, context.network.id, invitationId))) throw notFound('firm invitation');
    throw conflict('invitation_not_pending', 'This invitation was already used or withdrawn; invite anew.');
  }
  return { invitation, emailId: await emailFirmInvitation(tx, context, invitation, token) };
}

export interface FirmInvitationPreview {
  networkName: string;
  focalFirmName: string;
  chainRole: ChainRole;
  firmName: string | null;
  email: string;
  expiresAt: string;
}

/** What the sign-up page shows about an invitation link, if it can still be used. */
export async function lookUpFirmInvitation(db: Database, token: string): Promise<FirmInvitationPreview> {
  const [row] = await withTenant(db, anonymous, (tx) =>
    query<{
      network_name: string;
      focal_firm_name: string;
      email: string;
      firm_name: string | null;
      chain_role: ChainRole;
      expires_at: Date | string;
      accepted_at: Date | string | null;
      revoked_at: Date | string | null;
    }>(tx, sql`select * from auth_firm_invitation(${hashToken(token)})`),
  );
  if (!row) throw refusals.invitation_not_found!();
  if (row.accepted_at) throw refusals.invitation_used!();
  if (row.revoked_at) throw refusals.invitation_withdrawn!();
  if (new Date(row.expires_at).getTime() <= Date.now()) throw refusals.invitation_expired!();
  return {
    networkName: row.network_name,
    focalFirmName: row.focal_firm_name,
    chainRole: row.chain_role,
    firmName: row.firm_name,
    email: row.email,
    expiresAt: new Date(row.expires_at).toISOString(),
  };
}
