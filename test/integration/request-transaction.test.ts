// A request's transaction on PostgreSQL (packages/db/src/pipelining.ts, withTenantGate): BEGIN, the
// tenancy settings and the access check go out together, statements are prepared, and none of that
// changes what a transaction sees or keeps.
import {
  databaseErrorOf,
  openDatabase,
  query,
  withTenant,
  withTenantGate,
  withTenantGateAhead,
  type DatabaseHandle,
} from '@accord/db';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';

let database: DatabaseHandle;
let observer: postgres.Sql;
const firmId = '00000000-0000-4000-8000-00000000f001';
const userId = '00000000-0000-4000-8000-00000000a001';

beforeAll(async () => {
  database = openDatabase({ url: inject('databaseUrl'), max: 3 });
  observer = postgres(inject('databaseUrl'), { max: 1, onnotice: () => {} });
  await observer`create table if not exists request_transaction_probe (n int)`;
  await observer`grant insert, select on request_transaction_probe to accord_app`;
});

afterAll(async () => {
  await observer`drop table if exists request_transaction_probe`;
  await observer.end();
  await database.close();
});

describe('a gated transaction', () => {
  it('runs its gate after the settings, as the runtime role, every time, also when many run at once', async () => {
    const seen = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        withTenantGate<{ firm: string; user: string; role: string }, string>(
          database.db,
          { firmId, userId: i % 2 ? userId : null },
          sql`select current_setting('app.firm_id', true) as firm, current_setting('app.user_id', true) as user,
                     current_user as role`,
          async (_tx, gate) => `${gate?.firm}|${gate?.user}|${gate?.role}`,
        ),
      ),
    );
    seen.forEach((s, i) => expect(s).toBe(`${firmId}|${i % 2 ? userId : ''}|accord_app`));
  });

  it('keeps its settings to itself: the next transaction on the connection starts clean', async () => {
    // one connection, so the second transaction runs where the first ran
    const single = openDatabase({ url: inject('databaseUrl'), max: 1 });
    try {
      await withTenantGate(single.db, { firmId, userId }, sql`select 1`, async () => undefined);
      const [after] = await query<{ firm: string | null; role: string }>(
        single.db,
        sql`select current_setting('app.firm_id', true) as firm, current_user as role`,
      );
      expect(after?.firm ?? '').toBe('');
      expect(after?.role).not.toBe('accord_app');
    } finally {
      await single.close();
    }
  });

  it('rolls back what the work wrote when the work fails, and the connection serves the next one', async () => {
    const single = openDatabase({ url: inject('databaseUrl'), max: 1 });
    try {
      await expect(
        withTenantGate(single.db, { firmId, userId }, sql`select 1 as one`, async (tx) => {
          await tx.execute(sql`insert into request_transaction_probe values (1)`);
          throw new Error('refused after writing');
        }),
      ).rejects.toThrow('refused after writing');
      await withTenant(single.db, { firmId, userId }, (tx) =>
        tx.execute(sql`insert into request_transaction_probe values (2)`),
      );
      expect(await observer`select n from request_transaction_probe order by n`).toEqual([{ n: 2 }]);
    } finally {
      await single.close();
    }
  });

  it('fails with the gate statement error and keeps nothing', async () => {
    const failed = await withTenantGate(database.db, { firmId, userId }, sql`select 1 / 0 as broken`, async (tx) => {
      await tx.execute(sql`insert into request_transaction_probe values (3)`);
    }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(databaseErrorOf(failed)?.code).toBe('22012'); // division_by_zero
    expect(await observer`select n from request_transaction_probe where n = 3`).toEqual([]);
  });
});

describe('a read sent ahead of its gate (withTenantGateAhead)', () => {
  it('sees the settings although it started before the gate answered, also when many run at once', async () => {
    const seen = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        withTenantGateAhead<{ one: number }, string>(
          database.db,
          { firmId, userId: i % 2 ? userId : null },
          sql`select 1 as one`,
          (gate) => expect(gate?.one).toBe(1),
          async (tx) => {
            const [row] = await query<{ firm: string; user: string; role: string }>(
              tx,
              sql`select current_setting('app.firm_id', true) as firm, current_setting('app.user_id', true) as user,
                         current_user as role`,
            );
            return `${row?.firm}|${row?.user}|${row?.role}`;
          },
        ),
      ),
    );
    seen.forEach((s, i) => expect(s).toBe(`${firmId}|${i % 2 ? userId : ''}|accord_app`));
  });

  it('goes out in the same round trip as the settings and the gate', async () => {
    // the work does not wait for the gate: its statement is on the wire before the gate has answered
    let gateAnswered = false;
    await withTenantGateAhead<{ slept: string }, void>(
      database.db,
      { firmId, userId },
      sql`select pg_sleep(0.3)::text as slept`,
      () => {
        gateAnswered = true;
      },
      async (tx) => {
        await tx.execute(sql`select 1`);
        expect(gateAnswered).toBe(false);
      },
    );
    expect(gateAnswered).toBe(true);
  });

  it('is refused by the gate whatever the work did: the refusal wins, and what the work wrote is rolled back', async () => {
    const single = openDatabase({ url: inject('databaseUrl'), max: 1 });
    try {
      const refused = await withTenantGateAhead(
        single.db,
        { firmId, userId },
        sql`select false as live`,
        (gate: { live: boolean } | undefined) => {
          if (!gate?.live) throw new Error('session ended');
        },
        async (tx) => {
          await tx.execute(sql`insert into request_transaction_probe values (4)`);
          throw new Error('the work failed too');
        },
      ).then(
        () => null,
        (error: unknown) => error,
      );
      expect((refused as Error).message).toBe('session ended');
      // the connection serves the next transaction, which keeps its write
      await withTenant(single.db, { firmId, userId }, (tx) =>
        tx.execute(sql`insert into request_transaction_probe values (5)`),
      );
      expect(await observer`select n from request_transaction_probe where n in (4, 5) order by n`).toEqual([{ n: 5 }]);
    } finally {
      await single.close();
    }
  });
});

describe('statements', () => {
  it('are prepared once per connection, and bulk ones are not', async () => {
    const single = openDatabase({ url: inject('databaseUrl'), max: 1 });
    try {
      const marker = `probe_${Date.now()}`;
      for (let i = 0; i < 3; i++) {
        await withTenant(single.db, { firmId, userId }, (tx) =>
          tx.execute(sql`select ${i}::int as ${sql.raw(marker)}`),
        );
      }
      const many = Array.from({ length: 100 }, (_, i) => sql`${i}::int`);
      await query(single.db, sql`select greatest(${sql.join(many, sql`, `)}) as bulk_${sql.raw(marker)}`);
      const prepared = await query<{ statement: string }>(
        single.db,
        sql`select statement from pg_prepared_statements where statement like ${`%${marker}%`} and statement not like '%pg_prepared_statements%'`,
      );
      expect(prepared.map((p) => p.statement)).toEqual([`select $1::int as ${marker}`]);
    } finally {
      await single.close();
    }
  });
});
