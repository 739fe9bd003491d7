// Test support: an Io that records what the commands print and how long they would have slept, and a
// tiny node:http server that records every request it is sent.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import type { Batch } from './api.ts';
import type { Io } from './io.ts';

export interface TestIo extends Io {
  out: () => string;
  err: () => string;
  sleeps: number[];
}

export function testIo(env: Record<string, string | undefined> = {}, tty = false): TestIo {
  let out = '';
  let err = '';
  const stdout = new PassThrough();
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const stderr = Object.assign(new PassThrough(), { isTTY: tty });
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const sleeps: number[] = [];
  return {
    stdout,
    stderr,
    env,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    now: () => Date.now(),
    random: () => 0.5,
    fetch: (input, init) => fetch(input, init),
    out: () => out,
    err: () => err,
    sleeps,
  };
}

export interface Recorded {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface TestServer {
  url: string;
  requests: Recorded[];
  close: () => Promise<void>;
}

/** Serves `handle` on a loopback port; the request body is read in full before `handle` runs. */
export async function serve(handle: (req: Recorded, res: ServerResponse, index: number) => void): Promise<TestServer> {
  const requests: Recorded[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded: Recorded = {
        method: req.method ?? 'GET',
        url: new URL(req.url ?? '/', 'http://localhost'),
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      requests.push(recorded);
      handle(recorded, res, requests.length - 1);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, type = 'application/json'): void {
  res.writeHead(status, { 'content-type': type });
  res.end(JSON.stringify(body));
}

export function problem(res: ServerResponse, status: number, code: string, detail: string): void {
  sendJson(res, status, { status, code, title: code.replaceAll('_', ' '), detail }, 'application/problem+json');
}

export function batchOf(overrides: Partial<Batch> = {}): Batch {
  return {
    id: 'bat_1',
    networkId: 'net_1',
    firmId: 'firm_1',
    dataset: 'transactions',
    status: 'received',
    format: 'csv',
    compressed: false,
    idempotencyKey: 'k1',
    bytes: 2048,
    rowsReceived: 0,
    rowsAccepted: 0,
    rowsRejected: 0,
    errorRowsKept: 0,
    onError: 'skip',
    ignoreUnknown: false,
    progress: 0,
    error: null,
    submittedBy: 'api_key',
    createdAt: '2026-03-04T10:14:58.000Z',
    receivedAt: '2026-03-04T10:15:00.000Z',
    startedAt: null,
    finishedAt: null,
    ...overrides,
  };
}
