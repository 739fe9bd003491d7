// Fitting the customer-value models on every customer, no sample: BG/NBD by maximum likelihood over
// the distinct (x, t_x, T) histories weighted by their customers, Gamma-Gamma over every repeat buyer,
// and the comparison with modified BG/NBD and Pareto/NBD, on customers simulated from known BG/NBD and
// Gamma-Gamma parameters at daily resolution (two years of cohorts). The floor is one evaluation of the
// BG/NBD log-likelihood over every customer, ungrouped: a fit cannot cost less than reading each
// customer once. Prints the times, the ratio to the floor, and how close the fit came to the truth.
//   pnpm bench model-fit    (BENCH_FIT_CUSTOMERS=1000000,10000000 by default)
import { fitCustomerModels, type PurchaseHistories } from '@accord/analytics';
import { bgNbdLogLikelihood } from '@accord/domain';

const SIZES = (process.env.BENCH_FIT_CUSTOMERS ?? '1000000,10000000').split(',').map(Number);
const TRUTH = { r: 0.25, alpha: 4.4 * 7, a: 0.8, b: 2.4 }; // per day
const SPEND = { p: 6.25, q: 3.74, gamma: 15.44 };
const HORIZON_DAYS = 730;

/** A small seeded generator (mulberry32), so every run simulates the same customers. */
function random(seed: number) {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let z = Math.imul(t ^ (t >>> 15), 1 | t);
    z = (z + Math.imul(z ^ (z >>> 7), 61 | z)) ^ z;
    return ((z ^ (z >>> 14)) >>> 0) / 0x1_0000_0000;
  };
}

/** Gamma(shape, 1) by Marsaglia & Tsang, with the boost for shapes below 1. */
function gammaVariate(u: () => number, shape: number): number {
  if (shape < 1) return gammaVariate(u, shape + 1) * Math.pow(u(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      // a standard normal by Box-Muller
      x = Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const w = u();
    if (w < 1 - 0.0331 * x ** 4 || Math.log(w) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

function simulate(n: number): PurchaseHistories {
  const u = random(n);
  const days = new Float64Array(n);
  const spanDays = new Float64Array(n);
  const ageDays = new Float64Array(n);
  const zbar = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const rate = gammaVariate(u, TRUTH.r) / TRUTH.alpha;
    const pa = gammaVariate(u, TRUTH.a);
    const dropout = pa / (pa + gammaVariate(u, TRUTH.b));
    const spendRate = gammaVariate(u, SPEND.q) / SPEND.gamma;
    const T = Math.floor(u() * HORIZON_DAYS);
    let t = 0;
    let last = 0;
    let x = 0;
    let spent = 0;
    // BG/NBD: customers may drop out after each repeat purchase (not after the first)
    for (;;) {
      t += -Math.log(1 - u()) / rate;
      const day = Math.floor(t);
      if (day > T) break;
      if (day !== last) {
        // another purchase the same day is part of the same transaction
        last = day;
        x++;
        spent += gammaVariate(u, SPEND.p) / spendRate;
      }
      if (u() < dropout) break;
    }
    days[i] = x + 1;
    spanDays[i] = last;
    ageDays[i] = T;
    zbar[i] = x > 0 ? spent / x : 0;
  }
  return { length: n, days, spanDays, ageDays, zbar };
}

const ms = (from: number) => Math.round(performance.now() - from);

for (const n of SIZES) {
  let started = performance.now();
  const histories = simulate(n);
  const simulated = ms(started);
  started = performance.now();
  const x = Float64Array.from(histories.days, (d) => d - 1);
  const floorLl = bgNbdLogLikelihood(TRUTH, { x, tx: histories.spanDays, T: histories.ageDays });
  const floor = ms(started);
  started = performance.now();
  const { models } = fitCustomerModels(histories, 1);
  const fit = ms(started);
  started = performance.now();
  const compared = fitCustomerModels(histories, 1, { compare: true }).models;
  const comparison = ms(started);
  const bg = models.bgNbd!;
  const off = (['r', 'alpha', 'a', 'b'] as const)
    .map((k) => `${k} ${bg[k].toPrecision(4)} (true ${TRUTH[k]}, se ${bg.standardErrors?.[k]?.toPrecision(2)})`)
    .join(', ');
  console.log(`\n${n.toLocaleString('en')} customers (simulated in ${simulated} ms):`);
  console.log(
    `  distinct histories: ${models.distinctHistories?.toLocaleString('en')}, repeat buyers ${models.repeatCustomers.toLocaleString('en')}`,
  );
  console.log(`  floor, one BG/NBD likelihood pass over every customer: ${floor} ms (ll ${floorLl.toFixed(0)})`);
  console.log(
    `  exact BG/NBD + Gamma-Gamma fit: ${fit} ms, ${(fit / floor).toFixed(2)}x the floor, converged ${bg.converged}/${models.gammaGamma?.converged}`,
  );
  console.log(
    `  with modified BG/NBD and Pareto/NBD compared: ${comparison} ms, ${(comparison / floor).toFixed(2)}x the floor; best by BIC: ${compared.comparison?.[0]?.model}`,
  );
  console.log(`  BG/NBD: ${off}`);
  const gg = models.gammaGamma!;
  console.log(
    `  Gamma-Gamma: ${(['p', 'q', 'gamma'] as const).map((k) => `${k} ${gg[k].toPrecision(4)} (true ${SPEND[k]})`).join(', ')}`,
  );
}
