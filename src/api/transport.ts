// What every route of a client shares: the endpoint, connections, timeout, budget, the one retry loop, open/closed.
import type { Dispatcher } from "undici";
import { systemClock, type Clock } from "../util/clock.js";
import { DEFAULT_BASE_URL, parseBaseUrl, type ApiEndpoint } from "./base-url.js";
import { createRequestBudget, type RequestBudget } from "./budget.js";
import { createDispatcherSet, type DispatcherSet } from "./dispatchers.js";
import { ApiError, ConfigError, type ApiPhase } from "./errors.js";
import type { ClientHooks, ClientStats, RetryLoopContext } from "./retry-loop.js";
import { resolveRetryPolicy, type RetryPolicy } from "./retry-policy.js";
import { defaultUserAgent } from "./user-agent.js";

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export interface TransportOptions {
  /** Default https://api.aimlapi.com; http is accepted only for loopback hosts. */
  baseUrl?: string;
  /** Used for every request when given (the caller closes it); otherwise the client owns its connections. */
  dispatcher?: Dispatcher;
  retry?: Partial<RetryPolicy>;
  clock?: Clock;
  /** Share ONE budget across everything a run sends; a private unlimited one is created when omitted. */
  budget?: RequestBudget;
  /** Per HTTP attempt: connect + send + full answer. Default 30 s. */
  requestTimeoutMs?: number;
  /** Default "storyreel/<package version>". */
  userAgent?: string;
  /** Jitter source, [0, 1). Default Math.random. */
  random?: () => number;
  hooks?: ClientHooks;
}

export interface Transport {
  readonly endpoint: ApiEndpoint;
  readonly clock: Clock;
  readonly timeoutMs: number;
  readonly loop: RetryLoopContext;
  readonly stats: ClientStats;
  readonly dispatchers: DispatcherSet;
  /** Headers every request carries (never the key: the client adds it where a route needs it). */
  readonly baseHeaders: Readonly<Record<string, string>>;
  /** Throws E_CLIENT_CLOSED once close() was called. */
  ensureOpen(phase: ApiPhase): void;
  close(): Promise<void>;
}

/** `defaults`: the retry policy of this kind of client before the caller's overrides. */
export function createTransport(
  options: TransportOptions,
  defaults: { retry?: Partial<RetryPolicy>; requestTimeoutMs?: number } = {},
): Transport {
  const endpoint = parseBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
  const policy = resolveRetryPolicy({ ...defaults.retry, ...options.retry });
  const timeoutMs = checkTimeout(
    options.requestTimeoutMs ?? defaults.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
  );
  const clock = options.clock ?? systemClock;
  const budget = options.budget ?? createRequestBudget({ clock });
  const dispatchers = createDispatcherSet(endpoint.origin, options.dispatcher, {
    connectTimeoutMs: Math.min(10_000, timeoutMs),
  });
  const stats: ClientStats = { requests: 0, retries: 0, throttled: 0, submitUnknown: 0 };
  let closed = false;
  return {
    endpoint,
    clock,
    timeoutMs,
    loop: { policy, clock, random: options.random ?? Math.random, budget, stats, hooks: options.hooks },
    stats,
    dispatchers,
    baseHeaders: Object.freeze({
      "user-agent": options.userAgent ?? defaultUserAgent(),
      accept: "application/json",
    }),
    ensureOpen(phase) {
      if (closed)
        throw new ApiError("E_CLIENT_CLOSED", `${phase}: the AIML client has been closed`, { phase });
    },
    async close() {
      closed = true;
      await dispatchers.close();
    },
  };
}

function checkTimeout(value: number): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new ConfigError(
      "requestTimeoutMs",
      `requestTimeoutMs is ${value}; allowed: a finite number of ms > 0`,
    );
  }
  return value;
}
