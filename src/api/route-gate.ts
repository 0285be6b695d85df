// A route's own request limit (e.g. /v2/logs: 200 requests per 60 s) on top of the shared budget's rate.
import { GrantWindow } from "./grant-window.js";

/** A sliding-window limit: at most `requests` in any `windowMs`. */
export interface RouteLimit {
  requests: number;
  windowMs: number;
}

/** The documented limit of GET /v2/logs: "at most 200 requests per 60 s (429 beyond)". */
export const LOGS_ROUTE_LIMIT: Readonly<RouteLimit> = Object.freeze({ requests: 200, windowMs: 60_000 });

/** Grants are counted over the window plus this margin, for arrival jitter (as the shared gate's 50 ms on 1 s). */
const JITTER_MARGIN_MS = 1000;

export class RouteGate {
  readonly #window: GrantWindow;
  readonly #limit: number;
  readonly #spanMs: number;
  #pausedUntil = -Infinity;

  constructor(limit: RouteLimit) {
    this.#limit = limit.requests;
    this.#spanMs = limit.windowMs + JITTER_MARGIN_MS;
    this.#window = new GrantWindow(this.#spanMs);
  }

  isOpen(now: number): boolean {
    return now >= this.#pausedUntil && this.#window.count(now, this.#spanMs) < this.#limit;
  }

  /** Earliest time the gate opens (now when it is open). */
  opensAt(now: number): number {
    const start = Math.max(now, this.#pausedUntil);
    return Math.max(start, this.#window.freesAt(start, this.#spanMs, this.#limit));
  }

  record(now: number): void {
    this.#window.add(now);
  }

  /** The route answered 429: hold its requests (only its own) until `until`. */
  pause(until: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, until);
  }

  get pausedUntil(): number {
    return this.#pausedUntil;
  }
}
