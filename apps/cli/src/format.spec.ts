import { describe, expect, it } from 'vitest';
import {
  batchLine,
  exitCodeFor,
  formatBatchTable,
  formatBytes,
  formatDuration,
  formatProblem,
  formatSummary,
  uploadLine,
} from './format.ts';
import { batchOf } from './testing.ts';

describe('exitCodeFor', () => {
  it('answers 0 for a clean load, 2 with rejected rows, 1 for a failure', () => {
    expect(exitCodeFor(batchOf({ status: 'succeeded', rowsAccepted: 10 }))).toBe(0);
    expect(exitCodeFor(batchOf({ status: 'succeeded', rowsAccepted: 9, rowsRejected: 1 }))).toBe(2);
    expect(exitCodeFor(batchOf({ status: 'failed', rowsRejected: 1 }))).toBe(1);
    expect(exitCodeFor(batchOf({ status: 'received' }))).toBe(0);
  });
});

describe('formatting', () => {
  it('writes bytes and durations for people', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(5 * 1024 ** 3)).toBe('5.0 GiB');
    expect(formatDuration(250)).toBe('250ms');
    expect(formatDuration(4200)).toBe('4.2s');
    expect(formatDuration(125_000)).toBe('2m05s');
    expect(formatDuration(3_900_000)).toBe('1h05m');
  });

  it('summarises a batch', () => {
    const batch = batchOf({
      id: 'bat_42',
      status: 'succeeded',
      compressed: true,
      bytes: 3 * 1024 * 1024,
      rowsReceived: 12_345,
      rowsAccepted: 12_340,
      rowsRejected: 5,
      finishedAt: '2026-03-04T10:15:04.000Z',
    });
    expect(formatSummary(batch, 6500)).toBe(
      [
        'batch    bat_42',
        'status   succeeded',
        'dataset  transactions (csv, gzip, 3.0 MiB)',
        'rows     12,345 received, 12,340 accepted, 5 rejected',
        'duration 6.5s (server 4.0s)',
        '',
      ].join('\n'),
    );
  });

  it('prints a problem with its code, detail and itemised errors', () => {
    expect(
      formatProblem({
        status: 422,
        code: 'missing_columns',
        title: 'Missing columns',
        detail: 'The header lacks sku.',
        errors: [{ column: 'sku', code: 'required', message: 'A value is required.' }, 'odd'],
      }),
    ).toBe(
      'error: missing_columns: The header lacks sku. (HTTP 422)\n  - sku: required: A value is required.\n  - odd\n',
    );
  });

  it('lays batches out as a table', () => {
    const table = formatBatchTable([
      batchOf({ id: 'bat_2', status: 'loading', progress: 0.42, rowsReceived: 1000 }),
      batchOf({
        id: 'bat_1',
        status: 'succeeded',
        rowsReceived: 10,
        rowsAccepted: 10,
        finishedAt: '2026-03-04T10:15:02Z',
      }),
    ]);
    expect(table.split('\n')[0]).toMatch(
      /^BATCH\s+DATASET\s+STATUS\s+ROWS\s+ACCEPTED\s+REJECTED\s+SIZE\s+PUSHED AT\s+TOOK$/,
    );
    expect(table).toContain('loading 42%');
    expect(table).toContain('2026-03-04T10:14:58Z');
    expect(table).toContain('2.0s');
    expect(formatBatchTable([])).toBe('no batches\n');
  });

  it('draws progress lines', () => {
    expect(uploadLine(5 * 1024 * 1024, 10 * 1024 * 1024, 2000)).toBe(
      'uploading [==========          ]  50%  5.0 MiB / 10.0 MiB  2.5 MiB/s',
    );
    expect(batchLine(batchOf({ status: 'loading', progress: 0.25, rowsReceived: 2000 }))).toBe(
      'loading   [=====               ]  25%  2,000 rows',
    );
  });
});
