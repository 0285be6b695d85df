// Sliding one-second window over accepted API requests; requests beyond the limit get 429 Retry-After: 1.

export class SlidingWindowLimiter {
  private readonly times: number[] = [];
  private head = 0;
  private readonly limit: number;
  private readonly windowMs: number;

  constructor(opts: { requestsPerSecond: number; windowMs?: number }) {
    this.limit = opts.requestsPerSecond;
    this.windowMs = opts.windowMs ?? 1000;
  }

  /** True (and counted) when a request at `now` fits in the window; false when it must be refused. */
  tryAcquire(now: number): boolean {
    while (this.head < this.times.length && this.times[this.head]! <= now - this.windowMs) this.head += 1;
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times.splice(0, this.head);
      this.head = 0;
    }
    if (this.times.length - this.head >= this.limit) return false;
    this.times.push(now);
    return true;
  }
}
