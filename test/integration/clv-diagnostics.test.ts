// The BG/NBD diagnostics endpoint on real PostgreSQL: the CDNOW sample pushed as a retailer's feed gives
// Fader, Hardie & Lee's 39 + 39 weeks (calibration vs holdout by calibration frequency, the cohort's
// tracking, the frequency/recency matrix). What customers did is counted here from the raw file; what the
// model expects is computed here at the endpoint's fitted parameters by the textbook formulas (FHL 2005,
// eq. 7, 9 and 10) with Gauss's series summed directly, not the product's transformed forms. Row-level
// security decides what a firm sees: the manufacturer without a grant sees none of the retailer's
// customers; granted, it sees them all and the read is in the retailer's access log.
import type { paths } from '@accord/api-client';
import { cdnowSample, cdnowSampleCsv } from '@accord/fixtures/cdnow';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createFirm, createNetwork, pushFeed, signIn, startHarness, type Harness, type SignedIn } from './harness.ts';

let h: Harness;
let sql: postgres.Sql;
let networkId: string;
let retailer: SignedIn;
let maker: SignedIn;

const CALIBRATION_END = '1997-09-30';
const HOLDOUT_END = '1998-06-30';
const DAY_MS = 86_400_000;
const dayIndex = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

interface Params {
  r: number;
  alpha: number;
  a: number;
  b: number;
}
/** The endpoint's answer, as the generated client types it. */
type Diagnostics =
  paths['/v1/networks/{networkId}/clv-model/diagnostics']['get']['responses'][200]['content']['application/json'];

/** Per customer of the raw file: sorted distinct purchase days (day indexes). */
const customers = (() => {
  const byCustomer = new Map<string, Set<number>>();
  for (const p of cdnowSample()) {
    const days = byCustomer.get(p.sampleId) ?? new Set<number>();
    days.add(dayIndex(p.day));
    byCustomer.set(p.sampleId, days);
  }
  const end = dayIndex(CALIBRATION_END);
  return [...byCustomer.values()].map((set) => {
    const days = [...set].sort((a, b) => a - b);
    const calibration = days.filter((d) => d <= end);
    return {
      days,
      first: days[0]!,
      x: calibration.length - 1,
      tx: (calibration[calibration.length - 1]! - days[0]!) / 7,
      T: (end - days[0]!) / 7,
      holdout: days.length - calibration.length,
    };
  });
})();

/** Gauss's hypergeometric series, summed term by term (|z| < 1). */
function gaussSeries(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 0; n < 20_000; n++) {
    term *= ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
    sum += term;
    if (Math.abs(term) < 1e-17 * Math.abs(sum)) return sum;
  }
  throw new Error('the series did not converge');
}

/** FHL 2005, eq. 7: E[X(t)] of a new customer. */
const unconditional = ({ r, alpha, a, b }: Params, t: number) =>
  t <= 0
    ? 0
    : ((a + b - 1) / (a - 1)) * (1 - (alpha / (alpha + t)) ** r * gaussSeries(r, b, a + b - 1, t / (alpha + t)));

/** FHL 2005, eq. 10: E[Y(t) | x, t_x, T]. */
function conditional({ r, alpha, a, b }: Params, t: number, x: number, tx: number, T: number) {
  const z = t / (alpha + T + t);
  const head =
    ((a + b + x - 1) / (a - 1)) *
    (1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * gaussSeries(r + x, b + x, a + b + x - 1, z));
  return x > 0 ? head / (1 + (a / (b + x - 1)) * ((alpha + T) / (alpha + tx)) ** (r + x)) : head;
}

/** FHL 2005, eq. 9 (from the appendix's closed form): P(alive | x, t_x, T). */
const alive = ({ r, alpha, a, b }: Params, x: number, tx: number, T: number) =>
  x > 0 ? 1 / (1 + (a / (b + x - 1)) * ((alpha + T) / (alpha + tx)) ** (r + x)) : 1;

function diagnostics(who: SignedIn, query: string) {
  return h.app.inject({ url: `/v1/networks/${networkId}/clv-model/diagnostics?${query}`, headers: who.headers });
}

async function accessLog(owner: SignedIn) {
  const log = await h.app.inject({ url: `/v1/firms/${owner.firmId}/access-log?limit=200`, headers: owner.headers });
  expect(log.statusCode, log.body).toBe(200);
  return log.json<{ items: { reader: { id: string }; reading: string; dataset: string; rowCount: number | null }[] }>()
    .items;
}

const FHL = `calibrationEnd=${CALIBRATION_END}&holdoutEnd=${HOLDOUT_END}&timeUnit=week`;

beforeAll(async () => {
  h = await startHarness();
  sql = postgres(inject('databaseUrl'), { max: 1, onnotice: () => {} });
  const m = await createFirm(h.database, 'Diagnostics Maker', 'manufacturer', ['manager']);
  const r = await createFirm(h.database, 'Diagnostics Retail', 'retailer', ['manager', 'firm_admin']);
  networkId = (
    await createNetwork(h.database, 'Diagnostics', m.firm.id, [
      [m.firm.id, 'manufacturer'],
      [r.firm.id, 'retailer'],
    ])
  ).id;
  retailer = await signIn(h.app, r.people.manager!.email);
  maker = await signIn(h.app, m.people.manager!.email);
  expect((await pushFeed(h.app, retailer, networkId, 'transactions', cdnowSampleCsv().csv)).rowsRejected).toBe(0);
}, 300_000);
afterAll(async () => {
  await sql?.end();
  await h?.close();
});

describe('the CDNOW sample, 39 weeks of calibration and 39 of holdout', () => {
  let d: Diagnostics;
  let fit: Params;
  beforeAll(async () => {
    const response = await diagnostics(retailer, FHL);
    expect(response.statusCode, response.body).toBe(200);
    d = response.json<Diagnostics>();
    fit = d.bgNbd!;
  });

  it('fits the published BG/NBD on the calibration period', () => {
    expect(d).toMatchObject({
      calibrationStart: '1997-01-01',
      calibrationEnd: CALIBRATION_END,
      holdoutEnd: HOLDOUT_END,
      timeUnit: 'week',
      holdoutLength: 39,
      customers: 2357,
      repeatCustomers: 946,
    });
    const sig = (v: number) => Number(v.toPrecision(3));
    expect([fit.r, fit.alpha, fit.a, fit.b].map(sig)).toEqual([0.243, 4.41, 0.793, 2.43]);
    expect(d.bgNbd!.converged).toBe(true);
    for (const se of Object.values(d.bgNbd!.standardErrors!)) expect(se).toBeGreaterThan(0);
  });

  it('compares holdout purchases by calibration frequency with the conditional expectation', () => {
    const bins = d.calibrationVsHoldout!.bins;
    expect(bins.map((b) => [b.frequency, b.orMore])).toEqual([
      [0, false],
      [1, false],
      [2, false],
      [3, false],
      [4, false],
      [5, false],
      [6, false],
      [7, true],
    ]);
    for (const bin of bins) {
      const group = customers.filter((c) => (bin.orMore ? c.x >= bin.frequency : c.x === bin.frequency));
      expect(bin.customers).toBe(group.length);
      expect(bin.actual).toBeCloseTo(group.reduce((s, c) => s + c.holdout, 0) / group.length, 10);
      const expected = group.reduce((s, c) => s + conditional(fit, 39, c.x, c.tx, c.T), 0) / group.length;
      expect(Math.abs(bin.expected! - expected) / expected).toBeLessThan(1e-6);
    }
    expect(bins.map((b) => b.customers)).toEqual([1411, 439, 214, 100, 62, 38, 29, 64]);
    expect(d.calibrationVsHoldout!.actual).toBe(customers.reduce((s, c) => s + c.holdout, 0));
    expect(d.calibrationVsHoldout!.actual).toBe(1882);
    // at the unrounded fit (1,654 at the published, rounded parameters)
    expect(Math.round(d.calibrationVsHoldout!.expected)).toBe(1653);
  });

  it('tracks the cohort’s repeat purchases week by week against the sum of E[X(t)]', () => {
    const periods = d.tracking!.periods;
    expect(periods).toHaveLength(78);
    expect(periods.filter((p) => p.holdout)).toHaveLength(39);
    expect(periods[38]!.end).toBe(CALIBRATION_END);
    const made = (end: number) =>
      customers.reduce((s, c) => s + c.days.filter((day) => day > c.first && day <= end).length, 0);
    const expectedBy = (end: number) => customers.reduce((s, c) => s + unconditional(fit, (end - c.first) / 7), 0);
    for (const k of [0, 20, 38, 39, 60, 77]) {
      const end = dayIndex(periods[k]!.end);
      expect(periods[k]!.cumulativeActual).toBe(made(end));
      expect(periods[k]!.actual).toBe(made(end) - made(end - 7));
      const want = expectedBy(end);
      expect(Math.abs(periods[k]!.cumulativeExpected - want) / want).toBeLessThan(1e-6);
    }
    expect(periods[38]!.cumulativeActual).toBe(2457);
    expect(Math.round(periods[38]!.cumulativeExpected)).toBe(2494);
    expect(periods[77]!.cumulativeActual).toBe(4339);
    // 4,161 expected at the unrounded fit (4,166 at the published, rounded parameters) against 4,339 made
    expect(Math.round(periods[77]!.cumulativeExpected)).toBe(4161);
  });

  it('maps expected purchases and P(alive) over frequency and recency at the oldest age', () => {
    const m = d.frequencyRecency!;
    expect(m.T).toBeCloseTo(272 / 7, 10);
    expect(m.frequencies).toHaveLength(25);
    expect(m.recencies).toHaveLength(25);
    expect(m.cells).toHaveLength(625);
    expect(m.cells.reduce((s, c) => s + c.customers, 0)).toBe(2357);
    for (const cell of m.cells.filter((_, i) => i % 37 === 0)) {
      if (cell.frequency === 0 && cell.recency > 0) {
        expect(cell.probabilityAlive).toBeNull();
        continue;
      }
      expect(cell.probabilityAlive!).toBeCloseTo(alive(fit, cell.frequency, cell.recency, m.T), 10);
      const want = conditional(fit, 1, cell.frequency, cell.recency, m.T);
      expect(Math.abs(cell.expectedPurchases! - want)).toBeLessThan(1e-6 * Math.max(want, 1e-6));
    }
  });

  it('splits halfway by default: the holdout end alone gives the same 39 + 39 weeks', async () => {
    const response = await diagnostics(retailer, `holdoutEnd=${HOLDOUT_END}`);
    expect(response.statusCode, response.body).toBe(200);
    const byDefault = response.json<Diagnostics>();
    expect(byDefault.calibrationEnd).toBe(CALIBRATION_END);
    expect(byDefault.timeUnit).toBe('week');
    expect(byDefault.calibrationVsHoldout).toEqual(d.calibrationVsHoldout);
  });

  it('tracks day by day in days, to the same totals', async () => {
    const response = await diagnostics(
      retailer,
      `calibrationEnd=${CALIBRATION_END}&holdoutEnd=${HOLDOUT_END}&timeUnit=day`,
    );
    expect(response.statusCode, response.body).toBe(200);
    const days = response.json<Diagnostics>();
    expect(days.holdoutLength).toBe(273);
    expect(days.bgNbd!.alpha / 7).toBeCloseTo(fit.alpha, 2);
    const periods = days.tracking!.periods;
    expect(periods).toHaveLength(546);
    expect(periods[545]!.cumulativeActual).toBe(4339);
    const weekly = d.tracking!.periods[77]!.cumulativeExpected;
    expect(Math.abs(periods[545]!.cumulativeExpected - weekly) / weekly).toBeLessThan(1e-3);
  });
});

describe('bad input', () => {
  it('answers a holdout that does not end after the calibration with a problem saying what to fix', async () => {
    for (const query of [
      'calibrationEnd=1998-06-30&holdoutEnd=1997-09-30',
      'calibrationEnd=1997-09-30&holdoutEnd=1997-09-30',
    ]) {
      const response = await diagnostics(retailer, query);
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const problem = response.json<{ code: string; detail: string; errors: { path: string }[] }>();
      expect(problem.code).toBe('holdout_not_after_calibration');
      expect(problem.detail).toMatch(
        /holdoutEnd \(.+\) must be after calibrationEnd \(.+\): choose a later holdoutEnd/,
      );
      expect(problem.errors).toEqual([{ path: 'querystring/holdoutEnd', message: 'must be after calibrationEnd' }]);
    }
    const future = await diagnostics(retailer, 'calibrationEnd=2999-01-01');
    expect(future.json<{ code: string; detail: string }>()).toMatchObject({
      code: 'holdout_not_after_calibration',
      detail: expect.stringContaining('today by default') as unknown,
    });
  });

  it('refuses a holdout over ten years, malformed days and unknown units', async () => {
    const long = await diagnostics(retailer, 'calibrationEnd=1997-09-30&holdoutEnd=2010-01-01');
    expect(long.statusCode).toBe(400);
    expect(long.json<{ code: string }>().code).toBe('holdout_too_long');
    for (const query of ['holdoutEnd=1998-02-30', 'calibrationEnd=19970930', 'timeUnit=month', 'horizon=3']) {
      const response = await diagnostics(retailer, query);
      expect(response.statusCode, query).toBe(400);
      expect(response.json<{ code: string }>().code, query).toBe('validation_failed');
    }
  });
});

describe('row-level security decides what the diagnostics see', () => {
  it('shows a firm without a grant none of a partner’s customers, and logs no read', async () => {
    const before = (await accessLog(retailer)).filter((e) => e.reading === 'clv model diagnostics');
    const response = await diagnostics(maker, FHL);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<Diagnostics>()).toMatchObject({
      calibrationStart: null,
      customers: 0,
      bgNbd: null,
      calibrationVsHoldout: null,
      tracking: null,
      frequencyRecency: null,
    });
    expect((await accessLog(retailer)).filter((e) => e.reading === 'clv model diagnostics')).toEqual(before);
  });

  it('shows the granted firm the partner’s customers and writes the read to the partner’s access log', async () => {
    const grant = await h.app.inject({
      method: 'POST',
      url: `/v1/networks/${networkId}/agreements`,
      headers: retailer.headers,
      payload: { granteeFirmId: maker.firmId, dataset: 'transactions', level: 'customer', purpose: 'Model checks' },
    });
    expect(grant.statusCode, grant.body).toBe(201);
    const granted = (await diagnostics(maker, FHL)).json<Diagnostics>();
    const own = (await diagnostics(retailer, FHL)).json<Diagnostics>();
    expect(granted.customers).toBe(2357);
    expect(granted.calibrationVsHoldout).toEqual(own.calibrationVsHoldout);
    expect(granted.tracking).toEqual(own.tracking);
    const reads = (await accessLog(retailer)).filter(
      (e) => e.reading === 'clv model diagnostics' && e.reader.id === maker.firmId,
    );
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ dataset: 'transactions', rowCount: cdnowSampleCsv().rows });
  });
});
