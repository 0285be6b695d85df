// Retry policy as plain data plus the pure arithmetic of backoff and Retry-After, so it is easy to test and tune.
import { ConfigError } from "./errors.js";

export interface RetryPolicy {
  /** Total HTTP attempts per call, including the first (1 = never retry). */
  attempts: number;
  /** Backoff before retry n is base * 2^(n-1), capped at capDelayMs. */
  baseDelayMs: number;
  capDelayMs: number;
  /** "full": wait a uniformly random part of the backoff (AWS "full jitter"); "none": wait the backoff exactly. */
  jitter: "full" | "none";
  /** No retry wait is started that would end later than this many ms after the call began. */
  deadlineMs: number;
  /** A server's Retry-After is honoured up to this many ms. */
  retryAfterCapMs: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  attempts: 6,
  baseDelayMs: 500,
  capDelayMs: 20_000,
  jitter: "full",
  deadlineMs: 120_000,
  retryAfterCapMs: 60_000,
});

/** The catalogue (GET /v1/models) is a convenience: a few quick tries, then the caller falls back to its cache. */
export const CATALOGUE_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  attempts: 2,
  baseDelayMs: 250,
  capDelayMs: 2_000,
  jitter: "full",
  deadlineMs: 8_000,
  retryAfterCapMs: 5_000,
});

/**
 * Milliseconds to wait before the next attempt. `attempt` is the 1-based number of the attempt that just failed;
 * `random` returns [0, 1). A Retry-After (capped at retryAfterCapMs) is a floor under the jittered backoff.
 */
export function nextDelay(
  policy: RetryPolicy,
  attempt: number,
  random: () => number,
  retryAfterMs?: number,
): number {
  const exponent = Math.max(0, attempt - 1);
  const backoff = Math.min(policy.capDelayMs, policy.baseDelayMs * 2 ** exponent);
  const jittered = policy.jitter === "full" ? Math.floor(random() * backoff) : backoff;
  if (retryAfterMs === undefined || !Number.isFinite(retryAfterMs)) return jittered;
  return Math.max(jittered, Math.min(Math.max(0, retryAfterMs), policy.retryAfterCapMs));
}

/**
 * Parses a Retry-After header: delay-seconds ("120", leniently also "1.5") or an HTTP-date, relative to
 * `nowWallMs` (wall-clock ms since the epoch). Returns ms (never negative) or undefined when absent/unparseable.
 */
export function parseRetryAfter(
  header: string | readonly string[] | undefined,
  nowWallMs: number,
): number | undefined {
  const value = (typeof header === "string" ? header : header?.[0])?.trim();
  if (value === undefined || value === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  if (!/[a-z]/i.test(value)) return undefined; // e.g. "-5": neither seconds nor a date
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowWallMs);
}

/** Defaults overlaid with `overrides`, each value checked; throws ConfigError naming the key and the value. */
export function resolveRetryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...definedOnly(overrides) };
  checkInteger("retry.attempts", policy.attempts, 1, 100);
  checkMs("retry.baseDelayMs", policy.baseDelayMs);
  checkMs("retry.capDelayMs", policy.capDelayMs);
  checkMs("retry.deadlineMs", policy.deadlineMs);
  checkMs("retry.retryAfterCapMs", policy.retryAfterCapMs);
  if (policy.capDelayMs < policy.baseDelayMs) {
    throw new ConfigError(
      "retry.capDelayMs",
      `retry.capDelayMs is ${policy.capDelayMs} but must be at least retry.baseDelayMs (${policy.baseDelayMs})`,
    );
  }
  if (policy.jitter !== "full" && policy.jitter !== "none") {
    throw new ConfigError(
      "retry.jitter",
      `retry.jitter is ${String(policy.jitter)}; allowed: "full", "none"`,
    );
  }
  return policy;
}

function definedOnly(overrides: Partial<RetryPolicy>): Partial<RetryPolicy> {
  return Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
}

function checkInteger(key: string, value: unknown, min: number, max: number): void {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(key, `${key} is ${String(value)}; allowed: an integer from ${min} to ${max}`);
  }
}

function checkMs(key: string, value: unknown): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new ConfigError(key, `${key} is ${String(value)}; allowed: a finite number of milliseconds >= 0`);
  }
}
