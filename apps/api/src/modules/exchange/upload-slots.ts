// Overload: feed uploads arriving at once are bounded per firm and in total, per API process, so one
// firm's pipeline cannot take every connection and the memory of uploads stays bounded (a chunk each).
// Beyond either bound a push is answered 429 `too_many_uploads` before its body is read.
import { ApiProblem } from '../../http/problems.ts';

export interface UploadLimits {
  /** Uploads one firm may have arriving at once. */
  perFirm: number;
  /** Uploads arriving at once in all. */
  total: number;
}

export const defaultUploadLimits: UploadLimits = { perFirm: 4, total: 16 };

/** What a refused pipeline is told to wait: about the time a typical feed takes to arrive. */
const RETRY_AFTER_SECONDS = 5;

export class UploadSlots {
  readonly #perFirm = new Map<string, number>();
  #total = 0;

  constructor(readonly limits: UploadLimits) {}

  get inUse(): number {
    return this.#total;
  }

  /** Takes a slot for the firm, or refuses; the returned function gives it back (once). */
  take(firmId: string): () => void {
    const mine = this.#perFirm.get(firmId) ?? 0;
    if (mine >= this.limits.perFirm || this.#total >= this.limits.total) {
      const which =
        mine >= this.limits.perFirm
          ? `your firm already has ${mine} feed uploads arriving (at most ${this.limits.perFirm} at once)`
          : `the API is receiving ${this.#total} feed uploads (at most ${this.limits.total} at once)`;
      throw new ApiProblem(
        429,
        'too_many_uploads',
        'Too many requests',
        `Not now: ${which}; retry after \`Retry-After\` seconds with the same Idempotency-Key.`,
        undefined,
        { retryAfterSeconds: RETRY_AFTER_SECONDS },
      );
    }
    this.#perFirm.set(firmId, mine + 1);
    this.#total++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#total--;
      const left = (this.#perFirm.get(firmId) ?? 1) - 1;
      if (left) this.#perFirm.set(firmId, left);
      else this.#perFirm.delete(firmId);
    };
  }
}
