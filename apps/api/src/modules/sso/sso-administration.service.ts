// A firm admin's side of single sign-on: the firm's OpenID Connect connection and the email domains
// it proves by DNS. Routes check the firm admin role; this decides what the change may be.
import type { FirmRole, Transaction } from '@accord/db';
import { ApiProblem, badRequest, conflict, notFound } from '../../http/problems.ts';
import type { SecretBox } from '../auth/secret-box.ts';
import {
  connectionOf,
  deleteConnection,
  deleteDomain,
  domainOf,
  domainsOf,
  insertConnection,
  insertDomain,
  isDomainTaken,
  markDomainVerified,
  updateConnection,
  type ConnectionRow,
  type DomainRow,
} from './sso.queries.ts';
import { discoverProvider, newVerificationToken, verificationRecord, type SsoOptions } from './sso.service.ts';

export { sealedClientSecretOf } from './sso.queries.ts';

export function domainView(row: DomainRow) {
  const record = verificationRecord(row.domain, row.verificationToken);
  return {
    id: row.id,
    domain: row.domain,
    verified: row.verifiedAt !== null,
    verifiedAt: row.verifiedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    dnsRecordName: record.name,
    dnsRecordValue: record.value,
  };
}

export function connectionView({ defaultRole, createdAt, updatedAt, ...row }: ConnectionRow, redirectUri: string) {
  return {
    ...row,
    // the table's check constraint keeps firm_admin out
    defaultRole: defaultRole as Exclude<FirmRole, 'firm_admin'>,
    hasSecret: true as const,
    redirectUri,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  };
}

const domainTaken = () =>
  conflict('domain_taken', 'Another firm has already verified this domain; ask Accord support if it is yours.');

export async function getConnection(tx: Transaction, firmId: string) {
  const row = await connectionOf(tx, firmId);
  if (!row) throw notFound('single sign-on connection for this firm');
  return row;
}

export interface ConnectionSettings {
  issuer: string;
  clientId: string;
  defaultRole: Exclude<FirmRole, 'firm_admin'>;
  ssoOnly: boolean;
  enabled: boolean;
  updatedAt: Date;
  /** Present when a new client secret was given. */
  clientSecretSealed?: string;
}

export interface ConnectionInput {
  issuer: string;
  clientId: string;
  clientSecret?: string | undefined;
  defaultRole: Exclude<FirmRole, 'firm_admin'>;
  ssoOnly?: boolean | undefined;
  enabled?: boolean | undefined;
}

/**
 * What a connection change would store, once the issuer answers OpenID Connect discovery with the
 * given client (its secret, or the stored one when none is given). Runs outside any transaction: the
 * provider may be slow.
 */
export async function checkConnection(
  sso: SsoOptions,
  secretBox: SecretBox,
  input: ConnectionInput,
  storedSecret: string | undefined,
): Promise<{ settings: ConnectionSettings; sealedSecret: string }> {
  if (!storedSecret && !input.clientSecret) {
    throw badRequest('client_secret_required', 'Send the client secret to set up the connection.');
  }
  const clientSecret = input.clientSecret ?? secretBox.open(storedSecret!);
  const issuer = input.issuer.replace(/\/$/, '');
  const provider = await discoverProvider(sso, { issuer, clientId: input.clientId, clientSecret });
  const settings = {
    issuer: provider.serverMetadata().issuer,
    clientId: input.clientId,
    defaultRole: input.defaultRole,
    ssoOnly: input.ssoOnly ?? false,
    enabled: input.enabled ?? true,
    updatedAt: new Date(),
    ...(input.clientSecret ? { clientSecretSealed: secretBox.seal(input.clientSecret) } : {}),
  };
  return { settings, sealedSecret: secretBox.seal(clientSecret) };
}

/** Changes the firm's connection, or sets it up with the (sealed) client secret. */
export async function saveConnection(
  tx: Transaction,
  firmId: string,
  settings: ConnectionSettings,
  sealedSecret: string,
) {
  const updated = await updateConnection(tx, firmId, settings);
  if (updated) return updated;
  return insertConnection(tx, firmId, { ...settings, clientSecretSealed: sealedSecret });
}

export async function removeConnection(tx: Transaction, firmId: string): Promise<void> {
  if (!(await deleteConnection(tx, firmId))) throw notFound('single sign-on connection for this firm');
}

export async function listDomains(tx: Transaction, firmId: string) {
  return { items: (await domainsOf(tx, firmId)).map(domainView) };
}

export async function claimDomain(tx: Transaction, firmId: string, domain: string) {
  if (await isDomainTaken(tx, domain)) throw domainTaken();
  const row = await insertDomain(tx, firmId, domain, newVerificationToken());
  if (!row) throw conflict('domain_exists', 'Your firm has already claimed this domain.');
  return domainView(row);
}

export async function getDomain(tx: Transaction, firmId: string, domainId: string) {
  const row = await domainOf(tx, firmId, domainId);
  if (!row) throw notFound('domain');
  return row;
}

/** Refuses a domain whose DNS does not publish the firm's verification record (looked up beforehand). */
export function verificationMissing(domain: DomainRow) {
  const record = verificationRecord(domain.domain, domain.verificationToken);
  return new ApiProblem(
    422,
    'domain_verification_failed',
    'Unprocessable content',
    `No TXT record "${record.value}" at ${record.name} yet; publish it, wait for DNS, then try again.`,
  );
}

/** Marks a domain whose DNS record was found verified, unless another firm verified it first. */
export async function markVerified(tx: Transaction, firmId: string, domain: DomainRow) {
  if (await isDomainTaken(tx, domain.domain)) throw domainTaken();
  const row = await markDomainVerified(tx, firmId, domain.id);
  if (!row) throw notFound('domain');
  return domainView(row);
}

export async function removeDomain(tx: Transaction, firmId: string, domainId: string): Promise<void> {
  if (!(await deleteDomain(tx, firmId, domainId))) throw notFound('domain');
}
