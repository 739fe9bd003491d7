import Fastify, { type FastifyInstance } from 'fastify';
import type { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { limitBodyIdleTime } from './body-timeout.ts';
import { ApiProblem } from './problems.ts';

const IDLE_MS = 300;
const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

/** An app whose one route waits `waitMs` before it reads the body: a handler held up by a slow database. */
async function appReadingAfter(waitMs: number) {
  const app = Fastify();
  apps.push(app);
  limitBodyIdleTime(app, IDLE_MS);
  app.addContentTypeParser('text/csv', (_request, payload, done) => done(null, payload));
  app.setErrorHandler((error, _request, reply) =>
    error instanceof ApiProblem ? reply.status(error.status).send({ code: error.code }) : reply.send(error),
  );
  app.post('/feed', async (request) => {
    await new Promise((resolve) => setTimeout(resolve, waitMs));
    let bytes = 0;
    for await (const piece of request.body as Readable) bytes += (piece as Buffer).length;
    return { bytes };
  });
  return `${await app.listen({ host: '127.0.0.1', port: 0 })}/feed`;
}

function send(url: string, body: ReadableStream<Uint8Array>) {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'text/csv' }, body, duplex: 'half' });
}

describe('limitBodyIdleTime', () => {
  it('cuts off a body from which nothing arrives for the idle time with 408 body_timeout', async () => {
    const url = await appReadingAfter(0);
    const started = Date.now();
    const response = await send(
      url,
      new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('a,b\n')); // and then nothing, never closed
        },
      }),
    );
    expect(response.status).toBe(408);
    expect(await response.json()).toEqual({ code: 'body_timeout' });
    expect(Date.now() - started).toBeLessThan(IDLE_MS * 10);
  });

  it('does not count the time the handler takes to read what already arrived', async () => {
    const url = await appReadingAfter(IDLE_MS * 4);
    const bytes = new TextEncoder().encode('x'.repeat(256 * 1024));
    const response = await send(
      url,
      new ReadableStream({
        start(controller) {
          controller.enqueue(bytes);
          controller.close();
        },
      }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ bytes: bytes.length });
  });
});
