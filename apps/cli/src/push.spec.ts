// `accord push` against a real HTTP server on loopback: streaming, retries, refusals and exit codes.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from './program.ts';
import { batchOf, problem, sendJson, serve, testIo, type TestServer } from './testing.ts';

const dir = mkdtempSync(join(tmpdir(), 'accord-push-'));
const csvFile = join(dir, 'transactions.csv');
const csv =
  'order_id,line_no,occurred_at,customer_id\n' + 'o-1,1,2026-03-04T10:15:00Z,c000001@example.net\n'.repeat(50);
writeFileSync(csvFile, csv);

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const pushArgs = (file: string, ...more: string[]) => [
  'push',
  '--network',
  'net_1',
  '--dataset',
  'transactions',
  ...more,
  file,
];
const env = (s: TestServer) => ({ ACCORD_API_URL: s.url, ACCORD_API_KEY: 'acc_test' });

describe('accord push', () => {
  it('retries a 503 with the same idempotency key, then waits for the batch to succeed', async () => {
    let polls = 0;
    server = await serve((req, res, i) => {
      if (req.method === 'POST' && i === 0) return problem(res, 503, 'unavailable', 'Try again.');
      if (req.method === 'POST') return sendJson(res, 202, batchOf({ rowsReceived: 50 }));
      polls++;
      sendJson(
        res,
        200,
        polls < 3
          ? batchOf({ status: 'loading', progress: polls / 3 })
          : batchOf({ status: 'succeeded', progress: 1, rowsReceived: 50, rowsAccepted: 50 }),
      );
    });
    const io = testIo(env(server));
    expect(await run(pushArgs(csvFile), io)).toBe(0);

    const posts = server.requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(2);
    const key = posts[0]!.headers['idempotency-key'];
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(posts[1]!.headers['idempotency-key']).toBe(key);
    expect(posts[1]!.body.toString()).toBe(csv);
    expect(posts[0]!.url.pathname).toBe('/v1/networks/net_1/feeds/transactions');
    expect(posts[0]!.headers.authorization).toBe('Bearer acc_test');
    expect(server.requests.filter((r) => r.method === 'GET').map((r) => r.url.pathname)).toEqual([
      '/v1/networks/net_1/batches/bat_1',
      '/v1/networks/net_1/batches/bat_1',
      '/v1/networks/net_1/batches/bat_1',
    ]);
    expect(io.err()).toContain('HTTP 503 unavailable; retrying in 750ms (attempt 2 of 5)');
    // One backoff before the retry, then the growing poll interval.
    expect(io.sleeps).toEqual([750, 500, 750, 1125]);
    expect(io.out()).toMatch(/^batch {4}bat_1\nstatus {3}succeeded\n/);
    expect(io.out()).toContain('50 received, 50 accepted, 0 rejected');

    // Re-running the same push sends the same key, so the server can answer with the same batch.
    const again = testIo(env(server));
    await run(pushArgs(csvFile, '--no-wait'), again);
    expect(server.requests.at(-1)!.headers['idempotency-key']).toBe(key);
  });

  it('exits 1 and prints the code when the server refuses a reused key', async () => {
    server = await serve((_req, res) =>
      problem(res, 422, 'idempotency_key_reused', 'This key was used for another body.'),
    );
    const io = testIo(env(server));
    expect(await run(pushArgs(csvFile, '--idempotency-key', 'nightly-2026-03-04'), io)).toBe(1);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.headers['idempotency-key']).toBe('nightly-2026-03-04');
    expect(io.err()).toContain('error: idempotency_key_reused: This key was used for another body. (HTTP 422)');
    expect(io.out()).toBe('');
  });

  it('streams a large file byte for byte, with its length, and the options in the query', async () => {
    const big = join(dir, 'big.csv');
    const content = Buffer.concat([Buffer.from('order_id,line_no\n'), randomBytes(3 * 1024 * 1024)]);
    writeFileSync(big, content);
    server = await serve((_req, res) => sendJson(res, 202, batchOf()));
    const io = testIo(env(server));
    expect(await run(pushArgs(big, '--no-wait', '--on-error', 'reject', '--ignore-unknown'), io)).toBe(0);
    const [req] = server.requests;
    expect(createHash('sha256').update(req!.body).digest('hex')).toBe(
      createHash('sha256').update(content).digest('hex'),
    );
    expect(req!.headers['content-length']).toBe(String(content.length));
    expect(req!.headers['content-type']).toBe('text/csv');
    expect(req!.headers['content-encoding']).toBeUndefined();
    expect(Object.fromEntries(req!.url.searchParams)).toEqual({ onError: 'reject', ignoreUnknown: 'true' });
  });

  it('sends a .gz file still compressed, with Content-Encoding: gzip', async () => {
    const gz = join(dir, 'events.ndjson.gz');
    const ndjson = '{"customer_id":"c000001@example.net","activity":"order_change"}\n'.repeat(1000);
    writeFileSync(gz, gzipSync(ndjson));
    server = await serve((_req, res) => sendJson(res, 202, batchOf({ format: 'ndjson', compressed: true })));
    const io = testIo(env(server));
    expect(await run(pushArgs(gz, '--no-wait'), io)).toBe(0);
    const [req] = server.requests;
    expect(req!.body.equals(readFileSync(gz))).toBe(true);
    expect(gunzipSync(req!.body).toString()).toBe(ndjson);
    expect(req!.headers['content-encoding']).toBe('gzip');
    expect(req!.headers['content-type']).toBe('application/x-ndjson');
  });

  it('retries a dropped connection and a batch still in progress', async () => {
    server = await serve((req, res, i) => {
      if (i === 0) return res.socket?.destroy();
      if (i === 1) return problem(res, 409, 'batch_in_progress', 'Still receiving the first upload.');
      sendJson(res, 202, batchOf({ status: 'succeeded', rowsReceived: 50, rowsAccepted: 50 }));
    });
    const io = testIo(env(server));
    expect(await run(pushArgs(csvFile), io)).toBe(0);
    const keys = server.requests.map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(io.err()).toContain('network error');
    expect(io.err()).toContain('HTTP 409 batch_in_progress');
  });

  it('gives up after five attempts', async () => {
    server = await serve((_req, res) => problem(res, 502, 'bad_gateway', 'Upstream is down.'));
    const io = testIo(env(server));
    expect(await run(pushArgs(csvFile), io)).toBe(1);
    expect(server.requests).toHaveLength(5);
    expect(io.err()).toContain('error: bad_gateway: Upstream is down. (HTTP 502)');
  });

  it('exits 2 when rows were rejected and says where to see them', async () => {
    server = await serve((_req, res) =>
      sendJson(res, 202, batchOf({ status: 'succeeded', rowsReceived: 50, rowsAccepted: 47, rowsRejected: 3 })),
    );
    const io = testIo(env(server));
    expect(await run(pushArgs(csvFile), io)).toBe(2);
    expect(io.err()).toContain('3 rows rejected; see them with: accord errors --network net_1 bat_1');
  });

  it('exits 1 on a failed batch, with its error on stderr, and prints JSON when asked', async () => {
    const failed = batchOf({ status: 'failed', error: { code: 'missing_columns', message: 'No sku column.' } });
    server = await serve((req, res) =>
      req.method === 'POST' ? sendJson(res, 202, batchOf({ status: 'validating' })) : sendJson(res, 200, failed),
    );
    const io = testIo(env(server));
    expect(await run(pushArgs(csvFile, '--json'), io)).toBe(1);
    expect(JSON.parse(io.out())).toEqual(failed);
    expect(io.err()).toContain('error: missing_columns: No sku column.');
  });

  it('draws progress on a terminal and nothing on a pipe', async () => {
    server = await serve((req, res) => sendJson(res, 202, batchOf({ status: 'succeeded' })));
    const tty = testIo(env(server), true);
    await run(pushArgs(csvFile), tty);
    expect(tty.err()).toContain('uploading [====================] 100%');
    const pipe = testIo(env(server));
    await run(pushArgs(csvFile), pipe);
    expect(pipe.err()).toBe('');
  });

  it('gives up waiting after --timeout', async () => {
    server = await serve((_req, res) => sendJson(res, 202, batchOf({ status: 'loading' })));
    const io = testIo(env(server));
    let clock = 0;
    io.now = () => clock;
    io.sleep = async (ms) => void (clock += ms);
    expect(await run(pushArgs(csvFile, '--timeout', '10'), io)).toBe(1);
    expect(io.err()).toContain('gave up waiting after 10.0s; batch bat_1 is still loading');
  });

  it('refuses a missing file before any request', async () => {
    server = await serve((_req, res) => sendJson(res, 202, batchOf()));
    const io = testIo(env(server));
    expect(await run(pushArgs(join(dir, 'nope.csv')), io)).toBe(1);
    expect(server.requests).toHaveLength(0);
    expect(io.err()).toContain('cannot read');
  });
});

describe('accord batches and errors', () => {
  it('lists batches as a table with the filters in the query', async () => {
    server = await serve((_req, res) =>
      sendJson(res, 200, {
        items: [batchOf({ id: 'bat_9', status: 'succeeded', rowsReceived: 1200, rowsAccepted: 1200 })],
        nextCursor: 'c2',
      }),
    );
    const io = testIo(env(server));
    const args = ['batches', '--network', 'net_1', '--dataset', 'shipments', '--status', 'failed', '--limit', '5'];
    expect(await run(args, io)).toBe(0);
    expect(server.requests[0]!.url.pathname).toBe('/v1/networks/net_1/batches');
    expect(Object.fromEntries(server.requests[0]!.url.searchParams)).toEqual({
      dataset: 'shipments',
      status: 'failed',
      limit: '5',
    });
    expect(io.out()).toMatch(/^BATCH +DATASET/);
    expect(io.out()).toContain('bat_9');
    expect(io.out()).toContain('1,200');
    expect(io.err()).toContain('raise --limit');
  });

  it('prints every page of error rows', async () => {
    server = await serve((req, res) => {
      const second = req.url.searchParams.get('cursor') === 'p2';
      sendJson(res, 200, {
        items: [
          {
            rowNumber: second ? 7 : 2,
            column: 'net_amount',
            value: second ? '' : '12,50',
            code: 'invalid_number',
            message: 'Expected a decimal number.',
          },
        ],
        nextCursor: second ? null : 'p2',
      });
    });
    const io = testIo(env(server));
    expect(await run(['errors', '--network', 'net_1', 'bat_1'], io)).toBe(0);
    expect(server.requests.map((r) => r.url.searchParams.get('cursor'))).toEqual([null, 'p2']);
    const lines = io.out().trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^ROW +COLUMN +CODE +VALUE +MESSAGE$/);
    expect(lines[1]).toMatch(/^2 +net_amount +invalid_number +"12,50" +Expected a decimal number\.$/);
    expect(lines[2]).toMatch(/^7 +net_amount +invalid_number +"" +Expected a decimal number\.$/);
  });

  it('passes the CSV of error rows through as it is', async () => {
    const body =
      'row_number,column,value,code,message\n2,net_amount,"12,50",invalid_number,Expected a decimal number.\n';
    server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/csv' });
      res.end(body);
    });
    const io = testIo(env(server));
    expect(await run(['errors', '--network', 'net_1', '--csv', 'bat_1'], io)).toBe(0);
    expect(server.requests[0]!.url.searchParams.get('format')).toBe('csv');
    expect(io.out()).toBe(body);
  });

  it('reads with the key and the user agent, and reads a proxy page as the status', async () => {
    server = await serve((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><body>Bad gateway</body></html>');
    });
    const io = testIo(env(server));
    expect(await run(['batches', '--network', 'net_1'], io)).toBe(1);
    expect(server.requests).toHaveLength(5);
    expect(server.requests[0]!.headers.authorization).toBe('Bearer acc_test');
    expect(server.requests[0]!.headers['user-agent']).toBe('accord-cli/0.1.0');
    expect(io.err()).toContain('error: http_502: <html><body>Bad gateway</body></html> (HTTP 502)');
  });

  it('prints the problem of a refused listing', async () => {
    server = await serve((_req, res) => problem(res, 404, 'batch_not_found', 'No such batch in this network.'));
    const io = testIo(env(server));
    expect(await run(['errors', '--network', 'net_1', 'bat_x'], io)).toBe(1);
    expect(io.err()).toContain('error: batch_not_found: No such batch in this network. (HTTP 404)');
  });
});
