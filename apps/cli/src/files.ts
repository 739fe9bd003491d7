// What a feed file is, judged by its name, and the default idempotency key: a hash of what is pushed.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export interface FeedFormat {
  format: 'csv' | 'ndjson';
  contentType: 'text/csv' | 'application/x-ndjson';
  /** Sent as it is with `Content-Encoding: gzip`; the server decompresses. */
  gzip: boolean;
}

/** `.ndjson` and `.jsonl` are NDJSON, everything else CSV; a trailing `.gz` means gzip-compressed. */
export function detectFormat(path: string): FeedFormat {
  const name = path.toLowerCase();
  const gzip = name.endsWith('.gz');
  const inner = gzip ? name.slice(0, -'.gz'.length) : name;
  const ndjson = inner.endsWith('.ndjson') || inner.endsWith('.jsonl');
  return ndjson
    ? { format: 'ndjson', contentType: 'application/x-ndjson', gzip }
    : { format: 'csv', contentType: 'text/csv', gzip };
}

export interface KeyScope {
  networkId: string;
  dataset: string;
  onError?: string;
  ignoreUnknown?: boolean;
}

/**
 * The default idempotency key: SHA-256 of where and how the file is pushed plus its bytes, streamed.
 * The options are part of it because the same bytes pushed with other options are another batch.
 */
export async function defaultIdempotencyKey(
  path: string,
  scope: KeyScope,
  onBytes: (n: number) => void = () => {},
): Promise<string> {
  const hash = createHash('sha256');
  hash.update(
    [
      'accord-push/1',
      scope.networkId,
      scope.dataset,
      scope.onError ?? '',
      scope.ignoreUnknown ? 'ignore-unknown' : '',
      '',
    ].join('\n'),
  );
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const bytes = chunk as Buffer;
    hash.update(bytes);
    onBytes(bytes.length);
  }
  return hash.digest('hex');
}
