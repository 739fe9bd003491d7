// The data exchange's feed datasets: their columns, how each value is checked and normalised, and
// how raw customer identifiers become pseudonymous customer keys. Pure: the worker streams rows
// through `checkRow`, the API documents the same specs.
import { createHmac } from 'node:crypto';
import { salesChannels, type Dataset } from './vocabulary.ts';

type ColumnType =
  | { kind: 'text'; maxLength: number }
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'decimal' }
  | { kind: 'timestamp' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'boolean' }
  | { kind: 'currency' };

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  required: boolean;
  description: string;
}

export interface DatasetSpec {
  dataset: Dataset;
  /** Columns other than the customer identifier, in the order they are stored. */
  columns: readonly ColumnSpec[];
  /** Whether rows carry a customer (customer_id, hashed on ingest, or customer_key). */
  customer: boolean;
  /** The columns that identify a row: re-sending a row with the same key restates it. */
  naturalKey: readonly string[];
}

const text = (maxLength = 200): ColumnType => ({ kind: 'text', maxLength });
const col = (name: string, type: ColumnType, required: boolean, description: string): ColumnSpec => ({
  name,
  type,
  required,
  description,
});

export const datasetSpecs: Record<Dataset, DatasetSpec> = {
  transactions: {
    dataset: 'transactions',
    customer: true,
    naturalKey: ['order_id', 'line_no'],
    columns: [
      col('order_id', text(), true, 'The order, as the firm numbers it.'),
      col('line_no', { kind: 'integer', min: 0, max: 1_000_000 }, true, 'The line within the order.'),
      col('occurred_at', { kind: 'timestamp' }, true, 'ISO 8601 date or date-time (UTC when no offset).'),
      col('sku', text(), true, 'The product.'),
      col('quantity', { kind: 'decimal' }, true, 'Units; negative for a return.'),
      col('net_amount', { kind: 'decimal' }, true, 'After discounts; negative for a refund.'),
      col('cost_amount', { kind: 'decimal' }, false, 'Cost of goods.'),
      col('currency', { kind: 'currency' }, true, 'ISO 4217 code, e.g. EUR.'),
      col('channel', { kind: 'enum', values: salesChannels }, true, salesChannels.join(' | ')),
      col('location_id', text(), false, 'The store or site.'),
    ],
  },
  shipments: {
    dataset: 'shipments',
    customer: true,
    naturalKey: ['shipment_id'],
    columns: [
      col('shipment_id', text(), true, 'The shipment, as the firm numbers it.'),
      col('order_id', text(), true, 'The order shipped.'),
      col('carrier', text(), true, 'Who carries it.'),
      col('promised_at', { kind: 'timestamp' }, true, 'Promised delivery.'),
      col('delivered_at', { kind: 'timestamp' }, false, 'Actual delivery; empty while in transit.'),
      col('expedited', { kind: 'boolean' }, true, 'true or false.'),
      col('cost_amount', { kind: 'decimal' }, true, 'What the delivery cost.'),
      col('currency', { kind: 'currency' }, false, 'ISO 4217 code of cost_amount.'),
    ],
  },
  service_cases: {
    dataset: 'service_cases',
    customer: true,
    naturalKey: ['case_id'],
    columns: [
      col('case_id', text(), true, 'The case, as the firm numbers it.'),
      col('opened_at', { kind: 'timestamp' }, true, 'When it was opened.'),
      col('resolved_at', { kind: 'timestamp' }, false, 'When it was resolved; empty while open.'),
      col('channel', { kind: 'enum', values: salesChannels }, true, salesChannels.join(' | ')),
      col('category', text(), true, 'What it was about.'),
      col('satisfaction', { kind: 'integer', min: 1, max: 5 }, false, '1 to 5.'),
    ],
  },
  activities: {
    dataset: 'activities',
    customer: true,
    naturalKey: ['customer_key', 'activity', 'occurred_at'],
    columns: [
      col('activity', text(100), true, "A code of the firm's cost model, e.g. order_change."),
      col('occurred_at', { kind: 'timestamp' }, true, 'When it happened.'),
      col('quantity', { kind: 'decimal' }, true, 'How many times.'),
    ],
  },
};

export const CUSTOMER_ID = 'customer_id';
export const CUSTOMER_KEY = 'customer_key';

/** Every column a feed of the dataset may carry, identifiers first. */
export function acceptedColumns(spec: DatasetSpec): string[] {
  return [...(spec.customer ? [CUSTOMER_ID, CUSTOMER_KEY] : []), ...spec.columns.map((c) => c.name)];
}

/** The order in which a checked row's values are stored: customer_key, then the spec's columns. */
export function storedColumns(spec: DatasetSpec): string[] {
  return [...(spec.customer ? [CUSTOMER_KEY] : []), ...spec.columns.map((c) => c.name)];
}

export type HeaderProblem =
  | { code: 'missing_columns'; columns: string[] }
  | { code: 'unknown_columns'; columns: string[] }
  | { code: 'duplicate_columns'; columns: string[] }
  | { code: 'customer_identifier_column_missing'; columns: string[] }
  | { code: 'too_many_columns'; columns: string[] };

/** Checks a feed's column names against the dataset; unknown columns may be ignored on request. */
/**
 * Rejected rows whose problems a batch keeps for its error report: the first ones, which show what is
 * wrong; `rowsRejected` still counts them all.
 */
export const MAX_ERROR_ROWS = 10_000;

/** The widest header a feed may have: every dataset has a dozen columns, an export from elsewhere a few more. */
export const MAX_COLUMNS = 256;

export function checkHeader(
  spec: DatasetSpec,
  header: readonly string[],
  ignoreUnknown: boolean,
): HeaderProblem | null {
  if (header.length > MAX_COLUMNS) return { code: 'too_many_columns', columns: [] };
  const names = header.map((h) => h.trim());
  // every check is one pass over the header, however wide
  const present = new Set(names);
  // Missing columns first: a wrong delimiter or a missing header row shows up as those.
  const missing = spec.columns.filter((c) => c.required && !present.has(c.name)).map((c) => c.name);
  if (missing.length) return { code: 'missing_columns', columns: missing };
  if (present.size < names.length) {
    const seen = new Set<string>();
    const duplicates = new Set(names.filter((n) => seen.has(n) || !seen.add(n)));
    return { code: 'duplicate_columns', columns: [...duplicates] };
  }
  const accepted = new Set(acceptedColumns(spec));
  const unknown = names.filter((n) => !accepted.has(n));
  if (unknown.length && !ignoreUnknown) return { code: 'unknown_columns', columns: unknown };
  if (spec.customer && !present.has(CUSTOMER_ID) && !present.has(CUSTOMER_KEY)) {
    return { code: 'customer_identifier_column_missing', columns: [CUSTOMER_ID, CUSTOMER_KEY] };
  }
  return null;
}

export interface FieldProblem {
  column: string;
  value: string;
  code: string;
  message: string;
}

export type CheckedRow = { ok: true; values: (string | null)[] } | { ok: false; problems: FieldProblem[] };

const decimalPattern = /^[+-]?(\d{1,14})(\.\d{1,6})?$/;
const integerPattern = /^[+-]?\d{1,9}$/;
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const dateTimePattern = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const customerKeyPattern = /^[0-9a-f]{64}$/;
const currencies = new Set(Intl.supportedValuesOf('currency'));

function validDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** An ISO 8601 timestamp normalised for PostgreSQL (UTC when no offset is given), or null. */
export function parseTimestamp(value: string): string | null {
  const date = datePattern.exec(value);
  if (date) {
    const [, y, m, d] = date;
    return validDate(Number(y), Number(m), Number(d)) ? `${value}T00:00:00Z` : null;
  }
  const dt = dateTimePattern.exec(value);
  if (!dt) return null;
  const [, y, m, d, hh, mm, ss = '00', fraction = '', zone] = dt;
  if (!validDate(Number(y), Number(m), Number(d))) return null;
  if (Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) return null;
  return `${y}-${m}-${d}T${hh}:${mm}:${ss}${fraction}${zone ? zone.toUpperCase() : 'Z'}`;
}

function checkValue(column: ColumnSpec, raw: string): { value: string } | { code: string; message: string } {
  const type = column.type;
  switch (type.kind) {
    case 'text':
      // UTF-16 length bounds the code-point count from above: count code points only when it might matter.
      return raw.length > type.maxLength && [...raw].length > type.maxLength
        ? { code: 'too_long', message: `At most ${type.maxLength} characters.` }
        : { value: raw };
    case 'integer': {
      if (!integerPattern.test(raw)) return { code: 'invalid_integer', message: 'Expected a whole number.' };
      const n = Number(raw);
      return n < type.min || n > type.max
        ? { code: 'out_of_range', message: `Expected ${type.min} to ${type.max}.` }
        : { value: String(n) };
    }
    case 'decimal':
      // Money stays exact: the text goes to a numeric column as it is, never through a float.
      return decimalPattern.test(raw)
        ? { value: raw.startsWith('+') ? raw.slice(1) : raw }
        : { code: 'invalid_number', message: 'Expected a decimal number like 12.50 (dot, no thousands separator).' };
    case 'timestamp': {
      const parsed = parseTimestamp(raw);
      return parsed
        ? { value: parsed }
        : {
            code: 'invalid_date',
            message: 'Expected a real ISO 8601 date or date-time, e.g. 2026-03-04 or 2026-03-04T10:15:00Z.',
          };
    }
    case 'enum':
      return type.values.includes(raw.toLowerCase())
        ? { value: raw.toLowerCase() }
        : { code: 'invalid_value', message: `Expected one of ${type.values.join(', ')}.` };
    case 'boolean': {
      const v = raw.toLowerCase();
      if (['true', '1', 'yes'].includes(v)) return { value: 'true' };
      if (['false', '0', 'no'].includes(v)) return { value: 'false' };
      return { code: 'invalid_boolean', message: 'Expected true or false.' };
    }
    case 'currency': {
      const code = raw.toUpperCase();
      return currencies.has(code)
        ? { value: code }
        : { code: 'invalid_currency', message: 'Expected an ISO 4217 currency code, e.g. EUR.' };
    }
  }
}

/** Lower-cased, trimmed, Unicode-normalised: the same person gives the same key at every firm. */
export function normaliseIdentifier(identifier: string): string {
  return identifier.normalize('NFKC').trim().toLowerCase();
}

/** The pseudonymous customer key: HMAC-SHA-256 of the normalised identifier under the network's key, hex. */
export function customerKey(networkKeyHex: string, identifier: string): string {
  return createHmac('sha256', Buffer.from(networkKeyHex, 'hex')).update(normaliseIdentifier(identifier)).digest('hex');
}

/**
 * customerKey for one network, remembering recent answers: a feed names the same customers again
 * and again, and an HMAC costs more than a map look-up. Bounded, so memory stays flat.
 */
export function customerKeyer(networkKeyHex: string, remember = 500_000): (identifier: string) => string {
  const key = Buffer.from(networkKeyHex, 'hex');
  let known = new Map<string, string>();
  return (identifier) => {
    let hashed = known.get(identifier);
    if (hashed === undefined) {
      hashed = createHmac('sha256', key).update(normaliseIdentifier(identifier)).digest('hex');
      if (known.size >= remember) known = new Map();
      known.set(identifier, hashed);
    }
    return hashed;
  };
}

/**
 * Checks one record (column name to raw text; absent or empty means no value) and answers its
 * values in `storedColumns` order, or every problem found.
 */
export function checkRow(
  spec: DatasetSpec,
  record: Record<string, string | undefined>,
  hashIdentifier: (identifier: string) => string,
): CheckedRow {
  const problems: FieldProblem[] = [];
  const values: (string | null)[] = [];
  if (spec.customer) {
    const id = record[CUSTOMER_ID]?.trim() ?? '';
    const key = record[CUSTOMER_KEY]?.trim().toLowerCase() ?? '';
    if (id && key) {
      problems.push({
        column: CUSTOMER_KEY,
        value: key,
        code: 'customer_identifier_conflict',
        message: 'Give customer_id or customer_key, not both.',
      });
    } else if (key) {
      if (customerKeyPattern.test(key)) values.push(key);
      else
        problems.push({
          column: CUSTOMER_KEY,
          value: key,
          code: 'invalid_customer_key',
          message: 'Expected 64 hex characters (HMAC-SHA-256, see the hashing recipe).',
        });
    } else if (id) {
      values.push(hashIdentifier(id));
    } else {
      problems.push({
        column: CUSTOMER_ID,
        value: '',
        code: 'required',
        message: 'A customer_id or customer_key is required.',
      });
    }
  }
  for (const column of spec.columns) {
    const raw = record[column.name]?.trim() ?? '';
    if (raw === '') {
      if (column.required)
        problems.push({ column: column.name, value: '', code: 'required', message: 'A value is required.' });
      values.push(null);
      continue;
    }
    const checked = checkValue(column, raw);
    if ('code' in checked) problems.push({ column: column.name, value: raw, ...checked });
    else values.push(checked.value);
  }
  return problems.length ? { ok: false, problems } : { ok: true, values };
}
