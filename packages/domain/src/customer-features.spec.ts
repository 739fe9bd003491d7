import { describe, expect, it } from 'vitest';
import { answeredFeatures, csvFeatures, customerFeatureColumns, schemeFeatures } from './customer-features.ts';

describe('customer features', () => {
  it('lists every column once, the key first', () => {
    expect(new Set(customerFeatureColumns).size).toBe(customerFeatureColumns.length);
    expect(customerFeatureColumns[0]).toBe('customer_key');
    expect(customerFeatureColumns).toHaveLength(22);
  });

  it('derives what schemes test, what the API answers and what the CSV carries, in column order', () => {
    expect(schemeFeatures).not.toContain('customer_key');
    expect(schemeFeatures).not.toContain('segment');
    expect(schemeFeatures).toContain('clv_percentile');
    expect(csvFeatures).toEqual(answeredFeatures.filter((c) => c !== 'wallet_shares'));
    for (const list of [schemeFeatures, answeredFeatures, csvFeatures]) {
      const positions = list.map((c) => customerFeatureColumns.indexOf(c));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
  });
});
