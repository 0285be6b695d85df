// Sliding window over accepted requests (one second for the API at large, 60 s for /v2/logs); beyond the limit: 429.

export class SlidingWindowLimiter {
  private readonly times: number[] = [];
  private head = 0;
  private readonly limit: number;
  private readonly windowMs: number;

  constructor(opts: { requestsPerSecond: number; windowMs?: number }) {
    this.limit = opts.requestsPerSecond;
    this.windowMs = opts.windowMs ?? 1000;
  }

  /** Ms from `now` until the oldest counted request leaves the window (0 when there is room). */
  retryAfterMs(now: number): number {
    if (this.times.length - this.head < this.limit) return 0;
    return Math.max(0, this.times[this.head]! + this.windowMs - now);
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
