// Slow clients: a request body that sends nothing for a while is cut off (408 `body_timeout`), so a
// client trickling bytes, or gone without closing, cannot hold a handler, a batch or a connection.
import type { FastifyInstance } from 'fastify';
import { Transform, type TransformCallback } from 'node:stream';
import { ApiProblem } from './problems.ts';

/** A body passed through as it is, that fails once `idleMs` pass without a byte. */
class IdleLimited extends Transform {
  /** The bytes seen, for Fastify's body-length checks. */
  receivedEncodedLength = 0;
  readonly #timer: NodeJS.Timeout;

  constructor(idleMs: number) {
    super();
    this.#timer = setTimeout(() => {
      // bytes that arrived and wait for the handler (a slow database under a feed) are not the client's idling
      if (this.readableLength > 0 || this.writableLength > 0) {
        this.#timer.refresh();
        return;
      }
      this.destroy(
        new ApiProblem(
          408,
          'body_timeout',
          'Request timeout',
          `No part of the body arrived for ${idleMs / 1000} s; send it again (with the same Idempotency-Key for a feed).`,
        ),
      );
    }, idleMs);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    this.#timer.refresh();
    this.receivedEncodedLength += chunk.length;
    done(null, chunk);
  }

  override _flush(done: TransformCallback) {
    clearTimeout(this.#timer);
    done();
  }

  override _destroy(error: Error | null, done: (error: Error | null) => void) {
    clearTimeout(this.#timer);
    done(error);
  }
}

export function limitBodyIdleTime(app: FastifyInstance, idleMs: number) {
  app.addHook('preParsing', async (request, _reply, payload) => {
    // as Fastify decides whether there is a body at all
    const { headers } = request;
    if (headers['transfer-encoding'] === undefined && !(Number(headers['content-length']) > 0)) return payload;
    const limited = new IdleLimited(idleMs);
    payload.on('error', (error) => limited.destroy(error));
    limited.once('error', () => {
      // the client is not sending; answer it and close rather than wait for the rest
      payload.unpipe(limited);
      request.raw.resume();
    });
    return payload.pipe(limited);
  });
}
