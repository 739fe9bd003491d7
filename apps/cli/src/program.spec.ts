// Argument parsing, checked through the requests the commands would send (fetch is stubbed).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_API_URL, positiveInteger, run } from './program.ts';
import { batchOf, testIo } from './testing.ts';

const dir = mkdtempSync(join(tmpdir(), 'accord-args-'));
const file = join(dir, 'a.csv');
writeFileSync(file, 'order_id\n1\n');

/** An Io whose fetch answers `body` and records the URLs and headers asked for. */
function stubbed(env: Record<string, string> = { ACCORD_API_KEY: 'acc_k' }, body: unknown = batchOf()) {
  const io = testIo(env);
  const calls: Array<{ url: string; headers: Record<string, string> }> = [];
  io.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    calls.push({ url, headers: (init?.headers ?? {}) as Record<string, string> });
    if (init?.body instanceof ReadableStream) await init.body.cancel();
    return new Response(JSON.stringify(body), { status: 202, headers: { 'content-type': 'application/json' } });
  };
  return { io, calls };
}

describe('accord arguments', () => {
  it('uses the default API URL and the key from the environment', async () => {
    const { io, calls } = stubbed();
    await run(['push', '--network', 'n 1', '--dataset', 'activities', '--no-wait', file], io);
    expect(calls[0]!.url).toBe(`${DEFAULT_API_URL}/v1/networks/n%201/feeds/activities`);
    expect(calls[0]!.headers.authorization).toBe('Bearer acc_k');
  });

  it('takes ACCORD_API_URL with or without a trailing slash', async () => {
    const { io, calls } = stubbed({ ACCORD_API_KEY: 'acc_k', ACCORD_API_URL: 'https://accord.example/' });
    await run(['batches', '--network', 'n1'], io);
    expect(calls[0]!.url).toBe('https://accord.example/v1/networks/n1/batches?limit=20');
  });

  it('requires an API key', async () => {
    const { io, calls } = stubbed({});
    expect(await run(['batches', '--network', 'n1'], io)).toBe(1);
    expect(calls).toHaveLength(0);
    expect(io.err()).toContain('ACCORD_API_KEY is not set');
  });

  it.each([
    [['push', '--dataset', 'transactions', 'a.csv'], "required option '--network <id>' not specified"],
    [['push', '--network', 'n1', '--dataset', 'orders', 'a.csv'], "argument 'orders' is invalid"],
    [['push', '--network', 'n1', '--dataset', 'transactions'], "missing required argument 'file'"],
    [
      ['push', '--network', 'n1', '--dataset', 'shipments', '--on-error', 'ignore', 'a.csv'],
      'Allowed choices are skip, reject',
    ],
    [['batches', '--network', 'n1', '--limit', '0'], 'Expected a whole number above 0'],
    [['batches', '--network', 'n1', '--status', 'done'], "argument 'done' is invalid"],
    [['pull'], "unknown command 'pull'"],
  ])('refuses %j with exit 1', async (args, message) => {
    const { io, calls } = stubbed();
    expect(await run(args, io)).toBe(1);
    expect(io.err()).toContain(message);
    expect(calls).toHaveLength(0);
  });

  it('prints help for each command with exit 0', async () => {
    for (const args of [['--help'], ['push', '--help'], ['batches', '--help'], ['errors', '--help']]) {
      const { io } = stubbed();
      expect(await run(args, io)).toBe(0);
      expect(io.out()).toMatch(/^Usage: accord/);
    }
    const { io } = stubbed();
    await run(['push', '--help'], io);
    expect(io.out()).toContain('--idempotency-key <key>');
    expect(io.out()).toContain('Exit codes: 0 loaded');
  });

  it('reads whole positive numbers only', () => {
    expect(positiveInteger('25')).toBe(25);
    expect(() => positiveInteger('2.5')).toThrow();
    expect(() => positiveInteger('-1')).toThrow();
  });
});
