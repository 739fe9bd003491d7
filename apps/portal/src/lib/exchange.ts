// The data exchange's words and formats, shared by server and browser: dataset and batch-status labels,
// freshness, sizes, the feed's media type from a file name, and the columns each dataset takes.
import { batchStatuses, datasets, onErrorModes } from '@accord/domain/vocabulary';
import type { BatchStatus, Dataset, OnError } from './types';

export { batchStatuses, datasets, onErrorModes };

const datasetLabels: Record<Dataset, string> = {
  transactions: 'Transactions',
  shipments: 'Shipments',
  service_cases: 'Service cases',
  activities: 'Activities',
};
const datasetDescriptions: Record<Dataset, string> = {
  transactions: 'Order lines: what each customer bought, when, through which channel and for how much.',
  shipments: 'Deliveries: promised and actual dates, carrier, expedited or not, and what delivery cost.',
  service_cases: 'Customer service cases: when opened and resolved, channel, category and satisfaction.',
  activities: 'Cost-to-serve activities per customer (order changes, returns, support calls, ...).',
};
const statusLabels: Record<BatchStatus, string> = {
  receiving: 'Receiving',
  received: 'Queued',
  validating: 'Checking rows',
  loading: 'Loading',
  succeeded: 'Succeeded',
  failed: 'Failed',
};
const onErrorLabels: Record<OnError, string> = {
  skip: 'Skip invalid rows, load the rest',
  reject: 'Reject the whole file if any row is invalid',
};

export const datasetLabel = (dataset: Dataset): string => datasetLabels[dataset];
export const datasetDescription = (dataset: Dataset): string => datasetDescriptions[dataset];
export const batchStatusLabel = (status: BatchStatus): string => statusLabels[status];
export const onErrorLabel = (mode: OnError): string => onErrorLabels[mode];

export function isDataset(value: unknown): value is Dataset {
  return typeof value === 'string' && (datasets as readonly string[]).includes(value);
}
export function isBatchStatus(value: unknown): value is BatchStatus {
  return typeof value === 'string' && (batchStatuses as readonly string[]).includes(value);
}
export function isOnError(value: unknown): value is OnError {
  return typeof value === 'string' && (onErrorModes as readonly string[]).includes(value);
}

/** A batch that will not change any more. */
export function isFinished(status: BatchStatus): boolean {
  return status === 'succeeded' || status === 'failed';
}

const integerFormat = new Intl.NumberFormat('en-GB');

/** 6919 → "6,919". */
export function formatCount(n: number): string {
  return integerFormat.format(n);
}

/** Bytes as "512 B", "12.3 KB", "1.4 MB", "2.0 GB" (powers of 1024). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** Hours since the last successful load as "just now", "25 min ago", "3.2 h ago", "4.5 days ago"; null: "Never". */
export function formatFreshness(hours: number | null | undefined): string {
  if (hours === null || hours === undefined) return 'Never';
  if (hours < 1) {
    const minutes = Math.round(hours * 60);
    return minutes < 1 ? 'Just now' : `${minutes} min ago`;
  }
  if (hours < 48) return `${hours.toFixed(1)} h ago`;
  return `${(hours / 24).toFixed(1)} days ago`;
}

/** 0.456 → "46 %". */
export function formatPercent(fraction: number): string {
  return `${Math.round(Math.min(1, Math.max(0, fraction)) * 100)} %`;
}

export type FeedMediaType = 'text/csv' | 'application/x-ndjson';

/**
 * How a file is sent, from its name: `.ndjson`/`.jsonl` (optionally `.gz`) is NDJSON, anything else CSV;
 * a name ending in `.gz` is sent gzip-compressed as it is (the API unpacks it).
 */
export function feedFileKind(fileName: string): { mediaType: FeedMediaType; gzip: boolean } {
  const name = fileName.trim().toLowerCase();
  const gzip = name.endsWith('.gz');
  const inner = gzip ? name.slice(0, -3) : name;
  const ndjson = inner.endsWith('.ndjson') || inner.endsWith('.jsonl');
  return { mediaType: ndjson ? 'application/x-ndjson' : 'text/csv', gzip };
}

export interface ColumnDoc {
  name: string;
  required: boolean;
  description: string;
}

// The columns of each dataset, as the API's ingest checks them (packages/domain/src/feeds.ts). The API has no
// endpoint that describes them, so they are repeated here for the people preparing files; keep them in step.
const channels = 'store | web | mobile | phone | marketplace | other';
export const customerColumns: readonly ColumnDoc[] = [
  {
    name: 'customer_id',
    required: false,
    description: 'The customer as your firm knows them (email, loyalty number); hashed on arrival, never stored.',
  },
  {
    name: 'customer_key',
    required: false,
    description: 'Or the identifier already hashed with the network’s recipe (below). Send one of the two.',
  },
];
export const datasetColumns: Record<Dataset, readonly ColumnDoc[]> = {
  transactions: [
    { name: 'order_id', required: true, description: 'The order, as your firm numbers it.' },
    { name: 'line_no', required: true, description: 'The line within the order (whole number).' },
    { name: 'occurred_at', required: true, description: 'ISO 8601 date or date-time (UTC when no offset).' },
    { name: 'sku', required: true, description: 'The product.' },
    { name: 'quantity', required: true, description: 'Units; negative for a return.' },
    { name: 'net_amount', required: true, description: 'After discounts, e.g. 12.50; negative for a refund.' },
    { name: 'cost_amount', required: false, description: 'Cost of goods.' },
    { name: 'currency', required: true, description: 'ISO 4217 code, e.g. EUR.' },
    { name: 'channel', required: true, description: channels },
    { name: 'location_id', required: false, description: 'The store or site.' },
  ],
  shipments: [
    { name: 'shipment_id', required: true, description: 'The shipment, as your firm numbers it.' },
    { name: 'order_id', required: true, description: 'The order shipped.' },
    { name: 'carrier', required: true, description: 'Who carries it.' },
    { name: 'promised_at', required: true, description: 'Promised delivery (ISO 8601).' },
    { name: 'delivered_at', required: false, description: 'Actual delivery; empty while in transit.' },
    { name: 'expedited', required: true, description: 'true or false.' },
    { name: 'cost_amount', required: true, description: 'What the delivery cost.' },
    { name: 'currency', required: false, description: 'ISO 4217 code of cost_amount.' },
  ],
  service_cases: [
    { name: 'case_id', required: true, description: 'The case, as your firm numbers it.' },
    { name: 'opened_at', required: true, description: 'When it was opened (ISO 8601).' },
    { name: 'resolved_at', required: false, description: 'When it was resolved; empty while open.' },
    { name: 'channel', required: true, description: channels },
    { name: 'category', required: true, description: 'What it was about.' },
    { name: 'satisfaction', required: false, description: '1 to 5.' },
  ],
  activities: [
    { name: 'activity', required: true, description: 'A code of your firm’s cost model, e.g. order_change.' },
    { name: 'occurred_at', required: true, description: 'When it happened (ISO 8601).' },
    { name: 'quantity', required: true, description: 'How many times.' },
  ],
};
