// One status line on stderr, redrawn in place, only when stderr is a terminal: pipelines' logs stay clean.
export interface StatusStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export class StatusLine {
  private lastDraw = -Infinity;
  private shown = false;

  constructor(
    private readonly stream: StatusStream,
    private readonly now: () => number,
    private readonly intervalMs = 100,
  ) {}

  get enabled(): boolean {
    return this.stream.isTTY === true;
  }

  /** Redraws at most every `intervalMs` unless forced. */
  update(text: () => string, force = false): void {
    if (!this.enabled) return;
    const t = this.now();
    if (!force && t - this.lastDraw < this.intervalMs) return;
    this.lastDraw = t;
    this.stream.write(`\r\x1b[2K${text()}`);
    this.shown = true;
  }

  clear(): void {
    if (!this.shown) return;
    this.stream.write('\r\x1b[2K');
    this.shown = false;
  }
}
