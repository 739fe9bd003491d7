// The slice of Accord's HTTP API that pipelines use: feeds, batches and their error rows. Types and reads
// come from the generated client (`@accord/api-client`); only the upload calls fetch itself, to stream a
// file as the request body.
import { createReadStream } from 'node:fs';
import { createClient, type AccordClient, type paths, type Schemas } from '@accord/api-client';
import type { BatchStatus, Dataset, OnErrorMode } from '@accord/domain/vocabulary';
import { parseRetryAfter } from './backoff.ts';
import { ApiError, type Problem } from './problem.ts';

export type Batch = Schemas['Batch'];
type ErrorPage =
  paths['/v1/networks/{networkId}/batches/{batchId}/errors']['get']['responses'][200]['content']['application/json'];
export type RowError = ErrorPage['items'][number];
export type BatchPage =
  paths['/v1/networks/{networkId}/batches']['get']['responses'][200]['content']['application/json'];
export type BatchQuery = NonNullable<paths['/v1/networks/{networkId}/batches']['get']['parameters']['query']>;

export function isFinal(status: BatchStatus): boolean {
  return status === 'succeeded' || status === 'failed';
}

export interface UploadRequest {
  path: string;
  size: number;
  networkId: string;
  dataset: Dataset;
  contentType: string;
  gzip: boolean;
  idempotencyKey: string;
  onError?: OnErrorMode;
  ignoreUnknown?: boolean;
  /** Told of each chunk as fetch takes it from the file. */
  onBytes?: (n: number) => void;
}

const userAgent = 'accord-cli/0.1.0';

export class ApiClient {
  private readonly baseUrl: string;
  private readonly client: AccordClient;

  constructor(
    baseUrl: string,
    private readonly apiKey: string,
    private readonly fetchFn: typeof fetch = fetch,
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.client = createClient({
      baseUrl: this.baseUrl,
      // Looked up on each call, so a caller may swap its fetch after building the client.
      fetch: (input, init) => this.fetchFn(input, init),
      accessToken: apiKey,
      headers: { 'user-agent': userAgent, accept: 'application/json' },
    });
  }

  /** The file streamed as the request body, byte for byte (a .gz file stays compressed). */
  async upload(request: UploadRequest): Promise<Batch> {
    const path = `/v1/networks/${encodeURIComponent(request.networkId)}/feeds/${encodeURIComponent(request.dataset)}`;
    const search = new URLSearchParams();
    if (request.onError !== undefined) search.set('onError', request.onError);
    if (request.ignoreUnknown) search.set('ignoreUnknown', 'true');
    const qs = search.toString();
    const response = await this.fetchFn(`${this.baseUrl}${path}${qs ? `?${qs}` : ''}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${this.apiKey}`,
        'user-agent': userAgent,
        'content-type': request.contentType,
        'content-length': String(request.size),
        'idempotency-key': request.idempotencyKey,
        accept: 'application/json, application/problem+json',
        ...(request.gzip ? { 'content-encoding': 'gzip' } : {}),
      },
      body: fileBody(request.path, request.onBytes),
      duplex: 'half',
    });
    if (!response.ok) throw problemOf(response, parseBody(await response.text().catch(() => '')));
    return (await response.json()) as Batch;
  }

  batch(networkId: string, batchId: string): Promise<Batch> {
    return answer(
      this.client.GET('/v1/networks/{networkId}/batches/{batchId}', { params: { path: { networkId, batchId } } }),
    );
  }

  batches(networkId: string, query: BatchQuery): Promise<BatchPage> {
    return answer(this.client.GET('/v1/networks/{networkId}/batches', { params: { path: { networkId }, query } }));
  }

  errors(networkId: string, batchId: string, query: { limit?: number; cursor?: string }): Promise<ErrorPage> {
    return answer(
      this.client.GET('/v1/networks/{networkId}/batches/{batchId}/errors', {
        params: { path: { networkId, batchId }, query },
      }),
    );
  }

  /** The error rows as the server's CSV, passed on as they arrive. */
  async errorsCsv(networkId: string, batchId: string): Promise<ReadableStream<Uint8Array>> {
    const body = await answer(
      this.client.GET('/v1/networks/{networkId}/batches/{batchId}/errors', {
        params: { path: { networkId, batchId }, query: { format: 'csv' } },
        headers: { accept: 'text/csv' },
        parseAs: 'stream',
      }),
    );
    if (!body) throw new Error('the server answered without a body');
    return body;
  }
}

/** The client's answer: its data, or the refusal as an ApiError. */
async function answer<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok || data === undefined) throw problemOf(response, error);
  return data;
}

/** Pulls the file as fetch asks for more, so a slow server slows the reads instead of filling memory. */
function fileBody(path: string, onBytes?: (n: number) => void): ReadableStream<Uint8Array> {
  const chunks = createReadStream(path, { highWaterMark: 256 * 1024 })[Symbol.asyncIterator]() as AsyncIterator<
    Buffer,
    undefined
  >;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (done) {
        controller.close();
        return;
      }
      onBytes?.(value.length);
      controller.enqueue(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
    },
    async cancel() {
      await chunks.return?.();
    },
  });
}

/** A body's text as `problemOf` takes it: parsed when it is JSON, otherwise the text itself. */
function parseBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Not JSON, e.g. a proxy's HTML page.
    return text;
  }
}

/**
 * The answer as an ApiError: problem+json when the server sent it, otherwise made up from the status.
 * `body` is the body as read: parsed JSON, its text when it was not JSON, or undefined when it was empty.
 */
export function problemOf(response: Response, body: unknown): ApiError {
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'), Date.now());
  const fields: { [K in keyof Problem]?: unknown } = body && typeof body === 'object' ? body : {};
  const text = typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body);
  const problem: Problem = {
    status: typeof fields.status === 'number' ? fields.status : response.status,
    code: typeof fields.code === 'string' ? fields.code : `http_${response.status}`,
    title: typeof fields.title === 'string' ? fields.title : response.statusText || `HTTP ${response.status}`,
    ...(typeof fields.detail === 'string'
      ? { detail: fields.detail }
      : !fields.code && text
        ? { detail: text.slice(0, 200).trim() }
        : {}),
    ...(Array.isArray(fields.errors) ? { errors: fields.errors as unknown[] } : {}),
  };
  return new ApiError(problem, retryAfter);
}
