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
});
