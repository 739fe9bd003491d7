// The types of a database connection and of a transaction on it, for every module of this package.
// drizzle is given no schema: queries name their tables, and without relational queries (`db.query`)
// a transaction does not build a query builder for every table each time it starts.
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema/index.ts';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT>;
/** The transaction `Database.transaction` hands its work. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
