import { describe, expect, it } from 'vitest';
import {
  checkHeader,
  checkRow,
  customerKey,
  customerKeyer,
  datasetSpecs,
  parseTimestamp,
  storedColumns,
} from './feeds.ts';

const networkKey = '00'.repeat(32);
const key = customerKeyer(networkKey, 2);
const spec = datasetSpecs.transactions;
const good = {
  order_id: 'o-1',
  line_no: '1',
  occurred_at: '1997-01-01',
  customer_id: '  Jane@Example.NET ',
  sku: 'CD',
  quantity: '2',
  net_amount: '29.33',
  currency: 'usd',
  channel: 'Web',
};

describe('feed rows', () => {
  it('normalise values in stored order, hashing the identifier', () => {
    const row = checkRow(spec, good, key);
    expect(row).toEqual({
      ok: true,
      values: [
        customerKey(networkKey, 'jane@example.net'),
        'o-1',
        '1',
        '1997-01-01T00:00:00Z',
        'CD',
        '2',
        '29.33',
        null,
        'USD',
        'web',
        null,
      ],
    });
    expect(storedColumns(spec)).toHaveLength(11);
  });

  it('give the same key for the same person however the identifier is written', () => {
    expect(customerKey(networkKey, ' JANE@example.net')).toBe(customerKey(networkKey, 'jane@example.net'));
    expect(customerKey(networkKey, 'jane@example.net')).not.toBe(customerKey('11'.repeat(32), 'jane@example.net'));
    expect(customerKey(networkKey, 'x')).toMatch(/^[0-9a-f]{64}$/);
    // the remembering keyer answers the same, also after its memory is full and starts over
    for (const id of ['a@x', 'b@x', 'c@x', 'a@x', ' A@X ']) expect(key(id)).toBe(customerKey(networkKey, id));
  });

  it('report every bad field with a code', () => {
    const row = checkRow(
      spec,
      { ...good, occurred_at: '1997-02-30', net_amount: 'twelve', line_no: '', currency: 'XYZ', channel: 'fax' },
      key,
    );
    expect(row.ok).toBe(false);
    if (row.ok) return;
    expect(row.problems.map((p) => [p.column, p.code])).toEqual([
      ['line_no', 'required'],
      ['occurred_at', 'invalid_date'],
      ['net_amount', 'invalid_number'],
      ['currency', 'invalid_currency'],
      ['channel', 'invalid_value'],
    ]);
  });

  it('take a pre-hashed key, but not both identifiers or a malformed key', () => {
    const hashed = customerKey(networkKey, 'jane@example.net');
    const { customer_id: _, ...rest } = good;
    expect(checkRow(spec, { ...rest, customer_key: hashed }, key)).toMatchObject({ ok: true });
    expect(checkRow(spec, { ...good, customer_key: hashed }, key)).toMatchObject({
      ok: false,
      problems: [{ code: 'customer_identifier_conflict' }],
    });
    expect(checkRow(spec, { ...rest, customer_key: 'abc' }, key)).toMatchObject({
      ok: false,
      problems: [{ code: 'invalid_customer_key' }],
    });
    expect(checkRow(spec, rest, key)).toMatchObject({
      ok: false,
      problems: [{ column: 'customer_id', code: 'required' }],
    });
  });

  it('keep money exact and refuse floats in other notations', () => {
    const row = checkRow(spec, { ...good, net_amount: '-12345678901234.123456' }, key);
    expect(row.ok && row.values[6]).toBe('-12345678901234.123456');
    for (const bad of ['1e3', '1,5', '12.', '.5', 'NaN', '1 000']) {
      expect(checkRow(spec, { ...good, net_amount: bad }, key).ok, bad).toBe(false);
    }
  });
});

describe('timestamps', () => {
  it('accept ISO dates and date-times, reject impossible ones', () => {
    expect(parseTimestamp('2026-03-04T10:15:00Z')).toBe('2026-03-04T10:15:00Z');
    expect(parseTimestamp('2026-03-04 10:15')).toBe('2026-03-04T10:15:00Z');
    expect(parseTimestamp('2026-03-04T10:15:00.123+01:00')).toBe('2026-03-04T10:15:00.123+01:00');
    for (const bad of ['2026-02-29', '2026-13-01', '2026-03-04T24:00:00Z', '04/03/2026', '2026-3-4', '']) {
      expect(parseTimestamp(bad), bad).toBeNull();
    }
    expect(parseTimestamp('2024-02-29')).toBe('2024-02-29T00:00:00Z');
  });
});

describe('feed headers', () => {
  it('name missing, unknown and duplicate columns', () => {
    expect(checkHeader(spec, Object.keys(good), false)).toBeNull();
    expect(checkHeader(spec, [...Object.keys(good), 'loyalty_tier'], false)).toEqual({
      code: 'unknown_columns',
      columns: ['loyalty_tier'],
    });
    expect(checkHeader(spec, [...Object.keys(good), 'loyalty_tier'], true)).toBeNull();
    expect(checkHeader(spec, ['order_id;line_no;occurred_at'], true)).toMatchObject({ code: 'missing_columns' });
    expect(checkHeader(spec, [...Object.keys(good), 'sku'], false)).toEqual({
      code: 'duplicate_columns',
      columns: ['sku'],
    });
    const noCustomer = Object.keys(good).filter((k) => k !== 'customer_id');
    expect(checkHeader(spec, noCustomer, false)).toMatchObject({ code: 'customer_identifier_column_missing' });
  });
});
