// CSV answers: a header row, then one line per record (csv-stringify through @accord/domain/csv, so text a firm
// typed that would start a spreadsheet formula is defused).
import { type CsvCell, csvLines, csvTable } from '@accord/domain/csv';
import type { FastifyReply } from 'fastify';

export { csvLines };

export function sendCsv(
  reply: FastifyReply,
  filename: string,
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(csvTable(header, rows));
}
