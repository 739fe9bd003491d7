// The recompute's fitting path (customer columns as the aggregation fills them, weighted by distinct
// history) gives back the published CDNOW fits on the 2,357-customer sample calibrated to 1997-09-30:
// "Counting your customers the easy way" (BG/NBD) and "RFM and CLV: using iso-value curves" (Gamma-Gamma),
// Fader, Hardie and Lee, 2005.
import { readFileSync } from 'node:fs';
import { customerHistories, type Purchase } from '@accord/domain';
import { describe, expect, it } from 'vitest';
import { CustomerColumns, observedMargin } from './customer-columns.ts';
import { fitCustomerModels } from './models.ts';

const purchases: Purchase[] = readFileSync(
  new URL('../../../fixtures/data/cdnow/CDNOW_sample.txt', import.meta.url),
  'utf8',
)
  .trim()
  .split('\n')
  .map((line) => {
    const [, id, d, , dollars] = line.trim().split(/\s+/) as [string, string, string, string, string];
    return { customer: id, day: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}`, amount: Number(dollars) };
  });

/** The sample's customers as rows of the aggregation (days, spans, amounts), in whole days. */
function cdnowColumns(): CustomerColumns {
  const h = customerHistories(purchases, '1997-09-30', 'day');
  const columns = new CustomerColumns();
  h.customers.forEach((customer, i) => {
    const x = h.x[i]!;
    const first = 10;
    const amount = first + h.zbar[i]! * x;
    columns.push({
      customer_key: customer.padStart(64, '0'),
      days: x + 1,
      recency_days: h.T[i]! - h.tx[i]!,
      span_days: h.tx[i]!,
      age_days: h.T[i]!,
      purchase_amount: amount,
      first_amount: first,
      net_revenue: String(amount),
      cost_of_goods: String(amount / 2),
      cost_to_serve: '0',
      profit: String(amount / 2),
      channels: 1,
      wallet_shares: '{}',
    });
  });
  columns.trim();
  return columns;
}

describe('fitting the customer columns', () => {
  const columns = cdnowColumns();

  it('holds every customer of the sample', () => {
    expect(columns.length).toBe(2357);
    expect(observedMargin(columns)).toBeCloseTo(0.5, 10);
  });

  it('reproduces the published BG/NBD and Gamma-Gamma estimates in weeks', () => {
    const { models, bgNbd, gammaGamma } = fitCustomerModels(columns, 7);
    expect(models.fittedCustomers).toBe(2357);
    expect(bgNbd!.r).toBeCloseTo(0.243, 3);
    expect(bgNbd!.alpha).toBeCloseTo(4.414, 2);
    expect(bgNbd!.a).toBeCloseTo(0.793, 3);
    expect(bgNbd!.b).toBeCloseTo(2.426, 2);
    expect(models.bgNbd!.logLikelihood).toBeCloseTo(-9582.4, 0);
    expect(gammaGamma!.p).toBeCloseTo(6.25, 1);
    expect(gammaGamma!.q).toBeCloseTo(3.74, 1);
    expect(gammaGamma!.gamma).toBeCloseTo(15.44, 0);
  });

  it('fits nothing with too few customers', () => {
    const few = new CustomerColumns();
    for (let i = 0; i < columns.length && few.length < 10; i++)
      few.push({
        customer_key: columns.keys[i]!,
        days: columns.days[i]!,
        recency_days: 0,
        span_days: columns.spanDays[i]!,
        age_days: columns.ageDays[i]!,
        purchase_amount: 20,
        first_amount: 10,
        net_revenue: '20',
        cost_of_goods: '0',
        cost_to_serve: '0',
        profit: '20',
        channels: 1,
        wallet_shares: '{}',
      });
    expect(fitCustomerModels(few, 7).bgNbd).toBeNull();
  });
});
