import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultIdempotencyKey, detectFormat } from './files.ts';

describe('detectFormat', () => {
  it.each([
    ['sales.csv', 'text/csv', false],
    ['sales.CSV.GZ', 'text/csv', true],
    ['export.txt', 'text/csv', false],
    ['events.ndjson', 'application/x-ndjson', false],
    ['events.jsonl.gz', 'application/x-ndjson', true],
    ['/data/2026-03/cases.ndjson.gz', 'application/x-ndjson', true],
    ['archive.gz', 'text/csv', true],
  ])('%s is %s, gzip %s', (name, contentType, gzip) => {
    expect(detectFormat(name)).toMatchObject({ contentType, gzip });
  });
});

describe('defaultIdempotencyKey', () => {
  const dir = mkdtempSync(join(tmpdir(), 'accord-cli-'));
  const file = join(dir, 'a.csv');
  const other = join(dir, 'b.csv');
  writeFileSync(file, 'order_id,line_no\n1,1\n');
  writeFileSync(other, 'order_id,line_no\n1,2\n');
  const scope = { networkId: 'net_1', dataset: 'transactions' };

  it('is a stable SHA-256 of dataset, options and content', async () => {
    const key = await defaultIdempotencyKey(file, scope);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(await defaultIdempotencyKey(file, scope)).toBe(key);
    expect(await defaultIdempotencyKey(other, scope)).not.toBe(key);
    expect(await defaultIdempotencyKey(file, { ...scope, dataset: 'activities' })).not.toBe(key);
    expect(await defaultIdempotencyKey(file, { ...scope, onError: 'reject' })).not.toBe(key);
    expect(await defaultIdempotencyKey(file, { ...scope, networkId: 'net_2' })).not.toBe(key);
  });

  it('reports the bytes it reads', async () => {
    let bytes = 0;
    await defaultIdempotencyKey(file, scope, (n) => (bytes += n));
    expect(bytes).toBe(21);
  });
});
