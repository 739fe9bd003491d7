// The value-chain fixture generator: reproducible, realistic (BG/NBD heterogeneity, multichannel
// spend, returns, late parcels) and fast. Needs no database; it lives here to run beside the
// integration tests that load its feeds.
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { activityCodes, generateValueChain, type Dataset, type ValueChainOptions } from '../fixtures/value-chain.ts';

const options: ValueChainOptions = {
  seed: 7,
  customers: 3000,
  start: '2025-01-01',
  end: '2026-01-01',
  retailers: ['tailspin', 'wingtip', 'adventure'],
  logisticsProvider: 'litware',
};

function digest(o: ValueChainOptions): string {
  const hash = createHash('sha256');
  for (const row of generateValueChain(o).lines()) hash.update(`${row.firm}|${row.dataset}|${row.line}\n`);
  return hash.digest('hex');
}

/** Every feed of the chain, parsed by a real CSV parser against its header. */
function parsed(o: ValueChainOptions): Record<Dataset, Array<Record<string, string>>> {
  const chain = generateValueChain(o);
  const out: Record<Dataset, Array<Record<string, string>>> = {
    transactions: [],
    shipments: [],
    service_cases: [],
    activities: [],
  };
  for (const feeds of Object.values(chain.firms)) {
    for (const [dataset, produce] of Object.entries(feeds) as Array<[Dataset, () => Generator<string>]>) {
      const header = chain.header[dataset];
      const text = [header, ...produce()].join('\n') + '\n';
      // Strict by default: a record whose column count differs from the header's throws.
      const records = parse<Record<string, string>>(text, { columns: true });
      for (const line of text.split('\n').slice(1, -1)) {
        expect(line.split(',')).toHaveLength(header.split(',').length);
      }
      out[dataset].push(...records);
    }
  }
  return out;
}

describe('generateValueChain', () => {
  it('gives byte-identical feeds for the same seed and different ones for another', () => {
    const first = digest(options);
    expect(digest(options)).toBe(first);
    expect(digest({ ...options, seed: 8 })).not.toBe(first);
  });

  it('names a feed per retailer and dataset, shipments by the logistics provider', () => {
    const chain = generateValueChain(options);
    expect(Object.keys(chain.firms).sort()).toEqual(['adventure', 'litware', 'tailspin', 'wingtip']);
    expect(Object.keys(chain.firms.tailspin!).sort()).toEqual(['activities', 'service_cases', 'transactions']);
    expect(Object.keys(chain.firms.litware!)).toEqual(['shipments']);
    const own = generateValueChain({ ...options, logisticsProvider: undefined });
    expect(Object.keys(own.firms.wingtip!)).toContain('shipments');
  });

  const feeds = parsed(options);
  const sales = feeds.transactions.filter((t) => Number(t.quantity) > 0);

  it('writes every column as the contract says', () => {
    for (const t of feeds.transactions) {
      expect(t.occurred_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      expect(t.customer_id).toMatch(/^c\d{6}@example\.net$/);
      expect(t.net_amount).toMatch(/^-?\d+\.\d{2}$/);
      expect(t.cost_amount).toMatch(/^-?\d+\.\d{2}$/);
      expect(t.currency).toBe('EUR');
      expect(t.location_id === '' ? t.channel !== 'store' : /^store-\d+$/.test(t.location_id!)).toBe(true);
    }
    for (const a of feeds.activities) expect(activityCodes).toContain(a.activity);
    for (const s of feeds.shipments) expect(['true', 'false']).toContain(s.expedited);
    for (const c of feeds.service_cases) expect(['', '1', '2', '3', '4', '5']).toContain(c.satisfaction);
    const keys = feeds.transactions.map((t) => `${t.order_id}#${t.line_no}`);
    expect(new Set(keys).size).toBe(keys.length);
    const channels = new Set(sales.map((t) => t.channel));
    expect([...channels].sort()).toEqual(['marketplace', 'mobile', 'phone', 'store', 'web']);
  });

  it('prices cost of goods at 55-70% of net', () => {
    for (const t of sales) {
      const ratio = Number(t.cost_amount) / Number(t.net_amount);
      expect(ratio).toBeGreaterThanOrEqual(0.54);
      expect(ratio).toBeLessThanOrEqual(0.71);
    }
  });

  it('has heterogeneous purchase counts: most customers buy once or twice, a long tail buys often', () => {
    const orders = new Map<string, Set<string>>();
    for (const t of sales) orders.set(t.customer_id!, (orders.get(t.customer_id!) ?? new Set()).add(t.order_id!));
    const repeats = [...orders.values()].map((o) => o.size - 1).sort((a, b) => a - b);
    expect(orders.size).toBe(options.customers);
    const fewShare = repeats.filter((r) => r <= 1).length / repeats.length;
    const mean = repeats.reduce((s, r) => s + r, 0) / repeats.length;
    const p99 = repeats[Math.floor(repeats.length * 0.99)]!;
    console.log(
      `repeat purchases: ${(fewShare * 100).toFixed(1)}% with 0-1, mean ${mean.toFixed(2)}, p99 ${p99}, max ${repeats.at(-1)}`,
    );
    expect(fewShare).toBeGreaterThan(0.6);
    expect(p99).toBeGreaterThanOrEqual(10 * Math.max(1, mean));
    const order = new Map<string, number>();
    for (const t of sales) order.set(t.order_id!, (order.get(t.order_id!) ?? 0) + Number(t.net_amount));
    const aov = [...order.values()].reduce((s, v) => s + v, 0) / order.size;
    console.log(`average order value ${aov.toFixed(2)} EUR over ${order.size} orders`);
    expect(aov).toBeGreaterThan(30);
    expect(aov).toBeLessThan(45);
  });

  it('lets customers shop at several retailers under one email', () => {
    const firms = new Map<string, Set<string>>();
    for (const t of sales)
      firms.set(t.customer_id!, (firms.get(t.customer_id!) ?? new Set()).add(t.order_id!.split('-')[0]!));
    expect([...firms.values()].filter((f) => f.size > 1).length).toBeGreaterThan(100);
  });

  it('has multichannel customers spend more on average than single-channel ones', () => {
    const byCustomer = new Map<string, { channels: Set<string>; orders: Map<string, number> }>();
    for (const t of sales) {
      const c = byCustomer.get(t.customer_id!) ?? { channels: new Set(), orders: new Map() };
      c.channels.add(t.channel!);
      c.orders.set(t.order_id!, (c.orders.get(t.order_id!) ?? 0) + Number(t.net_amount));
      byCustomer.set(t.customer_id!, c);
    }
    const stats = (multi: boolean) => {
      const group = [...byCustomer.values()].filter((c) => c.channels.size > 1 === multi);
      const spend = group.map((c) => [...c.orders.values()].reduce((s, v) => s + v, 0));
      const orders = group.reduce((s, c) => s + c.orders.size, 0);
      const total = spend.reduce((s, v) => s + v, 0);
      return { customers: group.length, perCustomer: total / group.length, perOrder: total / orders };
    };
    const single = stats(false);
    const multi = stats(true);
    console.log(
      `single-channel: ${single.customers} customers, ${single.perCustomer.toFixed(2)} EUR each, ${single.perOrder.toFixed(2)} per order; ` +
        `multichannel: ${multi.customers}, ${multi.perCustomer.toFixed(2)} EUR each, ${multi.perOrder.toFixed(2)} per order`,
    );
    expect(multi.customers).toBeGreaterThan(100);
    expect(multi.perCustomer).toBeGreaterThan(2 * single.perCustomer);
    expect(multi.perOrder).toBeGreaterThan(single.perOrder);
  });

  it('returns 3-10% of lines as negative lines of the same order', () => {
    const returns = feeds.transactions.filter((t) => Number(t.quantity) < 0);
    const share = returns.length / feeds.transactions.length;
    console.log(`returns: ${(share * 100).toFixed(1)}% of ${feeds.transactions.length} lines`);
    expect(share).toBeGreaterThan(0.03);
    expect(share).toBeLessThan(0.1);
    const sold = new Map(sales.map((t) => [`${t.order_id}|${t.sku}`, t]));
    for (const r of returns) {
      expect(Number(r.net_amount)).toBeLessThan(0);
      const original = sold.get(`${r.order_id}|${r.sku}`)!;
      expect(original).toBeDefined();
      expect(Number(r.line_no)).toBeGreaterThan(Number(original.line_no));
      expect(r.occurred_at! > original.occurred_at!).toBe(true);
    }
  });

  it('ships web and mobile orders, 5-15% late, some in transit or expedited', () => {
    const online = new Set(sales.filter((t) => t.channel === 'web' || t.channel === 'mobile').map((t) => t.order_id));
    expect(new Set(feeds.shipments.map((s) => s.order_id))).toEqual(online);
    const delivered = feeds.shipments.filter((s) => s.delivered_at !== '');
    const late = delivered.filter((s) => s.delivered_at! > s.promised_at!).length / delivered.length;
    const inTransit = feeds.shipments.length - delivered.length;
    const expedited = feeds.shipments.filter((s) => s.expedited === 'true').length;
    console.log(
      `shipments: ${feeds.shipments.length}, ${(late * 100).toFixed(1)}% late, ${inTransit} in transit, ${expedited} expedited`,
    );
    expect(late).toBeGreaterThan(0.05);
    expect(late).toBeLessThan(0.15);
    expect(inTransit).toBeGreaterThan(0);
    expect(expedited).toBeGreaterThan(0);
  });

  it('opens service cases, some unresolved or beyond seven days, some rated', () => {
    const cases = feeds.service_cases;
    const open = cases.filter((c) => c.resolved_at === '').length;
    const slow = cases.filter(
      (c) => c.resolved_at !== '' && Date.parse(c.resolved_at!) - Date.parse(c.opened_at!) > 7 * 86_400_000,
    ).length;
    const rated = cases.filter((c) => c.satisfaction !== '').length;
    console.log(`service cases: ${cases.length}, ${open} open, ${slow} beyond seven days, ${rated} rated`);
    expect(open).toBeGreaterThan(0);
    expect(slow / cases.length).toBeGreaterThan(0.03);
    expect(slow / cases.length).toBeLessThan(0.25);
    expect(rated).toBeGreaterThan(0);
    expect(rated).toBeLessThan(cases.length);
    expect(new Set(feeds.activities.map((a) => a.activity))).toEqual(new Set(activityCodes));
  });

  it('keeps each feed in time order', () => {
    const sorted = (values: string[]) => values.every((v, i) => i === 0 || values[i - 1]! <= v);
    const chain = generateValueChain(options);
    for (const firm of options.retailers) {
      const times = [...chain.firms[firm]!.transactions!()].map((l) => l.split(',')[2]!);
      expect(sorted(times)).toBe(true);
    }
  });

  it('streams 100,000 transaction rows in well under a few seconds', () => {
    const chain = generateValueChain({ ...options, customers: 40_000, seed: 11 });
    const began = performance.now();
    let rows = 0;
    for (const row of chain.lines()) {
      if (row.dataset === 'transactions' && ++rows === 100_000) break;
    }
    const ms = performance.now() - began;
    console.log(`100,000 transaction rows in ${ms.toFixed(0)} ms`);
    expect(rows).toBe(100_000);
    expect(ms).toBeLessThan(5000);
  });
});
