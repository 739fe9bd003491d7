// postgres.js as drizzle should drive it, so that a request's transaction costs as few round trips as
// its statements allow:
//   - Statements are prepared. drizzle asks postgres.js not to prepare unless a query is named, and an
//     unprepared statement with parameters makes postgres.js ask the server for the parameters' types
//     first: two round trips for every statement, and nothing pipelined behind it. A prepared one is
//     described once per connection and then sent in one go, pipelined with whatever follows. Bulk
//     statements (many parameters, text that varies with the row count) stay unprepared, so a
//     connection does not keep a plan for each of them.
//   - A transaction's BEGIN is not awaited on its own: it goes out with the transaction's first
//     statements (postgres.js sends what is queued on a connection together), so BEGIN, the tenancy
//     settings and the access check are one round trip.
import type postgres from 'postgres';

/** Statements with more parameters than this are not prepared. */
export const PREPARE_MAX_PARAMETERS = 64;

type Unsafe = postgres.Sql['unsafe'];

export interface PipeliningOptions {
  /** Prepare statements (the default); off, every statement is planned for its parameters each time. */
  prepare?: boolean;
}

/** The pool as drizzle gets it: prepared statements, and transactions whose BEGIN is pipelined. */
export function pipelining(pool: postgres.Sql, options: PipeliningOptions = {}): postgres.Sql {
  const prepare = options.prepare ?? true;
  const unsafe = preparedUnsafe(pool, prepare);
  const begin = async (work: (tx: postgres.Sql) => Promise<unknown>) => {
    const session = await pool.reserve();
    // a failed BEGIN fails the statements queued behind it, and is thrown again at the commit
    const begun = session.unsafe('begin');
    begun.catch(() => {});
    try {
      const result = await work(withUnsafe(session, preparedUnsafe(session, prepare)));
      await begun;
      await session.unsafe('commit');
      return result;
    } catch (error) {
      await session.unsafe('rollback').catch(() => {});
      throw error;
    } finally {
      session.release();
    }
  };
  return new Proxy(pool, {
    get(target, property, receiver) {
      if (property === 'unsafe') return unsafe;
      if (property === 'begin') return begin;
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

function preparedUnsafe(sql: postgres.Sql, prepare: boolean): Unsafe {
  return ((
    text: string,
    parameters: postgres.ParameterOrJSON<never>[] = [],
    options: postgres.UnsafeQueryOptions = {},
  ) =>
    sql.unsafe(text, parameters, {
      ...options,
      prepare: prepare && parameters.length > 0 && parameters.length <= PREPARE_MAX_PARAMETERS,
    })) as Unsafe;
}

function withUnsafe(session: postgres.ReservedSql, unsafe: Unsafe): postgres.Sql {
  return new Proxy<postgres.Sql>(session, {
    get(target, property, receiver) {
      if (property === 'unsafe') return unsafe;
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}
