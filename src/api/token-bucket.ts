// Pure AIMD token-bucket arithmetic behind the request budget: no timers, no promises, time passed in.

/** Tokens within this distance of 1 count as a whole token (guards against float drift on timer wake-ups). */
const EPSILON = 1e-9;
const CUT_COOLDOWN_MS = 1000;

export interface BucketConfig {
  /** Upper bound for the rate; Infinity = no configured maximum. */
  ceiling: number;
  /** Multiplicative decrease: new rate = factor × observed rate. */
  decreaseFactor: number;
  /** Additive increase while requests succeed, in requests/second gained per second. */
  increasePerSecond: number;
  /** The rate never drops below this. */
  floor: number;
}

export interface BucketState {
  /** Requests per second; Infinity = unlimited. */
  rate: number;
  tokens: number;
  updatedAt: number;
  pausedUntil: number;
  lastCutAt: number;
  /** The rate at which the server last said "too many": recovery climbs fast up to just below it. */
  limitSeen: number;
  /** When the rate last grew (successes in between count as one span of time). */
  lastGrowthAt: number;
}

export function initialBucket(config: BucketConfig, now: number): BucketState {
  // A bucket starts full: a configured rate allows its one-second burst straight away.
  return {
    rate: config.ceiling,
    tokens: capacity(config.ceiling),
    updatedAt: now,
    pausedUntil: now,
    lastCutAt: -Infinity,
    limitSeen: Infinity,
    lastGrowthAt: now,
  };
}

/** Burst size: one second's worth of requests, at least one. */
function capacity(rate: number): number {
  return Math.max(1, rate);
}

/** Adds the tokens earned since the last update; no tokens accrue while paused. */
export function refill(state: BucketState, now: number): void {
  if (Number.isFinite(state.rate)) {
    const from = Math.max(state.updatedAt, state.pausedUntil);
    if (now > from)
      state.tokens = Math.min(capacity(state.rate), state.tokens + ((now - from) * state.rate) / 1000);
  }
  state.updatedAt = Math.max(state.updatedAt, now);
}

export function canTake(state: BucketState, now: number): boolean {
  if (now < state.pausedUntil) return false;
  return !Number.isFinite(state.rate) || state.tokens >= 1 - EPSILON;
}

export function take(state: BucketState): void {
  if (Number.isFinite(state.rate)) state.tokens = Math.max(0, state.tokens - 1);
}

/** Earliest time at which canTake becomes true (assuming no other change); call after refill(now). */
export function readyAt(state: BucketState, now: number): number {
  const start = Math.max(now, state.pausedUntil);
  if (!Number.isFinite(state.rate)) return start;
  const missing = Math.max(0, 1 - state.tokens);
  return start + Math.ceil((missing * 1000) / state.rate);
}

/**
 * A 429: pause everything for `pauseMs`, and (at most once per second, so a burst of 429s from one overshoot
 * counts once) cut the rate to decreaseFactor × the rate observed over the last second — a 429 from a
 * sliding-window limit means "at the limit", so the cut is shallow and the limit is remembered.
 */
export function throttle(
  state: BucketState,
  config: BucketConfig,
  now: number,
  pauseMs: number,
  observedPerSecond: number,
): void {
  state.pausedUntil = Math.max(state.pausedUntil, now + Math.max(0, pauseMs));
  if (now - state.lastCutAt >= CUT_COOLDOWN_MS) {
    const reference = Math.min(state.rate, Math.max(1, observedPerSecond));
    state.limitSeen = reference;
    state.rate = Math.max(config.floor, reference * config.decreaseFactor);
    state.lastCutAt = now;
  }
  state.lastGrowthAt = Math.max(now, state.pausedUntil);
  // The first request after the pause goes out at once as a probe; the rest follow at the new rate.
  state.tokens = 1;
  state.updatedAt = Math.max(state.updatedAt, now);
}

/**
 * A success: grow the rate with the time that passed since the last growth (not per request, so a busy run
 * does not race back into the limit it just hit): ×1.25 per second up to just below the limit last seen,
 * then a tenth of the additive step (each probe past a known limit costs a Retry-After pause), up to the ceiling.
 */
export function recover(state: BucketState, config: BucketConfig, now: number): void {
  if (!Number.isFinite(state.rate) || now <= state.lastGrowthAt) return;
  const seconds = (now - state.lastGrowthAt) / 1000;
  const fastUpTo = 0.95 * state.limitSeen;
  let rate = state.rate;
  if (rate < fastUpTo) rate = Math.min(fastUpTo, rate * 1.25 ** seconds);
  else if (Number.isFinite(state.limitSeen))
    rate += (config.increasePerSecond / 10) * seconds; // re-probe a known limit slowly
  else rate += config.increasePerSecond * seconds;
  state.rate = Math.min(config.ceiling, rate);
  state.lastGrowthAt = now;
}
