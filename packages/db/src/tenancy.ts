// Every request's data access runs through withTenant: one transaction, the acting firm and user
// set as transaction-local settings, and the runtime role that row-level security applies to.
import { sql, type SQL } from 'drizzle-orm';
import type { Database, Transaction } from './database.ts';

/** The role requests run as: owns no table, cannot bypass row-level security. */
export const RUNTIME_ROLE = 'accord_app';

export interface TenantContext {
  /** The firm the caller acts for; null before sign-in. */
  firmId: string | null;
  /** The signed-in user; null for pipelines and before sign-in. */
  userId: string | null;
}

export const anonymous: TenantContext = { firmId: null, userId: null };

/**
 * The one statement that makes a transaction act for a tenant: the firm and user as transaction-local
 * settings (the policies read them) and the runtime role. Every connection kind runs exactly this.
 */
export function tenantSettings(context: TenantContext): SQL {
  return sql`select set_config('app.firm_id', ${context.firmId ?? ''}, true),
                    set_config('app.user_id', ${context.userId ?? ''}, true),
                    set_config('role', ${RUNTIME_ROLE}, true)`;
}

/** Runs work as a tenant in one transaction (its settings go out with BEGIN on PostgreSQL). */
export function withTenant<T>(db: Database, context: TenantContext, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(tenantSettings(context));
    return work(tx);
  });
}

/**
 * Like withTenant, with a gate: a statement sent with the settings (so with BEGIN, one round trip on
 * PostgreSQL) whose first row the work gets, to decide whether to go on (an access check). The two
 * are started together by Promise.all, in order, through the same path, so the settings reach the
 * connection first; the work's own statements start only after both have answered.
 */
export async function withTenantGate<G, T>(
  db: Database,
  context: TenantContext,
  gate: SQL,
  work: (tx: Transaction, gate: G | undefined) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    const [, rows] = await Promise.all([tx.execute(tenantSettings(context)), tx.execute(gate)]);
    return work(tx, rowsOf<G>(rows)[0]);
  });
}

/**
 * Like withTenantGate, for work that does not depend on the gate's answer, only on whether there is an
 * answer to give (a read whose rows row-level security decides): the work's first statements go out
 * with the settings and the gate, so the whole read is one round trip before COMMIT. `judge` looks at the
 * gate's row and throws to refuse; a refusal wins over anything the work threw, and the work's result is
 * thrown away with the transaction. The work is always waited for before the transaction ends, so none
 * of its statements outlives it.
 */
export async function withTenantGateAhead<G, T>(
  db: Database,
  context: TenantContext,
  gate: SQL,
  judge: (gate: G | undefined) => void,
  work: (tx: Transaction) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    const checked = Promise.all([tx.execute(tenantSettings(context)), tx.execute(gate)]);
    // called at once (its first statements join the settings' write); a throw becomes its outcome
    const [check, outcome] = await Promise.allSettled([checked, (async () => work(tx))()]);
    if (check.status === 'rejected') throw check.reason;
    judge(rowsOf<G>(check.value[1])[0]);
    if (outcome.status === 'rejected') throw outcome.reason;
    return outcome.value;
  });
}

/** Rows of a raw `db.execute` result, whichever driver answered. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
