// The signed-in user's own sessions (refresh-token families) and password.
import { loginChallenges, query, refreshTokens, type Transaction } from '@accord/db';
import Bowser from 'bowser';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';

/** A short label for a user agent: "Firefox on Linux", "Safari on iOS", or the agent itself. */
export function deviceLabel(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device';
  const parsed = Bowser.parse(userAgent);
  const browser = parsed.browser.name;
  const os = parsed.os.name;
  if (browser && os) return `${browser} on ${os}`;
  return browser || os || userAgent.slice(0, 60);
}

interface SessionRow {
  id: string;
  firm_id: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Date | string;
  last_seen_at: Date | string;
}

/** The user's live sessions: families with no revoked token and a token not yet expired, most recently used first. */
export async function listSessions(tx: Transaction, userId: string, currentSessionId: string) {
  const rows = await query<SessionRow>(
    tx,
    sql`select family_id as id,
               (array_agg(firm_id order by created_at desc))[1] as firm_id,
               (array_agg(ip order by created_at desc))[1] as ip,
               (array_agg(user_agent order by created_at desc))[1] as user_agent,
               min(created_at) as created_at,
               max(last_seen_at) as last_seen_at
        from refresh_tokens
        where user_id = ${userId}
        group by family_id
        having bool_and(revoked_at is null) and max(expires_at) > now()
        order by max(last_seen_at) desc`,
  );
  return rows.map((r) => ({
    id: r.id,
    device: deviceLabel(r.user_agent),
    ip: r.ip,
    firmId: r.firm_id,
    createdAt: new Date(r.created_at).toISOString(),
    lastSeenAt: new Date(r.last_seen_at).toISOString(),
    current: r.id === currentSessionId,
  }));
}

/** Ends one of the user's sessions; false when it is not theirs or already ended. */
export async function revokeSession(tx: Transaction, userId: string, sessionId: string): Promise<boolean> {
  const revoked = await tx
    .update(refreshTokens)
    .set({ revokedAt: new Date() })
    .where(
      and(eq(refreshTokens.userId, userId), eq(refreshTokens.familyId, sessionId), isNull(refreshTokens.revokedAt)),
    )
    .returning({ id: refreshTokens.id });
  return revoked.length > 0;
}

/** Ends every session of the user but the one given; answers how many ended. */
export async function revokeOtherSessions(tx: Transaction, userId: string, keepSessionId: string): Promise<number> {
  const revoked = await tx
    .update(refreshTokens)
    .set({ revokedAt: new Date() })
    .where(
      and(eq(refreshTokens.userId, userId), ne(refreshTokens.familyId, keepSessionId), isNull(refreshTokens.revokedAt)),
    )
    .returning({ familyId: refreshTokens.familyId });
  // half-finished sign-ins elsewhere end too
  await tx
    .update(loginChallenges)
    .set({ usedAt: new Date() })
    .where(and(eq(loginChallenges.userId, userId), isNull(loginChallenges.usedAt)));
  return new Set(revoked.map((r) => r.familyId)).size;
}
