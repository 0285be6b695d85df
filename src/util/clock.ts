// Clock seam: everything that waits or measures time takes a Clock, so tests and the benchmark can drive time.
import { setTimeout as delay } from "node:timers/promises";

export interface Clock {
  /** Milliseconds on a monotonic scale (not wall time). */
  now(): number;
  /** Wall-clock time, for timestamps written to disk. */
  wallNow(): Date;
  /** Resolves after `ms`; rejects with the signal's reason when aborted. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  wallNow: () => new Date(),
  sleep: async (ms, signal) => {
    try {
      await delay(Math.max(0, ms), undefined, signal ? { signal } : undefined);
    } catch (err) {
      // timers/promises wraps the reason in its own AbortError; callers branch on the signal's reason itself.
      if (signal?.aborted) throw signal.reason;
      throw err;
    }
  },
};

/**
 * Calls `onTimeout` after `ms` unless cancelled first. On the system clock this is a plain unref'd timer
 * (cheap enough for every request); other clocks (tests) get it through their own sleep.
 */
export function startTimer(clock: Clock, ms: number, onTimeout: () => void): () => void {
  if (clock === systemClock) {
    const timer = setTimeout(onTimeout, Math.max(0, ms));
    timer.unref();
    return () => clearTimeout(timer);
  }
  const cancel = new AbortController();
  clock.sleep(ms, cancel.signal).then(onTimeout, () => undefined);
  return () => cancel.abort();
}
