// Everything the commands touch outside themselves, so tests can hand in their own.
import { once } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import type { StatusStream } from './progress.ts';

export interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & StatusStream;
  env: Record<string, string | undefined>;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  random: () => number;
  fetch: typeof fetch;
}

export function processIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    sleep: (ms) => delay(ms),
    now: () => Date.now(),
    random: Math.random,
    fetch: (input, init) => fetch(input, init),
  };
}

/** Writes with backpressure, so streaming a large answer to a slow pipe does not pile up in memory. */
export async function writeOut(stream: NodeJS.WritableStream, chunk: string | Uint8Array): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}
