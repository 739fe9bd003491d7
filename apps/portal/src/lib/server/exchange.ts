// Server side of the data exchange pages: sending a feed body to the API
// as a stream, and the request-body limits the portal applies (see hooks.server.ts).
import { env } from '$env/dynamic/private';
import type { FeedMediaType } from '$lib/exchange';
import type { Dataset, OnError, Problem } from '$lib/types';
import { apiBaseUrl, problemOf } from './api';

/** A JSON problem answer (RFC 9457), for the portal's own JSON endpoints. */
export function problemResponse(problem: Problem): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store' },
  });
}

/** The largest feed the API takes (its FEED_MAX_BYTES): 2 GiB. */
export const API_FEED_LIMIT = 2 * 1024 * 1024 * 1024;

/**
 * Bodies the portal buffers whole (form posts, the no-JavaScript upload fallback) are capped by the hook
 * in hooks.server.ts; the streamed upload endpoint is capped only by adapter-node's BODY_SIZE_LIMIT.
 */
export const FORM_BODY_LIMIT = 512 * 1024;
export const BUFFERED_UPLOAD_LIMIT = 64 * 1024 * 1024;

/** adapter-node's BODY_SIZE_LIMIT as it parses it (bytes, or with a K, M or G suffix; default 512K). */
export function adapterBodyLimit(): number {
  const value = env.BODY_SIZE_LIMIT ?? '512K';
  const multiplier = { K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[value.slice(-1).toUpperCase()] ?? 1;
  return Number(multiplier === 1 ? value : value.slice(0, -1)) * multiplier;
}

export interface FeedUpload {
  accessToken: string;
  networkId: string;
  dataset: Dataset;
  onError: OnError;
  ignoreUnknown: boolean;
  mediaType: FeedMediaType;
  gzip: boolean;
  /** The file: a stream (piped as it arrives) or a Blob (the buffered fallback). */
  body: ReadableStream<Uint8Array> | Blob;
}

/**
 * Sends a feed to `POST /v1/networks/{networkId}/feeds/{dataset}` and answers the API's response as it is.
 * A stream body is piped chunk by chunk (`duplex: 'half'`): the portal never holds the whole file. Each
 * upload gets a fresh Idempotency-Key, so a new upload of the same file is a new batch.
 */
export async function pushFeed(upload: FeedUpload): Promise<Response> {
  const query = new URLSearchParams({ onError: upload.onError, ignoreUnknown: String(upload.ignoreUnknown) });
  const url = `${apiBaseUrl()}/v1/networks/${encodeURIComponent(upload.networkId)}/feeds/${upload.dataset}?${query}`;
  const headers: Record<string, string> = {
    authorization: `Bearer ${upload.accessToken}`,
    'content-type': upload.mediaType,
    'idempotency-key': crypto.randomUUID(),
    accept: 'application/json',
  };
  if (upload.gzip) headers['content-encoding'] = 'gzip';
  // Global fetch, not SvelteKit's: nothing of the browser's request but the body is passed on.
  // `window: null` with `redirect: 'error'` matters: otherwise fetch (undici) works on a clone of the
  // request, whose body is a tee of the stream, and the unread branch keeps every byte of the file in memory
  // until the upload ends. The API answers a feed itself and never redirects.
  const init: RequestInit & { duplex: 'half' } = {
    method: 'POST',
    body: upload.body,
    headers,
    duplex: 'half',
    redirect: 'error',
    window: null,
  };
  return fetch(url, init);
}

/** The API's answer to a feed as JSON (the batch, or a problem); a problem when it was not JSON at all. */
export async function feedAnswer(response: Response): Promise<{ status: number; body: unknown }> {
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) as unknown };
  } catch {
    return {
      status: 502,
      body: problemOf(502, `The Accord API answered ${response.status} without details.`, 'bad_gateway'),
    };
  }
}
