// One way to open the database: PostgreSQL through postgres.js when a URL is given, otherwise
// embedded PGlite (one in-process connection, data on disk or in memory).
import { PGlite } from '@electric-sql/pglite';
import { nameSkeleton } from '@accord/domain/names';
import { DrizzleQueryError, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import postgres from 'postgres';
import type { Database, Transaction } from './database.ts';
import { firms } from './schema/identity.ts';
import { pipelining } from './pipelining.ts';
import { rowsOf, tenantSettings, withTenant, type TenantContext } from './tenancy.ts';

export type { Database, Schema, Transaction } from './database.ts';

export interface DatabaseHandle {
  readonly db: Database;
  readonly kind: 'postgres' | 'pglite';
  /** Applies pending migrations as the connecting (owner) role. */
  migrate(): Promise<void>;
  /** Throws unless the database answers. */
  ping(): Promise<void>;
  /**
   * How many of this build's migrations the database has not applied yet (0: up to date). A worker
   * waits for it to reach 0 before taking jobs, since the API (or a deploy step) migrates.
   */
  pendingMigrations(): Promise<number>;
  /**
   * Runs a bulk load: one transaction as the runtime role acting for a firm, on one connection, in
   * which rows can be appended to a table fast (COPY on PostgreSQL). Commits when `work` resolves.
   */
  bulkLoad<T>(context: TenantContext, work: (load: BulkLoad) => Promise<T>): Promise<T>;
  /**
   * Runs work while holding an advisory lock named by `key`, or answers 'busy' at once when another
   * session holds it. The lock dies with its connection, so a killed process never leaves it held.
   * (PGlite has one session in one process: there the work just runs.)
   */
  exclusively<T>(key: string, work: () => Promise<T>): Promise<T | 'busy'>;
  /**
   * Closes the connections once their statements finish, or after `timeoutSeconds` (default 5) cuts
   * them off: their open transactions roll back.
   */
  close(options?: { timeoutSeconds?: number }): Promise<void>;
}

export interface BulkLoad {
  /** Queries in the load's transaction. */
  readonly tx: Database | Transaction;
  /** Appends rows to a table in the load's transaction. */
  insertRows(table: string, columns: readonly string[], rows: readonly (readonly (string | null)[])[]): Promise<void>;
  /**
   * Reads a large result in pieces of `rowsPerPiece` rows (a cursor on PostgreSQL), so that it is never
   * held whole as row objects; PGlite hands over the whole result as one piece. Columns come back as
   * the server sends them: select numbers as int or float8, and exact values as text.
   */
  stream<T>(statement: SQL, rowsPerPiece: number, onRows: (rows: readonly T[]) => void | Promise<void>): Promise<void>;
  /**
   * Runs work whose writes are seen at once and outlive a rollback of the load (progress, rejected
   * rows): in a transaction of its own on PostgreSQL. PGlite has a single session, which the load
   * holds, so there the work joins the load's transaction.
   */
  aside<T>(work: (tx: Database | Transaction) => Promise<T>): Promise<T>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL URL; when absent, embedded PGlite is used. */
  url?: string | undefined;
  /** PGlite data directory; absent means in memory. Ignored with a URL. */
  dataDir?: string | undefined;
  /** Pool size for PostgreSQL. */
  max?: number;
  /**
   * Prepare statements on PostgreSQL (the default: a request's statements are planned once per
   * connection and pipelined). Off for analytics, whose statements want a plan for their parameters.
   */
  prepare?: boolean;
  /** Called with each statement drizzle runs and its parameters (debugging, and the reads benchmark's capture). */
  logQuery?: (query: string, params: unknown[]) => void;
  /**
   * PostgreSQL cancels a statement of this pool that runs longer (its `statement_timeout`, set once per
   * connection): a request's bound. None by default; PGlite has none.
   */
  statementTimeoutMs?: number;
  /** Called whenever one of the pool's PostgreSQL connections closes (lost, or recycled), for metrics. */
  onConnectionClosed?: () => void;
}

// Renders drizzle's sql templates to text and parameters for postgres.js cursors.
const dialect = new PgDialect({ casing: 'snake_case' });
const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));
// Serialises migrators started at once by several processes against one PostgreSQL.
const MIGRATION_LOCK = 7_240_301;

let journalTimes: number[] | undefined;
/** The creation times of this build's migrations, which drizzle's migrator records as `created_at` (read once). */
function migrationTimes(): number[] {
  journalTimes ??= (
    JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as { entries: Array<{ when: number }> }
  ).entries.map((entry) => entry.when);
  return journalTimes;
}

// drizzle's migrator applies every migration created after the newest one recorded; so does this count.
const pendingMigrationsQuery = sql`
  select coalesce(max(created_at), 0)::float8 as newest from drizzle.__drizzle_migrations`;

async function pendingMigrationsOf(db: Database): Promise<number> {
  const [exists] = rowsOf<{ found: boolean }>(
    await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as found`),
  );
  const times = migrationTimes();
  if (!exists?.found) return times.length;
  const [row] = rowsOf<{ newest: number }>(await db.execute(pendingMigrationsQuery));
  return times.filter((when) => when > (row?.newest ?? 0)).length;
}

export function openDatabase(options: OpenDatabaseOptions = {}): DatabaseHandle {
  const logger = options.logQuery ? { logQuery: options.logQuery } : undefined;
  if (options.url) return openPostgres(options.url, options, logger);
  return openPglite(options.dataDir, logger);
}

type QueryLogger = { logQuery: (query: string, params: unknown[]) => void } | undefined;

function openPostgres(url: string, options: OpenDatabaseOptions, logger: QueryLogger): DatabaseHandle {
  const closed = options.onConnectionClosed;
  const client = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    ...(options.statementTimeoutMs ? { connection: { statement_timeout: options.statementTimeoutMs } } : {}),
    ...(closed ? { onclose: () => closed() } : {}),
  });
  const db = drizzlePostgres({
    client: pipelining(client, { prepare: options.prepare ?? true }),
    casing: 'snake_case',
    ...(logger ? { logger } : {}),
  }) as unknown as Database;
  return {
    db,
    kind: 'postgres',
    async migrate() {
      const single = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await single`select pg_advisory_lock(${MIGRATION_LOCK})`;
        await migratePostgres(drizzlePostgres({ client: single }), { migrationsFolder });
        await fillNameSkeletons(drizzlePostgres({ client: single, casing: 'snake_case' }));
        await single`select pg_advisory_unlock(${MIGRATION_LOCK})`;
      } finally {
        await single.end();
      }
    },
    async ping() {
      await client`select 1`;
    },
    pendingMigrations: () => pendingMigrationsOf(db),
    async exclusively(key, work) {
      const session = await client.reserve();
      try {
        const [row] = await session`select pg_try_advisory_lock(hashtextextended(${key}, 0)) as locked`;
        if (!row?.locked) return 'busy';
        try {
          return await work();
        } finally {
          await session`select pg_advisory_unlock(hashtextextended(${key}, 0))`;
        }
      } finally {
        session.release();
      }
    },
    bulkLoad(context, work) {
      return client.begin(async (session) => {
        const settings = dialect.sqlToQuery(tenantSettings(context));
        await session.unsafe(settings.sql, settings.params as postgres.ParameterOrJSON<never>[]);
        // drizzle queries through `unsafe`, which a transaction has, and reads the parser options, which
        // only the pool has (the same object: the pool's parsers are already drizzle's)
        const txClient = Object.assign(session, { options: client.options }) as unknown as postgres.Sql;
        const tx = drizzlePostgres({ client: txClient, casing: 'snake_case' }) as unknown as Database;
        return work({
          tx,
          async insertRows(table, columns, rows) {
            const target = `${quoteIdentifier(table)} (${columns.map(quoteIdentifier).join(', ')})`;
            const writable = await session.unsafe(`COPY ${target} FROM STDIN (FORMAT csv)`).writable();
            let text = '';
            for (const row of rows) text += `${row.map(csvField).join(',')}\n`;
            await pipeline(Readable.from([text]), writable);
          },
          async stream<T>(statement: SQL, rowsPerPiece: number, onRows: (rows: readonly T[]) => void | Promise<void>) {
            const { sql: text, params } = dialect.sqlToQuery(statement);
            const pieces = session.unsafe(text, params as postgres.ParameterOrJSON<never>[]).cursor(rowsPerPiece);
            for await (const rows of pieces) await onRows(rows as unknown as T[]);
          },
          aside: (asideWork) => withTenant(db, context, asideWork),
        });
      }) as Promise<Awaited<ReturnType<typeof work>>>;
    },
    async close({ timeoutSeconds = 5 } = {}) {
      await client.end({ timeout: timeoutSeconds });
    },
  };
}

function openPglite(dataDir: string | undefined, logger: QueryLogger): DatabaseHandle {
  const client = new PGlite(dataDir);
  const db = drizzlePglite({
    client,
    casing: 'snake_case',
    ...(logger ? { logger } : {}),
  }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    async migrate() {
      await migratePglite(drizzlePglite({ client }), { migrationsFolder });
      await fillNameSkeletons(db);
    },
    async ping() {
      await client.query('select 1');
    },
    pendingMigrations: () => pendingMigrationsOf(db),
    exclusively: (_key, work) => work(),
    bulkLoad(context, work) {
      return withTenant(db, context, (tx) =>
        work({
          tx,
          async insertRows(table, columns, rows) {
            const target = sql.raw(`${quoteIdentifier(table)} (${columns.map(quoteIdentifier).join(', ')})`);
            // within PostgreSQL's 65,535 parameters a statement
            const perStatement = Math.floor(60_000 / columns.length);
            for (let i = 0; i < rows.length; i += perStatement) {
              const values = rows.slice(i, i + perStatement).map(
                (row) =>
                  sql`(${sql.join(
                    row.map((v) => sql`${v}`),
                    sql`, `,
                  )})`,
              );
              await tx.execute(sql`insert into ${target} values ${sql.join(values, sql`, `)}`);
            }
          },
          async stream<T>(statement: SQL, _rowsPerPiece: number, onRows: (rows: readonly T[]) => void | Promise<void>) {
            await onRows(rowsOf<T>(await tx.execute(statement)));
          },
          aside: (asideWork) => asideWork(tx),
        }),
      );
    },
    async close() {
      if (!client.closed) await client.close();
    },
  };
}

/** Firms created before their names' skeletons were kept get theirs (migration 0039). */
async function fillNameSkeletons(db: Database): Promise<void> {
  const missing = await db.select({ id: firms.id, name: firms.name }).from(firms).where(isNull(firms.nameSkeleton));
  for (const firm of missing) {
    await db
      .update(firms)
      .set({ nameSkeleton: nameSkeleton(firm.name) })
      .where(eq(firms.id, firm.id));
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

// CSV for COPY: NULL is an empty unquoted field, so every present value is quoted.
function csvField(value: string | null): string {
  if (value === null) return '';
  return value.includes('"') ? `"${value.replaceAll('"', '""')}"` : `"${value}"`;
}

export async function query<T>(db: Database | Transaction, statement: ReturnType<typeof sql>): Promise<T[]> {
  return rowsOf<T>(await db.execute(statement));
}

// Errors that say the database is away (restarting, unreachable, the connection lost), not that a
// statement is wrong: postgres.js's connection errors, the socket's, and SQLSTATE classes 08 and 57P.
const unavailableCodes = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECTION_ENDED',
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/** True when `error` (or its cause) means the database could not be reached; retrying later may succeed. */
export function databaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== 'string') continue;
    if (unavailableCodes.has(code) || code.startsWith('08') || code.startsWith('57P')) return true;
  }
  return false;
}

export interface DatabaseError {
  /** SQLSTATE, e.g. 23505 for a unique violation, 42501 for a privilege or policy refusal. */
  code: string;
  message: string;
  constraint?: string;
}

/** The PostgreSQL error behind a failed query (drizzle wraps the driver's error as `cause`). */
export function databaseErrorOf(error: unknown): DatabaseError | undefined {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
      const constraint =
        (e as { constraint?: string; constraint_name?: string }).constraint ??
        (e as { constraint_name?: string }).constraint_name;
      return { code, message: e.message, ...(constraint ? { constraint } : {}) };
    }
  }
  return undefined;
}

/**
 * An error as it may be logged: a failed drizzle statement keeps its text and its cause (PostgreSQL's
 * code and message) but loses its parameters, which can be password hashes, token hashes or raw
 * identifiers. Any other error is as it was.
 */
export function loggableError(error: unknown): unknown {
  if (!(error instanceof DrizzleQueryError)) return error;
  const safe = new Error(`Failed query: ${error.query}`, { cause: error.cause });
  safe.name = 'DrizzleQueryError';
  const frames = (error.stack ?? '').split('\n').filter((line) => line.startsWith('    at '));
  safe.stack = [`${safe.name}: ${safe.message}`, ...frames].join('\n');
  return safe;
}
