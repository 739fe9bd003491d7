// Reading a feed body: strict UTF-8 text in, one record (column name to raw text) or one problem out
// per row, handed to a callback synchronously. The job checks and buffers each row as it comes, so
// there is no promise per row; it awaits the database only between pieces of text.
import { acceptedColumns, checkHeader, MAX_COLUMNS, type DatasetSpec, type FieldProblem } from '@accord/domain';
import { parse } from 'csv-parse';
import type { Readable } from 'node:stream';

/** The longest CSV record or NDJSON line read; longer ones fail the batch rather than the worker's memory. */
export const MAX_RECORD_BYTES = 1024 * 1024;
export const ERROR_VALUE_CHARS = 200;

/** A problem with the batch as a whole: it fails, with this code and message. */
export class BatchFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type FeedRecord = { fields: Record<string, string | undefined> } | { problem: FieldProblem };

export interface RecordReader {
  /** Reads a piece of text, calling back for each complete record in it; throws a BatchFailure. */
  write(text: string): void;
  /** Reads what is left; throws a BatchFailure. */
  end(): Promise<void>;
}

export function recordReader(
  spec: DatasetSpec,
  format: 'csv' | 'ndjson',
  ignoreUnknown: boolean,
  onRecord: (record: FeedRecord) => void,
): RecordReader {
  return format === 'csv' ? csvReader(spec, ignoreUnknown, onRecord) : ndjsonReader(spec, ignoreUnknown, onRecord);
}

/** Strict UTF-8 text (a byte-order mark is dropped); invalid bytes or a broken gzip stream fail the batch. */
export async function* decodedText(body: Readable): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      yield decoder.decode(chunk, { stream: true });
    }
    const tail = decoder.decode();
    if (tail) yield tail;
  } catch (error) {
    if (error instanceof TypeError && /encoded data was not valid/i.test(error.message)) {
      throw new BatchFailure('invalid_utf8', 'The feed is not valid UTF-8; save it as UTF-8 and push it again.');
    }
    if ((error as { code?: string }).code?.startsWith('Z_')) {
      throw new BatchFailure('invalid_gzip', 'The gzip body is truncated or corrupt; compress the file again.');
    }
    throw error;
  }
}

function csvReader(spec: DatasetSpec, ignoreUnknown: boolean, onRecord: (record: FeedRecord) => void): RecordReader {
  let header: string[] | null = null;
  const onFields = (fields: string[]) => {
    if (!header) {
      header = fields.map((f) => f.trim());
      const problem = checkHeader(spec, header, ignoreUnknown);
      if (problem) throw headerFailure(problem.code, problem.columns, header);
      return;
    }
    if (fields.length !== header.length) {
      onRecord({
        problem: {
          column: '',
          value: fields.join(',').slice(0, ERROR_VALUE_CHARS),
          code: 'field_count',
          message: `Expected ${header.length} fields like the header, found ${fields.length}.`,
        },
      });
      return;
    }
    const record: Record<string, string> = {};
    for (let i = 0; i < header.length; i++) record[header[i]!] = fields[i]!;
    onRecord({ fields: record });
  };
  const parser = parse({ relax_column_count: true, skip_empty_lines: true, max_record_size: MAX_RECORD_BYTES });
  // In flowing mode each record is handed over as the parser pushes it, within write(): nothing queues.
  parser.on('data', onFields);
  parser.on('error', () => {}); // read from `errored` below
  const check = () => {
    const error = parser.errored;
    if (!error) return;
    if (error instanceof BatchFailure) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('CSV_')) {
      const detail =
        code === 'CSV_MAX_RECORD_SIZE' ? `A record is longer than ${MAX_RECORD_BYTES} bytes.` : error.message;
      throw new BatchFailure('malformed_csv', `The CSV cannot be read: ${detail}`);
    }
    throw error;
  };
  return {
    write(text) {
      check();
      parser.write(text);
      check();
    },
    async end() {
      check();
      await new Promise<void>((resolve) => parser.end(() => resolve()));
      check();
      if (!header)
        throw new BatchFailure(
          'missing_header',
          `The feed has no header row; start with: ${acceptedColumns(spec).join(',')}`,
        );
    },
  };
}

function headerFailure(code: string, columns: string[], header: string[]): BatchFailure {
  const hint =
    header.length === 1 && /[;\t|]/.test(header[0]!)
      ? ' The header has a single column: is the file separated by semicolons or tabs instead of commas?'
      : '';
  const named =
    columns.length > 20 ? `${columns.slice(0, 20).join(', ')} and ${columns.length - 20} more` : columns.join(', ');
  const what: Record<string, string> = {
    missing_columns: `The header lacks required column(s): ${named}.`,
    unknown_columns: `The header has column(s) this dataset does not have: ${named} (add ?ignoreUnknown=true to skip them).`,
    duplicate_columns: `The header repeats column(s): ${named}.`,
    customer_identifier_column_missing: 'The header needs customer_id or customer_key.',
    too_many_columns: `The header has ${header.length} columns; a feed has at most ${MAX_COLUMNS}.`,
  };
  return new BatchFailure(code, `${what[code] ?? code}${hint}`);
}

function ndjsonReader(spec: DatasetSpec, ignoreUnknown: boolean, onRecord: (record: FeedRecord) => void): RecordReader {
  const accepted = new Set(acceptedColumns(spec));
  let current = '';
  let tooLong = false;

  const onLine = (line: string) => {
    if (!line.trim()) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      parsed = undefined;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      onRecord({
        problem: {
          column: '',
          value: line.slice(0, ERROR_VALUE_CHARS),
          code: 'invalid_json',
          message: parsed === undefined ? 'The line is not valid JSON.' : 'Each line must be a JSON object.',
        },
      });
      return;
    }
    const unknown = Object.keys(parsed).filter((k) => !accepted.has(k));
    if (unknown.length && !ignoreUnknown) {
      onRecord({
        problem: {
          column: unknown[0]!,
          value: '',
          code: 'unknown_field',
          message: `Field(s) this dataset does not have: ${unknown.join(', ')} (add ?ignoreUnknown=true to skip them).`,
        },
      });
      return;
    }
    const fields: Record<string, string | undefined> = {};
    for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
      if (value === null || value === undefined) continue;
      if (typeof value === 'object') {
        // every column is a single value; a nested one (however deep) is this row's problem, not the batch's
        onRecord({
          problem: {
            column: key,
            value: '',
            code: 'invalid_value',
            message: `The field must be a string, number or boolean, not ${Array.isArray(value) ? 'an array' : 'an object'}.`,
          },
        });
        return;
      }
      if (typeof value === 'string') fields[key] = value;
      else if (typeof value === 'number' || typeof value === 'boolean') fields[key] = String(value);
    }
    onRecord({ fields });
  };
  const onTooLong = () =>
    onRecord({
      problem: {
        column: '',
        value: '',
        code: 'line_too_long',
        message: `A line is longer than ${MAX_RECORD_BYTES} bytes.`,
      },
    });
  const finishLine = () => {
    if (tooLong || current.length > MAX_RECORD_BYTES) onTooLong();
    else onLine(current.endsWith('\r') ? current.slice(0, -1) : current);
    current = '';
    tooLong = false;
  };

  // Never more than one bounded line is held: a line past the limit is dropped as it arrives.
  return {
    write(text) {
      let start = 0;
      for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
        if (!tooLong) current += text.slice(start, nl);
        finishLine();
        start = nl + 1;
      }
      if (!tooLong) current += text.slice(start);
      if (current.length > MAX_RECORD_BYTES) {
        tooLong = true;
        current = '';
      }
    },
    async end() {
      if (current || tooLong) finishLine();
    },
  };
}
