// CSV answers (RFC 4180) for the API and the portal: a header row, then one line per record, fields quoted when
// they must be, and text that a spreadsheet would run as a formula defused.
import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | boolean | null | undefined;

export interface CsvOptions {
  /** `\n` (the API's answers) or `\r\n` (RFC 4180's, the portal's own downloads); every line ends with it. */
  lineEnding?: '\n' | '\r\n';
}

// A spreadsheet reads a cell that starts with one of these as a formula (OWASP, CSV injection); the full-width
// forms too, as some spreadsheets fold them to the ASCII ones.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
// Exact decimals arrive as text (numeric columns are read as text so that no digit is lost); a spreadsheet reads
// such a cell as a number, never a formula, so "-12.50" stays as it is.
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A text cell as a spreadsheet should show it: one that would start a formula gets a leading `'`, which makes
 * the spreadsheet take it as text. Numbers, and text that is a plain number, are left alone.
 */
export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** Records as CSV lines, each ending with the line ending (no records: the empty string). */
export function csvLines(records: readonly (readonly CsvCell[])[], options: CsvOptions = {}): string {
  if (records.length === 0) return '';
  return stringify(records as CsvCell[][], {
    record_delimiter: options.lineEnding === '\r\n' ? 'windows' : 'unix',
    // a field holding a line break of either kind is quoted, whichever line ending the file uses
    quote_record_delimiter: true,
    cast: {
      string: defuseFormula,
      // `true`/`false` as words (the library's default writes 1 and an empty cell)
      boolean: (value) => String(value),
    },
  });
}

/** A whole CSV document: the header row, then the rows. */
export function csvTable(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  options: CsvOptions = {},
): string {
  return csvLines([header, ...rows], options);
}
