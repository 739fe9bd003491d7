// CSV answers: a header row, then one line per record (csv-stringify through @accord/domain/csv, so text a firm
// typed that would start a spreadsheet formula is defused).
import { type CsvCell, csvLines, csvTable } from '@accord/domain/csv';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import type { Page, PageRequest } from './pagination.ts';

export { csvLines };

export function sendCsv(
  reply: FastifyReply,
  filename: string,
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
) {
  return asCsv(reply, filename).send(csvTable(header, rows));
}

/** Rows a streamed CSV answer fetches at a time, each page in a transaction of its own. */
export const CSV_PAGE_ROWS = 5_000;

/**
 * A CSV answer of any length: written page by page as `pages` yields them, each page fetched when the
 * client has taken the previous one, so memory holds one page and the export runs to its end. A page
 * that fails after the first was sent ends the response early (the client sees it cut off, never a
 * short file that looks whole).
 */
export function sendCsvPages(
  reply: FastifyReply,
  filename: string,
  header: readonly string[],
  pages: AsyncIterable<readonly (readonly CsvCell[])[]>,
) {
  async function* text() {
    yield csvLines([header]);
    for await (const rows of pages) yield csvLines(rows);
  }
  return asCsv(reply, filename).send(Readable.from(text(), { objectMode: false }));
}

/** Every page of a keyset-paged list, fetched one after another as the answer is written, as CSV rows. */
export async function* csvPages<T>(
  fetchPage: (request: PageRequest) => Promise<Page<T>>,
  row: (item: T) => readonly CsvCell[],
): AsyncGenerator<readonly (readonly CsvCell[])[]> {
  let cursor: string | undefined;
  do {
    const page = await fetchPage({ limit: CSV_PAGE_ROWS, cursor });
    yield page.items.map(row);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

function asCsv(reply: FastifyReply, filename: string) {
  return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`);
}
