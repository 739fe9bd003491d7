// Sharing agreements: owners grant, grantees ask, owners approve, decline or revoke. Row-level
// security decides who sees and writes which agreement; this service checks the terms and the
// transitions, and answers agreements with both firms named.
import { todayUtc } from '@accord/domain';
import {
  accessLog,
  databaseErrorOf,
  firms,
  logReads,
  networkMemberships,
  query,
  sharingAgreements,
  users,
  type AgreementStatus,
  type Dataset,
  type Reader,
  type SharingLevel,
  type Transaction,
} from '@accord/db';
import { and, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { paginate, type PageRequest, type PageWindow } from '../../http/pagination.ts';
import { ApiProblem, badRequest, conflict, notFound } from '../../http/problems.ts';

const owner = alias(firms, 'owner');
const grantee = alias(firms, 'grantee');

export interface AgreementFilter {
  status?: AgreementStatus;
  dataset?: Dataset;
  side?: 'granted' | 'received';
}

export async function listAgreements(tx: Transaction, firmId: string, networkId: string, filter: AgreementFilter = {}) {
  const conditions: (SQL | undefined)[] = [eq(sharingAgreements.networkId, networkId)];
  if (filter.status) conditions.push(eq(sharingAgreements.status, filter.status));
  if (filter.dataset) conditions.push(eq(sharingAgreements.dataset, filter.dataset));
  if (filter.side === 'granted') conditions.push(eq(sharingAgreements.ownerFirmId, firmId));
  if (filter.side === 'received') {
    // row-level security already limits these to agreements to this firm or to the whole network
    conditions.push(or(eq(sharingAgreements.granteeFirmId, firmId), sql`${sharingAgreements.granteeFirmId} is null`));
    conditions.push(sql`${sharingAgreements.ownerFirmId} <> ${firmId}`);
  }
  const rows = await tx
    .select({
      a: sharingAgreements,
      ownerName: owner.name,
      granteeName: grantee.name,
      inEffect: sql<boolean>`(${sharingAgreements.status} = 'active' and ${sharingAgreements.startsOn} <= current_date
        and (${sharingAgreements.endsOn} is null or ${sharingAgreements.endsOn} >= current_date))`,
    })
    .from(sharingAgreements)
    .innerJoin(owner, eq(owner.id, sharingAgreements.ownerFirmId))
    .leftJoin(grantee, eq(grantee.id, sharingAgreements.granteeFirmId))
    .where(and(...conditions))
    .orderBy(desc(sharingAgreements.createdAt), desc(sharingAgreements.id));
  return rows.map(({ a, ownerName, granteeName, inEffect }) => ({
    id: a.id,
    networkId: a.networkId,
    owner: { id: a.ownerFirmId, name: ownerName },
    grantee: a.granteeFirmId ? { id: a.granteeFirmId, name: granteeName ?? '' } : null,
    dataset: a.dataset,
    level: a.level,
    minGroupSize: a.minGroupSize,
    purpose: a.purpose,
    startsOn: a.startsOn,
    endsOn: a.endsOn,
    status: a.status,
    inEffect,
    requested: a.requestedByUserId !== null,
    decisionReason: a.decisionReason,
    createdAt: a.createdAt.toISOString(),
    decidedAt: a.decidedAt?.toISOString() ?? null,
    revokedAt: a.revokedAt?.toISOString() ?? null,
  }));
}

export async function getAgreement(tx: Transaction, firmId: string, networkId: string, agreementId: string) {
  const rows = await listAgreements(tx, firmId, networkId);
  const found = rows.find((a) => a.id === agreementId);
  if (!found) throw notFound('agreement in this network');
  return found;
}

/** The other party must be an active member of the network, and not the acting firm itself. */
export async function assertPartner(tx: Transaction, networkId: string, firmId: string, actingFirmId: string) {
  if (firmId === actingFirmId) {
    throw new ApiProblem(
      422,
      'own_firm',
      'Unprocessable content',
      'An agreement is between your firm and another one.',
    );
  }
  const [member] = await tx
    .select({ status: networkMemberships.status })
    .from(networkMemberships)
    .where(and(eq(networkMemberships.networkId, networkId), eq(networkMemberships.firmId, firmId)));
  if (member?.status !== 'active') {
    throw new ApiProblem(
      422,
      'not_an_active_member',
      'Unprocessable content',
      'That firm is not an active member of this network.',
    );
  }
}

export interface AgreementTerms {
  ownerFirmId: string;
  granteeFirmId: string | null;
  dataset: Dataset;
  level: 'customer' | 'aggregate';
  minGroupSize?: number | undefined;
  purpose: string;
  startsOn?: string | undefined;
  endsOn?: string | null | undefined;
}

/**
 * A grant by the owner (in effect at once) or a request by the grantee (waiting for the owner),
 * whichever side the acting firm is on.
 */
export async function createAgreement(
  tx: Transaction,
  actor: { firmId: string; userId: string | null },
  networkId: string,
  terms: AgreementTerms,
) {
  const startsOn = terms.startsOn ?? todayUtc();
  if (terms.endsOn && terms.endsOn < startsOn) {
    throw new ApiProblem(422, 'invalid_dates', 'Unprocessable content', 'endsOn must not be before startsOn.');
  }
  const granting = terms.ownerFirmId === actor.firmId;
  const [created] = await tx
    .insert(sharingAgreements)
    .values({
      networkId,
      ownerFirmId: terms.ownerFirmId,
      granteeFirmId: terms.granteeFirmId,
      dataset: terms.dataset,
      level: terms.level,
      ...(terms.minGroupSize ? { minGroupSize: terms.minGroupSize } : {}),
      purpose: terms.purpose,
      startsOn,
      endsOn: terms.endsOn ?? null,
      ...(granting
        ? { status: 'active' as const, decidedByUserId: actor.userId, decidedAt: new Date() }
        : { status: 'requested' as const, requestedByUserId: actor.userId }),
    })
    .returning({ id: sharingAgreements.id });
  return getAgreement(tx, actor.firmId, networkId, created!.id);
}

/** Moves an agreement of the acting firm's data from one status to the next, or says why not. */
export async function decide(
  tx: Transaction,
  actingFirmId: string,
  userId: string | null,
  networkId: string,
  agreementId: string,
  from: AgreementStatus,
  to: AgreementStatus,
  reason: string | undefined,
) {
  const current = await getAgreement(tx, actingFirmId, networkId, agreementId);
  if (current.owner.id !== actingFirmId) {
    throw new ApiProblem(403, 'owner_required', 'Forbidden', 'Only the firm whose data it is can decide on it.');
  }
  if (current.status !== from) {
    throw conflict('invalid_transition', `The agreement is ${current.status}; only a ${from} one can become ${to}.`);
  }
  const now = new Date();
  await tx
    .update(sharingAgreements)
    .set({
      status: to,
      decisionReason: reason ?? null,
      ...(to === 'revoked' ? { revokedAt: now } : { decidedAt: now, decidedByUserId: userId }),
    })
    .where(eq(sharingAgreements.id, agreementId));
  return getAgreement(tx, actingFirmId, networkId, agreementId);
}

interface AggregateRow {
  owner_firm_id: string;
  owner_name: string;
  min_group_size: number;
  grp: string | null;
  pooled: boolean;
  customers: string;
  row_count: string;
  amount: string | null;
  quantity: string | null;
  released_through: string | null;
}

/**
 * Grouped results through the database's aggregate layer (which answers aggregate-level grants from
 * released months under each owner's k), and one access-log entry per other firm whose data they show.
 */
export async function readAggregates(tx: Transaction, reader: Reader, networkId: string, dataset: Dataset, by: string) {
  let rows: AggregateRow[];
  try {
    rows = await query<AggregateRow>(
      tx,
      sql`select a.owner_firm_id, a.min_group_size, a.grp, a.pooled, a.customers, a.row_count, a.amount, a.quantity,
                 a.released_through::text as released_through, f.name as owner_name
          from app_aggregate(${dataset}::dataset, ${networkId}::uuid, ${by}) a
          join firms f on f.id = a.owner_firm_id`,
    );
  } catch (error) {
    if (databaseErrorOf(error)?.code === '22023') {
      throw badRequest(
        'invalid_dimension',
        `${dataset} cannot be grouped by ${by}; see the by parameter for each dataset.`,
      );
    }
    throw error;
  }
  const others = [...new Set(rows.filter((r) => r.owner_firm_id !== reader.firmId).map((r) => r.owner_firm_id))];
  await logReads(
    tx,
    reader,
    networkId,
    others.map((owner) => {
      const groups = rows.filter((r) => r.owner_firm_id === owner);
      return {
        ownerFirmId: owner,
        dataset,
        level: groups[0]!.min_group_size > 1 ? ('aggregate' as const) : ('customer' as const),
        reading: `aggregates by ${by}`,
        groupCount: groups.length,
        rowCount: groups.reduce((sum, g) => sum + Number(g.row_count), 0),
      };
    }),
  );
  return rows.map((r) => ({
    owner: { id: r.owner_firm_id, name: r.owner_name },
    group: r.grp,
    pooled: r.pooled,
    customers: Number(r.customers),
    rows: Number(r.row_count),
    amount: r.amount,
    quantity: r.quantity,
    minGroupSize: r.min_group_size,
    releasedThrough: r.released_through,
  }));
}

const reader = alias(firms, 'reader');

/** Who read the firm's data, newest first, a page at a time. */
export function listAccessLog(tx: Transaction, ownerFirmId: string, request: PageRequest) {
  return paginate(request, (window) => accessLogOf(tx, ownerFirmId, window), {
    parts: 1,
    key: (e) => [String(e.id)],
  });
}

async function accessLogOf(tx: Transaction, ownerFirmId: string, window: PageWindow) {
  const after = window.after?.[0];
  const rows = await tx
    .select({
      id: accessLog.id,
      at: accessLog.at,
      networkId: accessLog.networkId,
      readerId: accessLog.readerFirmId,
      readerName: reader.name,
      readerUserId: accessLog.readerUserId,
      readerUserName: users.name,
      readerApiKeyId: accessLog.readerApiKeyId,
      dataset: accessLog.dataset,
      level: accessLog.level,
      purpose: accessLog.purpose,
      reading: accessLog.reading,
      rowCount: accessLog.rowCount,
      groupCount: accessLog.groupCount,
    })
    .from(accessLog)
    .innerJoin(reader, eq(reader.id, accessLog.readerFirmId))
    .leftJoin(users, eq(users.id, accessLog.readerUserId))
    .where(and(eq(accessLog.ownerFirmId, ownerFirmId), after ? lt(accessLog.id, Number(after)) : undefined))
    .orderBy(desc(accessLog.id))
    .limit(window.take);
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    networkId: r.networkId,
    reader: { id: r.readerId, name: r.readerName },
    readerUser: r.readerUserId ? { id: r.readerUserId, name: r.readerUserName ?? '' } : null,
    readerApiKeyId: r.readerApiKeyId,
    dataset: r.dataset,
    level: r.level,
    purpose: r.purpose,
    reading: r.reading,
    rowCount: r.rowCount,
    groupCount: r.groupCount,
  }));
}

interface CatalogRow {
  owner_firm_id: string;
  owner_name: string;
  dataset: Dataset;
  batches: string | number;
  last_loaded_at: Date | string;
  agreement_id: string | null;
  grantee_firm_id: string | null;
  grantee_name: string | null;
  level: SharingLevel | null;
  min_group_size: number | null;
}

/**
 * The dataset catalog: per member firm and dataset it has published in the network (batches, last
 * load) the agreements in force on it. Through the database's `app_dataset_catalog`, which answers only
 * to an active member and never row counts.
 */
export async function datasetCatalog(tx: Transaction, networkId: string) {
  const rows = await query<CatalogRow>(
    tx,
    sql`select * from app_dataset_catalog(${networkId}::uuid) c
        order by c.owner_name, c.owner_firm_id, c.dataset, c.grantee_name nulls first, c.grantee_firm_id,
          c.level, c.min_group_size, c.agreement_id`,
  );
  const entries = new Map<
    string,
    {
      owner: { id: string; name: string };
      dataset: Dataset;
      batches: number;
      lastLoadedAt: string;
      sharedWith: { grantee: { id: string; name: string } | null; level: SharingLevel; minGroupSize: number }[];
    }
  >();
  for (const r of rows) {
    const key = `${r.owner_firm_id}:${r.dataset}`;
    const entry = entries.get(key) ?? {
      owner: { id: r.owner_firm_id, name: r.owner_name },
      dataset: r.dataset,
      batches: Number(r.batches),
      lastLoadedAt: new Date(r.last_loaded_at).toISOString(),
      sharedWith: [],
    };
    entries.set(key, entry);
    if (r.agreement_id && r.level && r.min_group_size !== null) {
      entry.sharedWith.push({
        grantee: r.grantee_firm_id ? { id: r.grantee_firm_id, name: r.grantee_name ?? '' } : null,
        level: r.level,
        minGroupSize: r.min_group_size,
      });
    }
  }
  return [...entries.values()];
}
