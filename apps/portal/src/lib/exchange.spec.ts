import { describe, expect, it } from 'vitest';
import { feedFileKind, formatBytes, formatCount, formatFreshness, formatPercent, isFinished } from './exchange';

describe('feedFileKind', () => {
  it('sends CSV unless the name says NDJSON, and gzip when it ends in .gz', () => {
    expect(feedFileKind('orders.csv')).toEqual({ mediaType: 'text/csv', gzip: false });
    expect(feedFileKind('orders.CSV.GZ')).toEqual({ mediaType: 'text/csv', gzip: true });
    expect(feedFileKind('export.txt')).toEqual({ mediaType: 'text/csv', gzip: false });
    expect(feedFileKind('events.ndjson')).toEqual({ mediaType: 'application/x-ndjson', gzip: false });
    expect(feedFileKind('events.jsonl.gz')).toEqual({ mediaType: 'application/x-ndjson', gzip: true });
  });
});

describe('formats', () => {
  it('says how fresh a dataset is, with a clear never', () => {
    expect(formatFreshness(null)).toBe('Never');
    expect(formatFreshness(undefined)).toBe('Never');
    expect(formatFreshness(0)).toBe('Just now');
    expect(formatFreshness(0.4)).toBe('24 min ago');
    expect(formatFreshness(3.2)).toBe('3.2 h ago');
    expect(formatFreshness(72)).toBe('3.0 days ago');
  });

  it('writes sizes, counts and percentages', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(393_378)).toBe('384 KB');
    expect(formatBytes(7_424_073)).toBe('7.1 MB');
    expect(formatBytes(2 * 1024 ** 3)).toBe('2.0 GB');
    expect(formatCount(6919)).toBe('6,919');
    expect(formatPercent(0.456)).toBe('46 %');
    expect(formatPercent(1.2)).toBe('100 %');
  });

  it('knows when a batch is finished', () => {
    expect(isFinished('succeeded')).toBe(true);
    expect(isFinished('failed')).toBe(true);
    expect(isFinished('validating')).toBe(false);
    expect(isFinished('received')).toBe(false);
  });
});
