// The joint CRM strategy's lifecycle on real PostgreSQL, through the API and, where the database must
// hold the line by itself, by hand as the runtime role: only the strategy team edits, only partners'
// executive sponsors decide, a published version never changes, a decision binds to its version, the
// diff between versions is right, and the scorecard's sign-off measure reads the decisions.
import { scoreNetwork } from '@accord/analytics';
import { todayUtc } from '@accord/domain';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createFirm, signIn, startHarness, unique, type Harness, type SignedIn } from './harness.ts';

let h: Harness;
let sql: postgres.Sql;
let networkId: string;
let measureIds: string[] = [];
const firmIds: Record<'M' | 'R' | 'D', string> = {} as never;
const userIds: Record<string, string> = {};
/** M: focal manufacturer; R: retailer; D: distributor. */
const as: Record<string, SignedIn> = {};

function call(who: SignedIn, method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, payload?: unknown) {
  return h.app.inject({
    method,
    url: `/v1/networks/${networkId}${path}`,
    headers: who.headers,
    ...(payload === undefined ? {} : { payload: payload as string }),
  });
}

/** A handwritten statement as the API's runtime role, acting for a firm and user. */
const asUser = (firmId: string, userId: string, work: (tx: postgres.TransactionSql) => Promise<postgres.Row[]>) =>
  sql.begin(async (tx): Promise<postgres.Row[]> => {
    await tx`select set_config('app.firm_id', ${firmId}, true), set_config('app.user_id', ${userId}, true),
                    set_config('role', 'accord_app', true)`;
    return [...(await work(tx))];
  });

function content(overrides: Record<string, unknown> = {}) {
  return {
    vision: 'Serve the best customers of the chain better than any rival chain.',
    objectives: [
      {
        id: 'grow-repeat',
        title: 'Grow repeat buyers',
        description: 'More customers buy twice a year.',
        measures: [{ measureId: measureIds[0], target: 0.4, dueDate: '2027-06-30' }],
      },
    ],
    targetSegments: [],
    partnerRoles: [
      {
        id: 'retail',
        firmId: firmIds.R,
        role: 'Shares sales and service cases daily.',
        commitments: [{ kind: 'data_feed', description: 'Daily transactions feed' }],
      },
    ],
    customerExperience: {
      channelMix: 'Store and web.',
      consistencyRules: 'One price in every channel.',
      deliveryOptions: 'Home delivery or pick-up in store.',
      returns: 'Return anywhere in the chain.',
      priceMatching: 'Match the chain’s own web price.',
    },
    capabilities: [],
    technology: 'Accord exchange.',
    successMeasures: [{ id: 'sm-1', measureId: measureIds[1], note: 'Reviewed quarterly.' }],
    reviewCadence: 'quarterly',
    ...overrides,
  };
}

beforeAll(async () => {
  h = await startHarness();
  sql = postgres(inject('databaseUrl'), { max: 1, onnotice: () => {} });
  const m = await createFirm(h.database, 'Plan Maker', 'manufacturer', ['firm_admin', 'manager', 'analyst']);
  const r = await createFirm(h.database, 'Plan Retail', 'retailer', ['firm_admin', 'manager', 'analyst']);
  const d = await createFirm(h.database, 'Plan Distribution', 'distributor', ['firm_admin', 'manager']);
  const [network] = await sql`insert into networks (name, focal_firm_id) values (${unique('Plan')}, ${m.firm.id})
                              returning id`;
  networkId = network!.id as string;
  firmIds.M = m.firm.id;
  firmIds.R = r.firm.id;
  firmIds.D = d.firm.id;
  // each partner's executive sponsor: R's firm admin, D's manager
  for (const [firm, role, sponsor] of [
    [m.firm.id, 'manufacturer', m.people.firm_admin!.id],
    [r.firm.id, 'retailer', r.people.firm_admin!.id],
    [d.firm.id, 'distributor', d.people.manager!.id],
  ] as const) {
    await sql`insert into network_memberships (network_id, firm_id, chain_role, status, joined_at, executive_sponsor_user_id)
              values (${networkId}, ${firm}, ${role}, 'active', now(), ${sponsor})`;
  }
  for (const [key, firm] of [
    ['M', m],
    ['R', r],
    ['D', d],
  ] as const) {
    for (const [role, person] of Object.entries(firm.people)) {
      as[`${key}.${role}`] = await signIn(h.app, person.email);
      userIds[`${key}.${role}`] = person.id;
    }
  }
  const card = await call(as['M.manager']!, 'POST', '/scorecards', { name: 'Joint', periodKind: 'quarter' });
  expect(card.statusCode, card.body).toBe(201);
  measureIds = card.json<{ measures: { id: string }[] }>().measures.map((x) => x.id);
}, 120_000);

afterAll(async () => {
  await sql?.end();
  await h?.close();
});

interface Version {
  id: string;
  version: number;
  status: string;
  title: string;
  updatedAt: string;
  content: ReturnType<typeof content>;
  signoffs: { firmId: string; decision: string; reason: string; version: number }[];
  comments: { section: string; body: string }[];
}
interface Overview {
  versions: { id: string; version: number; status: string; signed: number; changesRequested: number }[];
  latestPublishedId: string | null;
  team: { id: string; invited: boolean }[];
  partners: { firmId: string; decision: { decision: string; version: number } | null }[];
  you: { onTeam: boolean; sponsor: boolean };
}

let v1: Version;
let v2: Version;

describe('the strategy team', () => {
  it('is the focal firm’s managers; nobody else starts or edits a version', async () => {
    for (const [who, code] of [
      ['M.analyst', 'role_required'],
      ['R.manager', 'strategy_team_only'],
      ['R.firm_admin', 'strategy_team_only'],
    ] as const) {
      const refused = await call(as[who]!, 'POST', '/strategy/versions', {});
      expect(refused.statusCode, who).toBe(403);
      expect(refused.json()).toMatchObject({ code });
    }
    const started = await call(as['M.manager']!, 'POST', '/strategy/versions', { title: 'Joint CRM strategy 2027' });
    expect(started.statusCode, started.body).toBe(201);
    v1 = started.json<Version>();
    expect(v1).toMatchObject({ version: 1, status: 'draft', title: 'Joint CRM strategy 2027' });
    expect(v1.content.objectives).toEqual([]);
    const second = await call(as['M.firm_admin']!, 'POST', '/strategy/versions', {});
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'open_version_exists' });
  });

  it('keeps drafts from partners until the focal firm invites their managers', async () => {
    expect((await call(as['R.manager']!, 'GET', `/strategy/versions/${v1.id}`)).statusCode).toBe(404);
    const overview = (await call(as['R.manager']!, 'GET', '/strategy')).json<Overview>();
    expect(overview.versions).toEqual([]);
    expect(overview.you.onTeam).toBe(false);

    const analyst = await call(as['M.manager']!, 'POST', '/strategy/team', { userId: userIds['R.analyst'] });
    expect(analyst.statusCode).toBe(422);
    expect(analyst.json()).toMatchObject({ code: 'senior_manager_required' });
    const byPartner = await call(as['R.firm_admin']!, 'POST', '/strategy/team', { userId: userIds['R.manager'] });
    expect(byPartner.statusCode).toBe(403);
    const added = await call(as['M.manager']!, 'POST', '/strategy/team', { userId: userIds['R.manager'] });
    expect(added.statusCode, added.body).toBe(201);

    const seen = await call(as['R.manager']!, 'GET', `/strategy/versions/${v1.id}`);
    expect(seen.statusCode).toBe(200);
    const team = (await call(as['D.manager']!, 'GET', '/strategy')).json<Overview>().team;
    expect(team.filter((t) => t.invited).map((t) => t.id)).toEqual([userIds['R.manager']]);
    expect(
      team
        .filter((t) => !t.invited)
        .map((t) => t.id)
        .sort(),
    ).toEqual([userIds['M.firm_admin'], userIds['M.manager']].sort());
    // the invitee is told in the app
    const inbox = await h.app.inject({ method: 'GET', url: '/v1/notifications', headers: as['R.manager']!.headers });
    expect(inbox.json<{ items: { kind: string }[] }>().items.map((n) => n.kind)).toContain('strategy_team_invitation');
  });

  it('saves a draft, a team member from a partner too, and refuses bad content whole', async () => {
    const saved = await call(as['R.manager']!, 'PUT', `/strategy/versions/${v1.id}`, {
      title: v1.title,
      content: content(),
      baseUpdatedAt: v1.updatedAt,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    v1 = saved.json<Version>();
    expect(v1.content.objectives[0]!.title).toBe('Grow repeat buyers');

    const stale = await call(as['M.manager']!, 'PUT', `/strategy/versions/${v1.id}`, {
      title: 'Other',
      content: content(),
      baseUpdatedAt: new Date(Date.parse(v1.updatedAt) - 60_000).toISOString(),
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'edit_conflict' });

    const bad = await call(as['M.manager']!, 'PUT', `/strategy/versions/${v1.id}`, {
      title: 'Broken',
      content: content({
        objectives: [
          {
            id: 'a',
            title: 'One',
            description: '',
            measures: [{ measureId: networkId, target: 1, dueDate: '2027-02-28' }],
          },
          { id: 'a', title: 'Two', description: '', measures: [] },
        ],
        targetSegments: [{ id: 't', segment: 'Champions', tier: 'best', valueProposition: 'More.' }],
      }),
    });
    expect(bad.statusCode).toBe(422);
    const problem = bad.json<{ code: string; errors: { path: string }[] }>();
    expect(problem.code).toBe('invalid_strategy');
    const paths = problem.errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['/content/objectives[0].measures[0].measureId', '/content/targetSegments[0].segment']),
    );
    expect(paths.some((p) => p.startsWith('/content/objectives[1]'))).toBe(true);
    const impossibleDay = content();
    impossibleDay.objectives[0]!.measures[0]!.dueDate = '2027-02-30';
    const badDay = await call(as['M.manager']!, 'PUT', `/strategy/versions/${v1.id}`, {
      title: 'Broken',
      content: impossibleDay,
    });
    expect(badDay.statusCode).toBe(400);
    expect(badDay.body).toContain('dueDate');
    const after = (await call(as['M.manager']!, 'GET', `/strategy/versions/${v1.id}`)).json<Version>();
    expect(after.title).toBe(v1.title);
    expect(after.content).toEqual(v1.content);
  });

  it('is enforced by the database, not only the API', async () => {
    const updated = await asUser(
      firmIds.R,
      userIds['R.analyst']!,
      (tx) => tx`update strategy_versions set title = 'Forged' where id = ${v1.id} returning id`,
    );
    expect(updated).toHaveLength(0);
    await expect(
      asUser(
        firmIds.D,
        userIds['D.manager']!,
        (
          tx,
        ) => tx`insert into strategy_versions (network_id, version, title, content, created_by_user_id, updated_by_user_id)
                   values (${networkId}, 9, 'Forged', '{}', ${userIds['D.manager']!}, ${userIds['D.manager']!})`,
      ),
    ).rejects.toThrow(/row-level security/);
  });
});

describe('review and publishing', () => {
  it('freezes a version in review and lets only the focal firm publish it', async () => {
    const submitted = await call(as['R.manager']!, 'POST', `/strategy/versions/${v1.id}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'in_review' });
    const edit = await call(as['M.manager']!, 'PUT', `/strategy/versions/${v1.id}`, { title: 'x', content: content() });
    expect(edit.statusCode).toBe(409);
    expect(edit.json()).toMatchObject({ code: 'version_in_review' });
    const comment = await call(as['R.manager']!, 'POST', `/strategy/versions/${v1.id}/comments`, {
      section: 'customerExperience',
      body: 'Returns across partners need a settlement rule.',
    });
    expect(comment.statusCode, comment.body).toBe(201);
    const byPartner = await call(as['R.manager']!, 'POST', `/strategy/versions/${v1.id}/publish`);
    expect(byPartner.statusCode).toBe(403);
    expect(byPartner.json()).toMatchObject({ code: 'focal_firm_only' });

    const outboxBefore = await sql`select count(*)::int as n from email_outbox where firm_id = ${firmIds.M}`;
    const published = await call(as['M.manager']!, 'POST', `/strategy/versions/${v1.id}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    v1 = published.json<Version>();
    expect(v1.status).toBe('published');
    expect(v1.comments).toEqual([expect.objectContaining({ section: 'customerExperience' })]);

    // every member's people are told in the app; the sponsors by email
    const inbox = await h.app.inject({ method: 'GET', url: '/v1/notifications', headers: as['D.manager']!.headers });
    expect(inbox.json<{ items: { kind: string }[]; unread: number }>().items[0]).toMatchObject({
      kind: 'strategy_published',
    });
    const mail = await sql`select to_email from email_outbox where firm_id = ${firmIds.M}
                           order by created_at desc limit 10`;
    const outboxAfter = await sql`select count(*)::int as n from email_outbox where firm_id = ${firmIds.M}`;
    expect(outboxAfter[0]!.n - outboxBefore[0]!.n).toBe(3);
    expect(mail.map((x) => x.to_email as string)).toEqual(
      expect.arrayContaining([
        'firm_admin@' + (await emailDomain(firmIds.R)),
        'manager@' + (await emailDomain(firmIds.D)),
      ]),
    );
    // and published versions are readable by every member now
    expect((await call(as['R.analyst']!, 'GET', `/strategy/versions/${v1.id}`)).statusCode).toBe(200);
  });

  it('never changes a published version, through the API or by hand', async () => {
    const edit = await call(as['M.manager']!, 'PUT', `/strategy/versions/${v1.id}`, { title: 'x', content: content() });
    expect(edit.statusCode).toBe(409);
    expect(edit.json()).toMatchObject({ code: 'version_published' });
    const discard = await call(as['M.manager']!, 'DELETE', `/strategy/versions/${v1.id}`);
    expect(discard.statusCode).toBe(409);
    // not even the table's owner changes it: the trigger refuses
    await expect(sql`update strategy_versions set title = 'Rewritten' where id = ${v1.id}`).rejects.toMatchObject({
      code: '55000',
    });
    await expect(sql`delete from strategy_versions where id = ${v1.id}`).rejects.toMatchObject({ code: '55000' });
  });
});

describe('sign-off', () => {
  it('is only a partner sponsor’s, with a reason when changes are requested', async () => {
    for (const who of ['M.firm_admin', 'R.manager', 'D.firm_admin']) {
      const refused = await call(as[who]!, 'POST', `/strategy/versions/${v1.id}/decisions`, { decision: 'signed' });
      expect(refused.statusCode, who).toBe(403);
      expect(refused.json()).toMatchObject({ code: 'sponsor_only' });
    }
    const noReason = await call(as['R.firm_admin']!, 'POST', `/strategy/versions/${v1.id}/decisions`, {
      decision: 'changes_requested',
      reason: '  ',
    });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json()).toMatchObject({ code: 'reason_required' });
    const requested = await call(as['R.firm_admin']!, 'POST', `/strategy/versions/${v1.id}/decisions`, {
      decision: 'changes_requested',
      reason: 'Add a returns settlement rule between partners.',
    });
    expect(requested.statusCode, requested.body).toBe(201);
    // the team hears of it
    const inbox = await h.app.inject({ method: 'GET', url: '/v1/notifications', headers: as['M.manager']!.headers });
    const [latest] = inbox.json<{ items: { kind: string; body: string }[] }>().items;
    expect(latest!.kind).toBe('strategy_changes_requested');
    expect(latest!.body).toContain('returns settlement rule');
  });

  it('binds to its version: a new version needs its own decision, and the old one takes none', async () => {
    const started = await call(as['M.manager']!, 'POST', '/strategy/versions', {});
    expect(started.statusCode, started.body).toBe(201);
    v2 = started.json<Version>();
    expect(v2.version).toBe(2);
    expect(v2.content).toEqual(v1.content); // a draft of the last
    const edited = content({
      vision: 'Serve the best customers of the chain better than any other chain, in every channel.',
      objectives: [
        ...content().objectives,
        { id: 'returns', title: 'Settle returns across partners', description: 'Within 14 days.', measures: [] },
      ],
    });
    edited.customerExperience.returns = 'Return anywhere in the chain; the selling partner settles within 14 days.';
    expect(
      (await call(as['M.manager']!, 'PUT', `/strategy/versions/${v2.id}`, { title: v2.title, content: edited }))
        .statusCode,
    ).toBe(200);
    expect((await call(as['M.manager']!, 'POST', `/strategy/versions/${v2.id}/submit`)).statusCode).toBe(200);
    expect((await call(as['M.manager']!, 'POST', `/strategy/versions/${v2.id}/publish`)).statusCode).toBe(200);

    const late = await call(as['R.firm_admin']!, 'POST', `/strategy/versions/${v1.id}/decisions`, {
      decision: 'signed',
    });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'not_latest_version' });
    // the database binds it too: a forged decision on version 1 is refused
    await expect(
      asUser(
        firmIds.R,
        userIds['R.firm_admin']!,
        (tx) => tx`insert into strategy_signoffs (network_id, version_id, firm_id, user_id, decision)
                   values (${networkId}, ${v1.id}, ${firmIds.R}, ${userIds['R.firm_admin']!}, 'signed')`,
      ),
    ).rejects.toMatchObject({ code: '55000' });

    let overview = (await call(as['M.manager']!, 'GET', '/strategy')).json<Overview>();
    expect(overview.partners.find((p) => p.firmId === firmIds.R)!.decision).toBeNull();
    const signed = await call(as['R.firm_admin']!, 'POST', `/strategy/versions/${v2.id}/decisions`, {
      decision: 'signed',
    });
    expect(signed.statusCode, signed.body).toBe(201);
    overview = (await call(as['M.manager']!, 'GET', '/strategy')).json<Overview>();
    expect(overview.latestPublishedId).toBe(v2.id);
    expect(overview.partners.find((p) => p.firmId === firmIds.R)!.decision).toMatchObject({
      decision: 'signed',
      version: 2,
    });
    expect(overview.partners.find((p) => p.firmId === firmIds.D)!.decision).toBeNull();
    const byVersion = Object.fromEntries(overview.versions.map((v) => [v.version, v]));
    expect(byVersion[1]).toMatchObject({ signed: 0, changesRequested: 1 });
    expect(byVersion[2]).toMatchObject({ signed: 1, changesRequested: 0 });
    const history = (await call(as['D.manager']!, 'GET', `/strategy/versions/${v1.id}`)).json<Version>().signoffs;
    expect(history.map((s) => [s.version, s.decision])).toEqual([[1, 'changes_requested']]);
  });

  it('is read by the scorecard’s sign-off measure: the share of partners signed', async () => {
    await scoreNetwork(h.database.db, firmIds.M, networkId, todayUtc());
    const read = async (subject: string) => {
      const view = await call(
        as['M.manager']!,
        'GET',
        `/scorecards/${await cardId()}/periods/current?subject=${subject}`,
      );
      expect(view.statusCode, view.body).toBe(200);
      return view
        .json<{ measures: { measure: { code: string | null }; actual: number | null }[] }>()
        .measures.find((x) => x.measure.code === 'strategy_signoffs')!.actual;
    };
    expect(await read('chain')).toBe(0.5); // R of R and D
    expect(await read(firmIds.R)).toBe(1);
    expect(await read(firmIds.D)).toBe(0);
    expect(await read(firmIds.M)).toBeNull(); // the focal firm does not sign its own strategy
  });
});

describe('the diff between versions', () => {
  it('shows what changed, section by section, both ways', async () => {
    const response = await call(as['R.analyst']!, 'GET', `/strategy/diff?from=${v1.id}&to=${v2.id}`);
    expect(response.statusCode, response.body).toBe(200);
    const diff = response.json<{
      sections: {
        section: string;
        changes: { kind: string; path: string; text: { op: string; text: string }[] | null }[];
      }[];
    }>();
    const of = (section: string) => diff.sections.find((s) => s.section === section)!.changes;
    expect(of('vision')).toHaveLength(1);
    const vision = of('vision')[0]!;
    expect(vision.kind).toBe('changed');
    expect(
      vision
        .text!.filter((t) => t.op === 'insert')
        .map((t) => t.text.trim())
        .join(' '),
    ).toContain('in every channel');
    expect(of('objectives').map((c) => [c.kind, c.path])).toEqual([['added', 'objectives[returns]']]);
    expect(of('customerExperience')).toEqual([
      expect.objectContaining({ kind: 'changed', path: 'customerExperience.returns' }),
    ]);
    for (const untouched of ['targetSegments', 'partnerRoles', 'capabilities', 'successMeasures'])
      expect(of(untouched)).toEqual([]);
    // by default: what changed in the newest version, against the one it was started from
    const newest = (await call(as['R.analyst']!, 'GET', '/strategy/diff')).json<
      typeof diff & { from: { version: number } }
    >();
    expect(newest.from.version).toBe(1);
    expect(newest.sections).toEqual(diff.sections);
    const back = (await call(as['R.analyst']!, 'GET', `/strategy/diff?from=${v2.id}&to=${v1.id}`)).json<typeof diff>();
    expect(back.sections.find((s) => s.section === 'objectives')!.changes).toEqual([
      expect.objectContaining({ kind: 'removed' }),
    ]);
  });
});

async function emailDomain(firmId: string): Promise<string> {
  const [firm] = await sql`select slug from firms where id = ${firmId}`;
  return `${firm!.slug as string}.example`;
}

async function cardId(): Promise<string> {
  const list = await call(as['M.manager']!, 'GET', '/scorecards');
  return list.json<{ items: { id: string }[] }>().items[0]!.id;
}
