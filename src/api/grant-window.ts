// Exact times of recent grants: how many fell in any trailing window, and when that count next drops.
const DEFAULT_HORIZON_MS = 2000;

export class GrantWindow {
  #times: number[] = [];
  #head = 0;
  readonly #horizonMs: number;

  /** `horizonMs`: how far back grants are kept (at least the longest window asked about). */
  constructor(horizonMs = DEFAULT_HORIZON_MS) {
    this.#horizonMs = horizonMs;
  }

  add(now: number): void {
    this.#times.push(now);
    this.#trim(now);
  }

  /** Grants in (now - windowMs, now]. */
  count(now: number, windowMs = 1000): number {
    return this.#times.length - this.#firstAfter(now - windowMs);
  }

  /** When the count over `windowMs` will have dropped below `limit` (now when it already is). */
  freesAt(now: number, windowMs: number, limit: number): number {
    const start = this.#firstAfter(now - windowMs);
    const excess = this.#times.length - start - Math.ceil(limit) + 1;
    if (excess <= 0) return now;
    return (this.#times[start + excess - 1] ?? now) + windowMs;
  }

  /** Index of the first grant later than `t` (grants are in clock order). */
  #firstAfter(t: number): number {
    let lo = this.#head;
    let hi = this.#times.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.#times[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  #trim(now: number): void {
    this.#head = this.#firstAfter(now - this.#horizonMs);
    // Compact now and then so memory stays proportional to the grants in the horizon.
    if (this.#head > 1024 && this.#head * 2 > this.#times.length) {
      this.#times = this.#times.slice(this.#head);
      this.#head = 0;
    }
  }
}
