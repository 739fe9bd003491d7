// CSV answers (RFC 4180): a header row, then one line per record; fields quoted when they must be.
import type { FastifyReply } from 'fastify';

export function csvCell(value: string | number | boolean | null): string {
  const text = value === null ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function sendCsv(
  reply: FastifyReply,
  filename: string,
  header: readonly string[],
  rows: readonly (readonly (string | number | boolean | null)[])[],
) {
  const lines = [header.join(','), ...rows.map((row) => row.map(csvCell).join(','))];
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(lines.join('\n') + '\n');
}
