// The single retry layer: budget, attempt, classify, back off (honouring Retry-After), within attempts and deadline.
import type { Clock } from "../util/clock.js";
import type { RequestBudget, RequestKind } from "./budget.js";
import { classify } from "./classify.js";
import { ApiError, type ApiPhase } from "./errors.js";
import { nextDelay, type RetryPolicy } from "./retry-policy.js";

export interface ClientStats {
  /** HTTP attempts started (each went through the budget). */
  requests: number;
  /** Retry waits started. */
  retries: number;
  /** 429 answers seen. */
  throttled: number;
  /** Submits that ended E_SUBMIT_UNKNOWN. */
  submitUnknown: number;
}

export interface RetryEvent {
  phase: ApiPhase;
  /** The attempt that just failed (1-based). */
  attempt: number;
  delayMs: number;
  error: ApiError;
}

export interface ClientHooks {
  /** Called before each retry wait (for logs and metrics); must not throw. */
  onRetry?: (event: RetryEvent) => void;
}

export interface RetryLoopContext {
  policy: RetryPolicy;
  clock: Clock;
  random: () => number;
  budget: RequestBudget;
  stats: ClientStats;
  hooks: ClientHooks | undefined;
}

export async function withRetries<T>(
  ctx: RetryLoopContext,
  phase: ApiPhase,
  signal: AbortSignal | undefined,
  attemptOnce: () => Promise<T>,
): Promise<T> {
  const { policy, clock, budget, stats } = ctx;
  const kind = budgetKind(phase);
  const started = clock.now();
  for (let attempt = 1; ; attempt++) {
    await budget.acquire(kind, signal);
    stats.requests++;
    let error: unknown;
    try {
      const value = await attemptOnce();
      budget.onSuccess();
      return value;
    } catch (err) {
      error = err;
    }
    if (!(error instanceof ApiError)) throw error; // the caller's abort reason, or a bug
    if (error.code === "E_API_RATE_LIMITED") {
      stats.throttled++;
      budget.onThrottled(
        error.retryAfterMs === undefined ? undefined : Math.min(error.retryAfterMs, policy.retryAfterCapMs),
        kind,
      );
    }
    if (error.code === "E_SUBMIT_UNKNOWN") stats.submitUnknown++;
    if (!classify(error).retryable) throw error;
    if (attempt >= policy.attempts) throw error.afterAttempts(attempt, "gave up");
    const delayMs = nextDelay(policy, attempt, ctx.random, error.retryAfterMs);
    if (clock.now() + delayMs - started > policy.deadlineMs) {
      throw error.afterAttempts(attempt, `retry deadline of ${policy.deadlineMs} ms reached`);
    }
    stats.retries++;
    try {
      ctx.hooks?.onRetry?.({ phase, attempt, delayMs, error });
    } catch {
      // a metrics hook must never change the outcome of a request
    }
    await sleepOrAbort(clock, delayMs, signal);
  }
}

/** The budget queue of a call: logs listings have their own route limit; the catalogue and billing wait like polls. */
export function budgetKind(phase: ApiPhase): RequestKind {
  if (phase === "submit" || phase === "logs") return phase;
  return "poll";
}

/** Clock.sleep, but an abort always rejects with the signal's own reason (Node's timers wrap it in an AbortError). */
async function sleepOrAbort(clock: Clock, ms: number, signal: AbortSignal | undefined): Promise<void> {
  try {
    await clock.sleep(ms, signal);
  } catch (err) {
    if (signal?.aborted) throw signal.reason as unknown;
    throw err;
  }
}
