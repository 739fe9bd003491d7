// The sso module's reads and writes of a firm's connection and domains (the sign-in flow itself
// goes through the auth_sso_* functions in sso.service.ts).
import { query, ssoConnections, ssoDomains, type Transaction } from '@accord/db';
import { and, asc, eq, sql } from 'drizzle-orm';

export const connectionColumns = {
  issuer: ssoConnections.issuer,
  clientId: ssoConnections.clientId,
  defaultRole: ssoConnections.defaultRole,
  ssoOnly: ssoConnections.ssoOnly,
  enabled: ssoConnections.enabled,
  createdAt: ssoConnections.createdAt,
  updatedAt: ssoConnections.updatedAt,
};

export type DomainRow = typeof ssoDomains.$inferSelect;
export type ConnectionRow = Pick<typeof ssoConnections.$inferSelect, keyof typeof connectionColumns>;
type ConnectionValues = Omit<typeof ssoConnections.$inferInsert, 'firmId' | 'clientSecretSealed'> & {
  clientSecretSealed?: string;
};

export async function connectionOf(tx: Transaction, firmId: string): Promise<ConnectionRow | undefined> {
  const [row] = await tx.select(connectionColumns).from(ssoConnections).where(eq(ssoConnections.firmId, firmId));
  return row;
}

/** The sealed client secret of the firm's connection, if it has one. */
export async function sealedClientSecretOf(tx: Transaction, firmId: string): Promise<string | undefined> {
  const [row] = await query<{ client_secret_sealed: string }>(
    tx,
    sql`select client_secret_sealed from auth_sso_connection(${firmId})`,
  );
  return row?.client_secret_sealed;
}

export async function updateConnection(tx: Transaction, firmId: string, values: ConnectionValues) {
  const [updated] = await tx
    .update(ssoConnections)
    .set(values)
    .where(eq(ssoConnections.firmId, firmId))
    .returning(connectionColumns);
  return updated;
}

export async function insertConnection(
  tx: Transaction,
  firmId: string,
  values: ConnectionValues & { clientSecretSealed: string },
) {
  const [created] = await tx
    .insert(ssoConnections)
    .values({ ...values, firmId })
    .returning(connectionColumns);
  return created!;
}

export async function deleteConnection(tx: Transaction, firmId: string): Promise<boolean> {
  const deleted = await tx
    .delete(ssoConnections)
    .where(eq(ssoConnections.firmId, firmId))
    .returning({ firmId: ssoConnections.firmId });
  return deleted.length > 0;
}

export function domainsOf(tx: Transaction, firmId: string) {
  return tx.select().from(ssoDomains).where(eq(ssoDomains.firmId, firmId)).orderBy(asc(ssoDomains.domain));
}

export async function domainOf(tx: Transaction, firmId: string, domainId: string) {
  const [row] = await tx
    .select()
    .from(ssoDomains)
    .where(and(eq(ssoDomains.id, domainId), eq(ssoDomains.firmId, firmId)));
  return row;
}

/** Whether another firm has verified the domain. */
export async function isDomainTaken(tx: Transaction, domain: string): Promise<boolean> {
  const [taken] = await query<{ taken: boolean }>(tx, sql`select app_sso_domain_taken(${domain}) as taken`);
  return taken?.taken === true;
}

/** Claims the domain for the firm; undefined when the firm has claimed it already. */
export async function insertDomain(tx: Transaction, firmId: string, domain: string, verificationToken: string) {
  const [row] = await tx
    .insert(ssoDomains)
    .values({ firmId, domain, verificationToken })
    .onConflictDoNothing()
    .returning();
  return row;
}

export async function markDomainVerified(tx: Transaction, firmId: string, domainId: string) {
  const [row] = await tx
    .update(ssoDomains)
    .set({ verifiedAt: new Date() })
    .where(and(eq(ssoDomains.id, domainId), eq(ssoDomains.firmId, firmId)))
    .returning();
  return row;
}

export async function deleteDomain(tx: Transaction, firmId: string, domainId: string): Promise<boolean> {
  const deleted = await tx
    .delete(ssoDomains)
    .where(and(eq(ssoDomains.id, domainId), eq(ssoDomains.firmId, firmId)))
    .returning({ id: ssoDomains.id });
  return deleted.length > 0;
}
