import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Customer360 } from '$lib/types';
import { keepLookup, takeLookup } from './customers';

const customer = (customerKey: string): Customer360 => ({
  customerKey,
  firstPurchaseAt: null,
  lastPurchaseAt: null,
  partners: [],
  shipments: [],
  serviceCases: [],
  activities: [],
  hidden: [],
});

describe('the kept lookup answer', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  test('is taken once, by the same user, firm, network and key', () => {
    keepLookup('u1', 'f1', 'n1', customer('a'.repeat(64)));
    expect(takeLookup('u2', 'f1', 'n1', 'a'.repeat(64))).toBeNull();
    expect(takeLookup('u1', 'f2', 'n1', 'a'.repeat(64))).toBeNull();
    expect(takeLookup('u1', 'f1', 'n2', 'a'.repeat(64))).toBeNull();
    expect(takeLookup('u1', 'f1', 'n1', 'b'.repeat(64))).toBeNull();
    expect(takeLookup('u1', 'f1', 'n1', 'a'.repeat(64))?.customerKey).toBe('a'.repeat(64));
    expect(takeLookup('u1', 'f1', 'n1', 'a'.repeat(64))).toBeNull();
  });

  test('expires after a minute', () => {
    vi.useFakeTimers();
    keepLookup('u1', 'f1', 'n1', customer('c'.repeat(64)));
    vi.advanceTimersByTime(61_000);
    expect(takeLookup('u1', 'f1', 'n1', 'c'.repeat(64))).toBeNull();
  });
});
