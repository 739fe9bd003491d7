// The slice of Accord's HTTP API that pipelines use: feeds, batches and their error rows.
import { createReadStream } from 'node:fs';
import { parseRetryAfter } from './backoff.ts';

export const datasets = ['transactions', 'shipments', 'service_cases', 'activities'] as const;
// `receiving` while the upload is still arriving (seen in listings of batches being pushed right now).
export const batchStatuses = ['receiving', 'received', 'validating', 'loading', 'succeeded', 'failed'] as const;
export type BatchStatus = (typeof batchStatuses)[number];

export interface Batch {
  id: string;
  networkId: string;
  firmId: string;
  dataset: string;
  status: BatchStatus;
  format: string;
  compressed: boolean;
  idempotencyKey: string;
  bytes: number;
  rowsReceived: number;
  rowsAccepted: number;
  rowsRejected: number;
  onError: string;
  ignoreUnknown: boolean;
  /** 0..1 */
  progress: number;
  error: { code: string; message: string } | null;
  submittedBy: 'user' | 'api_key';
  createdAt: string;
  /** When the whole body had arrived. */
  receivedAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface RowError {
  rowNumber: number;
  column: string;
  value: string;
  code: string;
  message: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** RFC 9457 problem details as Accord sends them. */
export interface Problem {
  status: number;
  code: string;
  title: string;
  detail?: string;
  errors?: unknown[];
}

export class ApiError extends Error {
  constructor(
    readonly problem: Problem,
    readonly retryAfterMs: number | null = null,
  ) {
    super(`${problem.code}: ${problem.detail ?? problem.title}`);
    this.name = 'ApiError';
  }
}

export function isFinal(status: BatchStatus): boolean {
  return status === 'succeeded' || status === 'failed';
}

export interface UploadRequest {
  path: string;
  size: number;
  networkId: string;
  dataset: string;
  contentType: string;
  gzip: boolean;
  idempotencyKey: string;
  onError?: string;
  ignoreUnknown?: boolean;
  /** Told of each chunk as fetch takes it from the file. */
  onBytes?: (n: number) => void;
}

type Query = Record<string, string | number | boolean | undefined>;

export class ApiClient {
  private readonly baseUrl: string;

  constructor(
    baseUrl: string,
    private readonly apiKey: string,
    private readonly fetchFn: typeof fetch = fetch,
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  url(path: string, query: Query = {}): string {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) if (value !== undefined) search.set(name, String(value));
    const qs = search.toString();
    return `${this.baseUrl}${path}${qs ? `?${qs}` : ''}`;
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return { authorization: `Bearer ${this.apiKey}`, 'user-agent': 'accord-cli/0.1.0', ...extra };
  }

  /** The file streamed as the request body, byte for byte (a .gz file stays compressed). */
  async upload(request: UploadRequest): Promise<Batch> {
    const path = `/v1/networks/${encodeURIComponent(request.networkId)}/feeds/${encodeURIComponent(request.dataset)}`;
    const query: Query = { onError: request.onError, ignoreUnknown: request.ignoreUnknown ? true : undefined };
    const headers = this.headers({
      'content-type': request.contentType,
      'content-length': String(request.size),
      'idempotency-key': request.idempotencyKey,
      accept: 'application/json, application/problem+json',
      ...(request.gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    const response = await this.fetchFn(this.url(path, query), {
      method: 'POST',
      headers,
      body: fileBody(request.path, request.onBytes),
      duplex: 'half',
    });
    if (!response.ok) throw await problemOf(response);
    return (await response.json()) as Batch;
  }

  async getJson<T>(path: string, query: Query = {}): Promise<T> {
    const response = await this.fetchFn(this.url(path, query), {
      headers: this.headers({ accept: 'application/json' }),
    });
    if (!response.ok) throw await problemOf(response);
    return (await response.json()) as T;
  }

  /** A raw response body, for answers streamed to stdout as they are (CSV). */
  async getStream(path: string, query: Query, accept: string): Promise<ReadableStream<Uint8Array>> {
    const response = await this.fetchFn(this.url(path, query), { headers: this.headers({ accept }) });
    if (!response.ok) throw await problemOf(response);
    if (!response.body) throw new Error('the server answered without a body');
    return response.body;
  }

  batch(networkId: string, batchId: string): Promise<Batch> {
    return this.getJson<Batch>(`/v1/networks/${encodeURIComponent(networkId)}/batches/${encodeURIComponent(batchId)}`);
  }

  batches(networkId: string, query: { dataset?: string; status?: string; limit?: number; cursor?: string }) {
    return this.getJson<Page<Batch>>(`/v1/networks/${encodeURIComponent(networkId)}/batches`, query);
  }

  errors(networkId: string, batchId: string, query: { limit?: number; cursor?: string }) {
    return this.getJson<Page<RowError>>(this.errorsPath(networkId, batchId), query);
  }

  errorsCsv(networkId: string, batchId: string) {
    return this.getStream(this.errorsPath(networkId, batchId), { format: 'csv' }, 'text/csv');
  }

  private errorsPath(networkId: string, batchId: string): string {
    return `/v1/networks/${encodeURIComponent(networkId)}/batches/${encodeURIComponent(batchId)}/errors`;
  }
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

/** The answer as an ApiError: problem+json when the server sent it, otherwise made up from the status. */
export async function problemOf(response: Response): Promise<ApiError> {
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'), Date.now());
  const text = await response.text().catch(() => '');
  let body: Partial<Problem> = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object') body = parsed;
  } catch {
    // Not JSON, e.g. a proxy's HTML page: keep a short excerpt as the detail.
  }
  const problem: Problem = {
    status: typeof body.status === 'number' ? body.status : response.status,
    code: typeof body.code === 'string' ? body.code : `http_${response.status}`,
    title: typeof body.title === 'string' ? body.title : response.statusText || `HTTP ${response.status}`,
    ...(typeof body.detail === 'string'
      ? { detail: body.detail }
      : !body.code && text
        ? { detail: text.slice(0, 200).trim() }
        : {}),
    ...(Array.isArray(body.errors) ? { errors: body.errors } : {}),
  };
  return new ApiError(problem, retryAfter);
}
