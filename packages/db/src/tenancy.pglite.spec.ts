import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseErrorOf, openDatabase, query, type DatabaseHandle } from './client.ts';
import { firms, networkMemberships, networks, users } from './schema/index.ts';
import { withTenant } from './tenancy.ts';

// Row-level security on embedded PGlite: the same migrations and policies as on PostgreSQL.
describe('tenancy on PGlite', () => {
  let handle: DatabaseHandle;
  const ids = { a: '', b: '', c: '', userA: '' };

  beforeAll(async () => {
    handle = openDatabase();
    await handle.migrate();
    const [a, b, c] = await handle.db
      .insert(firms)
      .values([
        { name: 'Alpha', slug: 'alpha', chainRole: 'manufacturer' },
        { name: 'Beta', slug: 'beta', chainRole: 'retailer' },
        { name: 'Gamma', slug: 'gamma', chainRole: 'retailer' },
      ])
      .returning({ id: firms.id });
    ids.a = a!.id;
    ids.b = b!.id;
    ids.c = c!.id;
    const [u] = await handle.db
      .insert(users)
      .values({ email: 'a@alpha.example', name: 'A', passwordHash: 'x' })
      .returning({ id: users.id });
    ids.userA = u!.id;
    const [n] = await handle.db
      .insert(networks)
      .values({ name: 'Chain', focalFirmId: ids.a })
      .returning({ id: networks.id });
    await handle.db.insert(networkMemberships).values([
      { networkId: n!.id, firmId: ids.a, chainRole: 'manufacturer', status: 'active' },
      { networkId: n!.id, firmId: ids.b, chainRole: 'retailer', status: 'active' },
    ]);
  });
  afterAll(() => handle.close());

  it('runs requests as the runtime role with the firm set', async () => {
    const [row] = await withTenant(handle.db, { firmId: ids.a, userId: null }, (tx) =>
      query<{ role: string; firm: string }>(tx, sql`select current_user as role, app_firm_id()::text as firm`),
    );
    expect(row).toEqual({ role: 'accord_app', firm: ids.a });
  });

  it('shows a firm only the firms it shares a network with', async () => {
    const seenByB = await withTenant(handle.db, { firmId: ids.b, userId: null }, (tx) =>
      tx.select({ slug: firms.slug }).from(firms).orderBy(firms.slug),
    );
    expect(seenByB.map((f) => f.slug)).toEqual(['alpha', 'beta']);
    const seenByC = await withTenant(handle.db, { firmId: ids.c, userId: null }, (tx) =>
      tx.select({ slug: firms.slug }).from(firms),
    );
    expect(seenByC.map((f) => f.slug)).toEqual(['gamma']);
  });

  it('never hands password hashes to the runtime role', async () => {
    const error = await withTenant(handle.db, { firmId: ids.a, userId: ids.userA }, (tx) =>
      query(tx, sql`select password_hash from users`),
    ).catch((e: unknown) => e);
    expect(databaseErrorOf(error)?.code).toBe('42501');
  });

  it('refuses writes into another firm', async () => {
    const insert = await withTenant(handle.db, { firmId: ids.c, userId: null }, (tx) =>
      tx.insert(networks).values({ name: 'Hijack', focalFirmId: ids.a }),
    ).catch((e: unknown) => e);
    expect(databaseErrorOf(insert)?.message).toMatch(/row-level security/);
    // firms has no update policy for the runtime role: the row is simply not there to update
    const updated = await withTenant(handle.db, { firmId: ids.c, userId: null }, (tx) =>
      tx.update(firms).set({ name: 'Mine now' }).where(eq(firms.id, ids.a)).returning({ id: firms.id }),
    ).catch((e: unknown) => e);
    expect(updated instanceof Error ? databaseErrorOf(updated)?.code : updated).toSatisfy(
      (outcome) => outcome === '42501' || (Array.isArray(outcome) && outcome.length === 0),
    );
  });

  it('answers aggregate-level grants from released months, as on PostgreSQL', async () => {
    // B's transactions two months back: 12 customers on the web, 1 in store; A may see them at k = 10
    await handle.db.execute(sql`
      insert into transactions (network_id, firm_id, customer_key, batch_id, order_id, line_no, occurred_at, sku,
                                quantity, net_amount, currency, channel)
      select m.network_id, ${ids.b}::uuid, lpad(i::text, 64, '0'), gen_random_uuid(), 'o' || i, 1,
             date_trunc('month', now()) - interval '2 months' + interval '3 days', 'S', 1, 10, 'EUR',
             (case when i = 13 then 'store' else 'web' end)::sales_channel
      from generate_series(1, 13) i, (select network_id from network_memberships where firm_id = ${ids.b}) m`);
    await handle.db.execute(sql`
      insert into sharing_agreements (network_id, owner_firm_id, grantee_firm_id, dataset, level, min_group_size,
                                      purpose, status)
      select network_id, ${ids.b}::uuid, ${ids.a}::uuid, 'transactions', 'aggregate', 10, 'sizing', 'active'
      from network_memberships where firm_id = ${ids.b}`);
    const read = (by = 'channel') =>
      withTenant(handle.db, { firmId: ids.a, userId: null }, (tx) =>
        query<{ grp: string | null; customers: string | number; amount: string | number }>(
          tx,
          sql`select a.grp, a.customers, a.amount from network_memberships m,
                lateral app_aggregate('transactions', m.network_id, ${by}) a
              where m.firm_id = ${ids.a}`,
        ),
      ).then((rows) => rows.map((r) => [r.grp, Number(r.customers), Number(r.amount)]));
    // the lone store customer counts towards no figure, and a second read is answered from the release
    expect(await read()).toEqual([['web', 12, 120]]);
    expect(await read('none')).toEqual([[null, 12, 120]]);
  });
});
