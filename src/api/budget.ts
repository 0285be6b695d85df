// The run's one shared request budget: every submit, poll and logs listing waits here, so a 429 slows them all.
import { systemClock, type Clock } from "../util/clock.js";
import { ConfigError } from "./errors.js";
import { GrantWindow } from "./grant-window.js";
import {
  canTake,
  initialBucket,
  readyAt,
  recover,
  refill,
  take,
  throttle,
  type BucketConfig,
  type BucketState,
} from "./token-bucket.js";
import { LOGS_ROUTE_LIMIT, RouteGate, type RouteLimit } from "./route-gate.js";
import { WaiterQueue } from "./waiter-queue.js";

/**
 * "submit" and "poll" share the rate; "logs" (GET /v2/logs) shares it too and also has its own window
 * (200 requests per 60 s by default), whose 429s pause only the logs requests.
 */
export type RequestKind = "submit" | "poll" | "logs";

/** Which waiting kind is served first when several could go: submissions, then logs look-ups, then polls. */
const SERVE_ORDER: readonly RequestKind[] = ["submit", "logs", "poll"];

/** Grants are paced over this trailing window: a one-second server window plus 5% for arrival jitter. */
const GATE_WINDOW_MS = 1050;

export interface RequestBudgetOptions {
  clock?: Clock;
  /** Starting rate and ceiling; omitted = start unlimited. */
  maxRequestsPerSecond?: number;
  /** Pause after a 429 that carried no Retry-After. Default 1000 ms. */
  defaultPauseMs?: number;
  /** Multiplicative decrease on a 429, applied to the rate accepted in the last second. Default 0.9. */
  decreaseFactor?: number;
  /** Additive increase while requests succeed, in requests/second per second. Default 1. */
  increasePerSecond?: number;
  /** Lowest rate a cut may reach. Default 5 requests/second (a 429 at a lower rate is a concurrency or quota limit, not a rate limit). */
  minRequestsPerSecond?: number;
  /** The logs route's own limit; default 200 requests per 60 s (the API's documented limit). */
  logsLimit?: RouteLimit;
}

export interface BudgetSnapshot {
  /** Current rate in requests/second; Infinity = unlimited. */
  ratePerSecond: number;
  /** Clock time (Clock.now scale) until which all requests are held; <= now when not paused. */
  pausedUntil: number;
  granted: number;
  throttled: number;
  waiting: { submit: number; poll: number; logs: number };
  /** Until when logs requests are held after the logs route answered 429 (-Infinity: never paused). */
  logsPausedUntil: number;
}

export interface RequestBudget {
  /** Resolves when a request may be sent. FIFO per kind; waiting submits go before waiting polls. Rejects with `signal.reason` on abort. */
  acquire(kind: RequestKind, signal?: AbortSignal): Promise<void>;
  /**
   * The server answered 429: pause everyone for `retryAfterMs` (or the default pause) and cut the rate.
   * With `kind` "logs" the 429 came from the logs route's own limit: only logs requests are paused.
   */
  onThrottled(retryAfterMs?: number, kind?: RequestKind): void;
  /** A request succeeded: grow the rate additively. */
  onSuccess(): void;
  snapshot(): BudgetSnapshot;
}

interface Waiter {
  settled: boolean;
  kind: RequestKind;
  resolve: () => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
}

interface SignalWatch {
  waiters: Set<Waiter>;
  listener: () => void;
}

export function createRequestBudget(options: RequestBudgetOptions = {}): RequestBudget {
  const clock = options.clock ?? systemClock;
  const config = bucketConfig(options);
  const defaultPauseMs = positiveOr("budget.defaultPauseMs", options.defaultPauseMs, 1000);
  const bucket: BucketState = initialBucket(config, clock.now());
  const window = new GrantWindow();
  const queues: Record<RequestKind, WaiterQueue<Waiter>> = {
    submit: new WaiterQueue<Waiter>(),
    poll: new WaiterQueue<Waiter>(),
    logs: new WaiterQueue<Waiter>(),
  };
  const logsGate = new RouteGate(checkRouteLimit("budget.logsLimit", options.logsLimit ?? LOGS_ROUTE_LIMIT));
  const watches = new Map<AbortSignal, SignalWatch>();
  let timer: { at: number; controller: AbortController } | null = null;
  let granted = 0;
  let throttledCount = 0;

  const waiting = (): number => queues.submit.size + queues.poll.size + queues.logs.size;
  const gateOpen = (kind: RequestKind, now: number): boolean => kind !== "logs" || logsGate.isOpen(now);

  /**
   * The bucket has a token, and (once a rate is set) fewer than `rate` grants fall in the trailing
   * GATE_WINDOW_MS — a server's sliding one-second window, with a margin for arrival jitter.
   */
  function mayGrant(now: number): boolean {
    if (!canTake(bucket, now)) return false;
    return !Number.isFinite(bucket.rate) || window.count(now, GATE_WINDOW_MS) < bucket.rate;
  }

  function nextGrantAt(now: number): number {
    const tokenAt = readyAt(bucket, now);
    if (!Number.isFinite(bucket.rate)) return tokenAt;
    return Math.max(tokenAt, window.freesAt(now, GATE_WINDOW_MS, bucket.rate));
  }

  function record(now: number, kind: RequestKind): void {
    take(bucket);
    window.add(now);
    if (kind === "logs") logsGate.record(now);
    granted++;
  }

  function unwatch(waiter: Waiter): void {
    if (waiter.signal === undefined) return;
    const watch = watches.get(waiter.signal);
    if (watch === undefined) return;
    watch.waiters.delete(waiter);
    if (watch.waiters.size === 0) {
      waiter.signal.removeEventListener("abort", watch.listener);
      watches.delete(waiter.signal);
    }
  }

  function watch(signal: AbortSignal, waiter: Waiter): void {
    let entry = watches.get(signal);
    if (entry === undefined) {
      const created: SignalWatch = { waiters: new Set(), listener: () => abortAll(signal, created) };
      entry = created;
      watches.set(signal, entry);
      signal.addEventListener("abort", entry.listener, { once: true });
    }
    entry.waiters.add(waiter);
  }

  function abortAll(signal: AbortSignal, entry: SignalWatch): void {
    watches.delete(signal);
    for (const waiter of entry.waiters) {
      if (waiter.settled) continue;
      waiter.settled = true;
      queues[waiter.kind].cancelled();
      waiter.reject(signal.reason);
    }
    entry.waiters.clear();
    if (waiting() === 0) disarm();
  }

  function disarm(): void {
    timer?.controller.abort();
    timer = null;
  }

  /** One timer for all waiters: re-armed only when the wake-up time must move earlier. */
  function arm(at: number): void {
    if (timer !== null && timer.at <= at) return;
    disarm();
    const mine = { at, controller: new AbortController() };
    timer = mine;
    clock.sleep(Math.max(0, at - clock.now()), mine.controller.signal).then(
      () => {
        if (timer !== mine) return;
        timer = null;
        drain();
      },
      () => undefined,
    );
  }

  function drain(): void {
    const now = clock.now();
    refill(bucket, now);
    for (;;) {
      if (waiting() === 0) {
        disarm();
        return;
      }
      const kind = SERVE_ORDER.find((k) => queues[k].size > 0 && gateOpen(k, now));
      if (kind === undefined) {
        // Only logs requests wait, and their route's window is full (or paused): wake when it opens.
        arm(logsGate.opensAt(now));
        return;
      }
      if (!mayGrant(now)) {
        arm(nextGrantAt(now));
        return;
      }
      const waiter = queues[kind].shift();
      if (waiter === undefined) return; // unreachable while size > 0; never spin
      waiter.settled = true;
      unwatch(waiter);
      record(now, kind);
      waiter.resolve();
    }
  }

  return {
    acquire(kind, signal) {
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- contract: reject with the signal's own reason
      if (signal?.aborted) return Promise.reject(signal.reason as unknown);
      const now = clock.now();
      refill(bucket, now);
      if (waiting() === 0 && mayGrant(now) && gateOpen(kind, now)) {
        record(now, kind);
        return Promise.resolve();
      }
      return new Promise<void>((resolve, reject) => {
        const waiter: Waiter = { settled: false, kind, resolve, reject, signal };
        queues[kind].push(waiter);
        if (signal !== undefined) watch(signal, waiter);
        drain();
      });
    },

    onThrottled(retryAfterMs, kind) {
      throttledCount++;
      const now = clock.now();
      refill(bucket, now);
      const pause =
        retryAfterMs !== undefined && Number.isFinite(retryAfterMs) ? retryAfterMs : defaultPauseMs;
      if (kind === "logs") logsGate.pause(now + Math.max(0, pause));
      else throttle(bucket, config, now, pause, window.count(now));
      if (waiting() > 0) drain();
    },

    onSuccess() {
      refill(bucket, clock.now());
      recover(bucket, config, clock.now());
      if (waiting() > 0) drain();
    },

    snapshot() {
      return {
        ratePerSecond: bucket.rate,
        pausedUntil: bucket.pausedUntil,
        granted,
        throttled: throttledCount,
        waiting: { submit: queues.submit.size, poll: queues.poll.size, logs: queues.logs.size },
        logsPausedUntil: logsGate.pausedUntil,
      };
    },
  };
}

function bucketConfig(options: RequestBudgetOptions): BucketConfig {
  const ceiling =
    options.maxRequestsPerSecond === undefined
      ? Infinity
      : positiveOr("budget.maxRequestsPerSecond", options.maxRequestsPerSecond, Infinity);
  const decreaseFactor = options.decreaseFactor ?? 0.9;
  if (!(decreaseFactor > 0 && decreaseFactor < 1)) {
    throw new ConfigError(
      "budget.decreaseFactor",
      `budget.decreaseFactor is ${decreaseFactor}; allowed: a number between 0 and 1 (exclusive)`,
    );
  }
  return {
    ceiling,
    decreaseFactor,
    increasePerSecond: positiveOr("budget.increasePerSecond", options.increasePerSecond, 1),
    floor: Math.min(ceiling, positiveOr("budget.minRequestsPerSecond", options.minRequestsPerSecond, 5)),
  };
}

function checkRouteLimit(key: string, limit: RouteLimit): RouteLimit {
  if (!Number.isInteger(limit.requests) || limit.requests < 1) {
    throw new ConfigError(key, `${key}.requests is ${limit.requests}; allowed: an integer >= 1`);
  }
  positiveOr(`${key}.windowMs`, limit.windowMs, 1);
  return limit;
}

function positiveOr(key: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) {
    throw new ConfigError(key, `${key} is ${value}; allowed: a finite number > 0`);
  }
  return value;
}
