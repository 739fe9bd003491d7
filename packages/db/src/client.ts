// One way to open the database: PostgreSQL through postgres.js when a URL is given, otherwise
// embedded PGlite (one in-process connection, data on disk or in memory).
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import postgres from 'postgres';
import * as schema from './schema/index.ts';
import { RUNTIME_ROLE, withTenant, type TenantContext } from './tenancy.ts';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export interface DatabaseHandle {
  readonly db: Database;
  readonly kind: 'postgres' | 'pglite';
  /** Applies pending migrations as the connecting (owner) role. */
  migrate(): Promise<void>;
  /** Throws unless the database answers. */
  ping(): Promise<void>;
  /**
   * Loads rows into a table as the runtime role acting for a firm: COPY on PostgreSQL, batched
   * inserts on PGlite (whose one connection must stay free between batches). Answers the row count.
   */
  copyRows(
    context: TenantContext,
    table: string,
    columns: readonly string[],
    rows: AsyncIterable<readonly (string | null)[]>,
  ): Promise<number>;
  /**
   * Runs work while holding an advisory lock named by `key`, or answers 'busy' at once when another
   * session holds it. The lock dies with its connection, so a killed process never leaves it held.
   * (PGlite has one session in one process: there the work just runs.)
   */
  exclusively<T>(key: string, work: () => Promise<T>): Promise<T | 'busy'>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL URL; when absent, embedded PGlite is used. */
  url?: string | undefined;
  /** PGlite data directory; absent means in memory. Ignored with a URL. */
  dataDir?: string | undefined;
  /** Pool size for PostgreSQL. */
  max?: number;
}

const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));
// Serialises migrators started at once by several processes against one PostgreSQL.
const MIGRATION_LOCK = 7_240_301;

export function openDatabase(options: OpenDatabaseOptions = {}): DatabaseHandle {
  if (options.url) return openPostgres(options.url, options.max ?? 10);
  return openPglite(options.dataDir);
}

function openPostgres(url: string, max: number): DatabaseHandle {
  const client = postgres(url, { max, onnotice: () => {} });
  const db = drizzlePostgres({ client, schema, casing: 'snake_case' }) as unknown as Database;
  return {
    db,
    kind: 'postgres',
    async migrate() {
      const single = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await single`select pg_advisory_lock(${MIGRATION_LOCK})`;
        await migratePostgres(drizzlePostgres({ client: single }), { migrationsFolder });
        await single`select pg_advisory_unlock(${MIGRATION_LOCK})`;
      } finally {
        await single.end();
      }
    },
    async ping() {
      await client`select 1`;
    },
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
    async copyRows(context, table, columns, rows) {
      let count = 0;
      await client.begin(async (tx) => {
        await tx`select set_config('app.firm_id', ${context.firmId ?? ''}, true),
                        set_config('app.user_id', ${context.userId ?? ''}, true),
                        set_config('role', ${RUNTIME_ROLE}, true)`;
        const target = `${quoteIdentifier(table)} (${columns.map(quoteIdentifier).join(', ')})`;
        const writable = await tx.unsafe(`COPY ${target} FROM STDIN (FORMAT csv)`).writable();
        // Rows go out in blocks of about 256 KB: one COPY message per row would cost a write each.
        async function* lines() {
          let block = '';
          for await (const row of rows) {
            count += 1;
            block += `${row.map(csvField).join(',')}\n`;
            if (block.length >= 256 * 1024) {
              yield block;
              block = '';
            }
          }
          if (block) yield block;
        }
        await pipeline(Readable.from(lines()), writable);
      });
      return count;
    },
    async close() {
      await client.end({ timeout: 5 });
    },
  };
}

function openPglite(dataDir: string | undefined): DatabaseHandle {
  const client = new PGlite(dataDir);
  const db = drizzlePglite({ client, schema, casing: 'snake_case' }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    async migrate() {
      await migratePglite(drizzlePglite({ client }), { migrationsFolder });
    },
    async ping() {
      await client.query('select 1');
    },
    exclusively: (_key, work) => work(),
    async copyRows(context, table, columns, rows) {
      const target = sql.raw(`${quoteIdentifier(table)} (${columns.map(quoteIdentifier).join(', ')})`);
      let batch: (readonly (string | null)[])[] = [];
      let count = 0;
      const flush = async () => {
        if (!batch.length) return;
        const values = sql.join(
          batch.map(
            (row) =>
              sql`(${sql.join(
                row.map((v) => sql`${v}`),
                sql`, `,
              )})`,
          ),
          sql`, `,
        );
        batch = [];
        await withTenant(db, context, (tx) => tx.execute(sql`insert into ${target} values ${values}`));
      };
      for await (const row of rows) {
        batch.push(row);
        count += 1;
        if (batch.length >= 500) await flush();
      }
      await flush();
      return count;
    },
    async close() {
      if (!client.closed) await client.close();
    },
  };
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

// CSV for COPY: NULL is an empty unquoted field, so every present value is quoted.
function csvField(value: string | null): string {
  if (value === null) return '';
  return value.includes('"') ? `"${value.replaceAll('"', '""')}"` : `"${value}"`;
}

/** Rows of a raw `db.execute` result, whichever driver answered. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export async function query<T>(db: Database | Transaction, statement: ReturnType<typeof sql>): Promise<T[]> {
  return rowsOf<T>(await db.execute(statement));
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
