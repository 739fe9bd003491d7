import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFirm, signIn, startHarness, unique, type Harness, type SignedIn } from './harness.ts';

let h: Harness;
let northwind: SignedIn;
beforeAll(async () => {
  h = await startHarness();
  northwind = await signIn(h.app, 'admin@northwind.example');
});
afterAll(() => h.close());

interface Member {
  firm: { id: string; slug: string; name: string };
  status: string;
  relationshipStage: string;
  chainRole: string;
  executiveSponsor: { email: string } | null;
  isFocalFirm: boolean;
}

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, as: SignedIn, payload?: object) =>
  h.app.inject({ method, url, headers: as.headers, ...(payload ? { payload } : {}) });

describe('the demo network', () => {
  it('lists seven active members with roles, stages and sponsors', async () => {
    const networks = (await call('GET', '/v1/networks', northwind)).json<{
      items: Array<{ id: string; name: string; activeMembers: number }>;
    }>();
    const demo = networks.items.find((n) => n.name === 'Northwind Appliances value chain')!;
    expect(demo.activeMembers).toBe(7);
    const members = (await call('GET', `/v1/networks/${demo.id}/members`, northwind)).json<{ items: Member[] }>().items;
    expect(members.map((m) => m.firm.slug).sort()).toEqual([
      'adventure',
      'contoso',
      'fabrikam',
      'litware',
      'northwind',
      'tailspin',
      'wingtip',
    ]);
    expect(members.find((m) => m.firm.slug === 'northwind')).toMatchObject({
      isFocalFirm: true,
      chainRole: 'manufacturer',
    });
    expect(members.find((m) => m.firm.slug === 'litware')).toMatchObject({
      chainRole: 'logistics_provider',
      status: 'active',
      executiveSponsor: { email: 'manager@litware.example' },
    });
    // members see each other too
    const tailspin = await signIn(h.app, 'analyst@tailspin.example');
    const seen = (await call('GET', `/v1/networks/${demo.id}/members?limit=3`, tailspin)).json<{
      items: Member[];
      nextCursor: string;
    }>();
    expect(seen.items).toHaveLength(3);
    const rest = (await call('GET', `/v1/networks/${demo.id}/members?cursor=${seen.nextCursor}`, tailspin)).json<{
      items: Member[];
      nextCursor: null;
    }>();
    expect([...seen.items, ...rest.items]).toHaveLength(7);
    expect(rest.nextCursor).toBeNull();
  });
});

describe('a new network', () => {
  it('is created by a focal firm, which invites partners who accept or decline', async () => {
    const name = unique('Cold chain pilot');
    const created = await call('POST', '/v1/networks', northwind, { name, description: 'Refrigerated appliances' });
    expect(created.statusCode).toBe(201);
    const network = created.json<{ id: string; myStatus: string; activeMembers: number; focalFirm: { id: string } }>();
    expect(network).toMatchObject({ myStatus: 'active', activeMembers: 1, focalFirm: { id: northwind.firmId } });

    const partner = await createFirm(h.database, 'Blue Yonder Retail', 'retailer', ['firm_admin', 'analyst']);
    const other = await createFirm(h.database, 'Graphic Design Supply', 'supplier', ['firm_admin']);
    const partnerAdmin = await signIn(h.app, partner.people.firm_admin!.email);
    const partnerAnalyst = await signIn(h.app, partner.people.analyst!.email);
    const otherAdmin = await signIn(h.app, other.people.firm_admin!.email);

    // before the invitation the partner cannot see the network at all
    expect((await call('GET', `/v1/networks/${network.id}`, partnerAdmin)).statusCode).toBe(404);

    const invited = await call('POST', `/v1/networks/${network.id}/members`, northwind, {
      firmSlug: partner.firm.slug,
    });
    expect(invited.statusCode).toBe(201);
    expect(invited.json()).toMatchObject({
      status: 'invited',
      chainRole: 'retailer',
      relationshipStage: 'transactional',
    });
    const again = await call('POST', `/v1/networks/${network.id}/members`, northwind, { firmSlug: partner.firm.slug });
    expect(again.json()).toMatchObject({ status: 409, code: 'already_member' });
    const nobody = await call('POST', `/v1/networks/${network.id}/members`, northwind, { firmSlug: 'no-such-firm' });
    expect(nobody.json()).toMatchObject({ status: 404, code: 'firm_not_found' });

    const pending = (await call('GET', '/v1/networks', partnerAdmin)).json<{
      items: Array<{ id: string; myStatus: string; focalFirm: { name: string } }>;
    }>();
    expect(pending.items.find((n) => n.id === network.id)).toMatchObject({
      myStatus: 'invited',
      focalFirm: { name: 'Northwind Appliances' },
    });
    expect((await call('POST', `/v1/networks/${network.id}/accept`, partnerAnalyst)).json()).toMatchObject({
      status: 403,
      code: 'role_required',
    });
    const accepted = await call('POST', `/v1/networks/${network.id}/accept`, partnerAdmin);
    expect(accepted.json()).toMatchObject({
      status: 'active',
      executiveSponsor: { email: partner.people.firm_admin!.email },
    });
    expect((await call('POST', `/v1/networks/${network.id}/accept`, partnerAdmin)).json()).toMatchObject({
      status: 409,
      code: 'no_pending_invitation',
    });

    await call('POST', `/v1/networks/${network.id}/members`, northwind, {
      firmSlug: other.firm.slug,
      chainRole: 'supplier',
    });
    const declined = await call('POST', `/v1/networks/${network.id}/decline`, otherAdmin);
    expect(declined.json()).toMatchObject({ status: 'declined' });
    expect((await call('GET', `/v1/networks/${network.id}`, otherAdmin)).statusCode).toBe(404);

    // the focal firm sets the relationship stage; the member may not
    const staged = await call('PATCH', `/v1/networks/${network.id}/members/${partner.firm.id}`, northwind, {
      relationshipStage: 'value_adding',
    });
    expect(staged.json()).toMatchObject({ relationshipStage: 'value_adding' });
    const selfStaged = await call('PATCH', `/v1/networks/${network.id}/members/${partner.firm.id}`, partnerAdmin, {
      relationshipStage: 'collaborative',
    });
    expect(selfStaged.json()).toMatchObject({ status: 403, code: 'focal_firm_only' });
    // the member names its own sponsor, only from its own managers and admins (a sponsor signs the strategy)
    const analystSponsor = await call('PATCH', `/v1/networks/${network.id}/members/${partner.firm.id}`, partnerAdmin, {
      executiveSponsorUserId: partnerAnalyst.userId,
    });
    expect(analystSponsor.json()).toMatchObject({ status: 422, code: 'sponsor_role_required' });
    const sponsor = await call('PATCH', `/v1/networks/${network.id}/members/${partner.firm.id}`, partnerAdmin, {
      executiveSponsorUserId: partnerAdmin.userId,
    });
    expect(sponsor.json()).toMatchObject({ executiveSponsor: { email: partner.people.firm_admin!.email } });
    const foreignSponsor = await call('PATCH', `/v1/networks/${network.id}/members/${partner.firm.id}`, partnerAdmin, {
      executiveSponsorUserId: northwind.userId,
    });
    expect(foreignSponsor.statusCode).toBe(404);

    const members = (await call('GET', `/v1/networks/${network.id}/members`, partnerAnalyst)).json<{
      items: Member[];
    }>();
    expect(members.items.map((m) => [m.firm.slug, m.status])).toEqual(
      expect.arrayContaining([
        [partner.firm.slug, 'active'],
        ['northwind', 'active'],
      ]),
    );
    // active members do not see a firm that declined
    expect(members.items.map((m) => m.firm.slug)).not.toContain(other.firm.slug);
  });

  it('is renamed only by its focal firm', async () => {
    const network = (await call('POST', '/v1/networks', northwind, { name: unique('Renamable') })).json<{
      id: string;
    }>();
    const renamed = await call('PATCH', `/v1/networks/${network.id}`, northwind, { name: 'Service partners' });
    expect(renamed.json()).toMatchObject({ name: 'Service partners' });
    const demo = await signIn(h.app, 'admin@contoso.example');
    const demoNetwork = (await call('GET', '/v1/networks', demo)).json<{ items: Array<{ id: string }> }>().items[0]!;
    const refused = await call('PATCH', `/v1/networks/${demoNetwork.id}`, demo, { name: 'Contoso chain' });
    expect(refused.json()).toMatchObject({ status: 403, code: 'focal_firm_only' });
  });
});
