// What the CLI prints: summaries, tables, progress lines, and the exit code a batch deserves.
import type { Batch, RowError } from './api.ts';
import type { Problem } from './problem.ts';

/** 0: loaded with every row; 2: loaded with rejected rows; 1: failed (or refused, decided elsewhere). */
export function exitCodeFor(batch: Batch): 0 | 1 | 2 {
  switch (batch.status) {
    case 'succeeded':
      return batch.rowsRejected > 0 ? 2 : 0;
    case 'failed':
      return 1;
    case 'receiving':
    case 'received':
    case 'validating':
    case 'loading':
      // Only seen with --no-wait: the upload was taken, which is all that was asked.
      return 0;
  }
}

const count = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return count.format(n);
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${units[unit]}`;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${String(Math.round(seconds % 60)).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

/** How long the server took from having the whole upload to finishing it, when both times are known. */
export function serverDuration(batch: Batch): number | null {
  if (!batch.finishedAt || !batch.receivedAt) return null;
  const took = Date.parse(batch.finishedAt) - Date.parse(batch.receivedAt);
  return Number.isNaN(took) ? null : took;
}

/** The summary on stdout after a push; `elapsedMs` is the whole command, hashing and upload included. */
export function formatSummary(batch: Batch, elapsedMs: number): string {
  const server = serverDuration(batch);
  const lines = [
    ['batch', batch.id],
    ['status', batch.status],
    ['dataset', `${batch.dataset} (${batch.format}${batch.compressed ? ', gzip' : ''}, ${formatBytes(batch.bytes)})`],
    [
      'rows',
      `${formatCount(batch.rowsReceived)} received, ${formatCount(batch.rowsAccepted)} accepted, ${formatCount(batch.rowsRejected)} rejected`,
    ],
    ['duration', `${formatDuration(elapsedMs)}${server === null ? '' : ` (server ${formatDuration(server)})`}`],
  ];
  if (batch.error) lines.push(['error', `${batch.error.code}: ${batch.error.message}`]);
  return lines.map(([name, value]) => `${name!.padEnd(9)}${value}`).join('\n') + '\n';
}

/** A refusal on stderr: the problem's code and detail, then its itemised errors if any. */
export function formatProblem(problem: Problem): string {
  const lines = [`error: ${problem.code}: ${problem.detail ?? problem.title} (HTTP ${problem.status})`];
  for (const item of problem.errors ?? []) lines.push(`  - ${describeItem(item)}`);
  return lines.join('\n') + '\n';
}

function describeItem(item: unknown): string {
  if (!item || typeof item !== 'object') return String(item);
  const fields = item as Record<string, unknown>;
  const where = [fields.column, fields.field, fields.path, fields.pointer, fields.instancePath].find(
    (v) => typeof v === 'string' && v !== '',
  );
  const what = [fields.code, fields.message, fields.detail].filter((v) => typeof v === 'string').join(': ');
  return what ? `${typeof where === 'string' ? `${where}: ` : ''}${what}` : JSON.stringify(item);
}

/** Columns padded to their widest cell; numbers right-aligned. */
export function formatTable(header: string[], rows: string[][], numeric: ReadonlySet<number> = new Set()): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

export function formatBatchTable(batches: Batch[]): string {
  if (batches.length === 0) return 'no batches\n';
  return formatTable(
    ['BATCH', 'DATASET', 'STATUS', 'ROWS', 'ACCEPTED', 'REJECTED', 'SIZE', 'PUSHED AT', 'TOOK'],
    batches.map((b) => {
      const took = serverDuration(b);
      return [
        b.id,
        b.dataset,
        b.status === 'succeeded' || b.status === 'failed' ? b.status : `${b.status} ${Math.round(b.progress * 100)}%`,
        formatCount(b.rowsReceived),
        formatCount(b.rowsAccepted),
        formatCount(b.rowsRejected),
        formatBytes(b.bytes),
        b.createdAt.replace(/\.\d+Z$/, 'Z'),
        took === null ? '' : formatDuration(took),
      ];
    }),
    new Set([3, 4, 5, 6]),
  );
}

export const errorHeader = ['ROW', 'COLUMN', 'CODE', 'VALUE', 'MESSAGE'];

/** One page of error rows; values are quoted so empty and blank ones show. */
export function errorRows(items: RowError[]): string[][] {
  return items.map((e) => [
    String(e.rowNumber),
    e.column,
    e.code,
    JSON.stringify(e.value.length > 40 ? `${e.value.slice(0, 39)}…` : e.value),
    e.message,
  ]);
}

function bar(fraction: number, width = 20): string {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
  return `[${'='.repeat(filled)}${' '.repeat(width - filled)}]`;
}

/** The upload's progress line: bytes, percent and rate. */
export function uploadLine(sent: number, total: number, elapsedMs: number): string {
  const fraction = total > 0 ? sent / total : 1;
  const rate = elapsedMs > 0 ? (sent / elapsedMs) * 1000 : 0;
  return `uploading ${bar(fraction)} ${String(Math.floor(fraction * 100)).padStart(3)}%  ${formatBytes(sent)} / ${formatBytes(total)}  ${formatBytes(rate)}/s`;
}

/** The waiting line: the batch's status, progress and rows so far. */
export function batchLine(batch: Batch): string {
  return `${batch.status.padEnd(10)}${bar(batch.progress)} ${String(Math.floor(batch.progress * 100)).padStart(3)}%  ${formatCount(batch.rowsReceived)} rows`;
}
