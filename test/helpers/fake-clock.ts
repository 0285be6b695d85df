// A tiny manual Clock for unit tests: time moves only when the test calls advance().
import type { Clock } from "../../src/util/clock.js";

export interface FakeClock extends Clock {
  /** Moves time forward, firing due timers in order and letting their continuations run. */
  advance(ms: number): Promise<void>;
  /** Timers currently waiting. */
  pendingTimers(): number;
}

interface Timer {
  at: number;
  seq: number;
  resolve: () => void;
}

/** Lets promise continuations (and their continuations) run. */
export const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function createFakeClock(start = 0): FakeClock {
  let now = start;
  let seq = 0;
  const timers = new Set<Timer>();
  return {
    now: () => now,
    wallNow: () => new Date(now),
    sleep(ms, signal) {
      if (signal?.aborted) return Promise.reject(signal.reason as Error);
      return new Promise<void>((resolve, reject) => {
        const timer: Timer = {
          at: now + Math.max(0, ms),
          seq: seq++,
          resolve: () => {
            signal?.removeEventListener("abort", onAbort);
            resolve();
          },
        };
        const onAbort = (): void => {
          timers.delete(timer);
          reject(signal?.reason as Error);
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        timers.add(timer);
      });
    },
    async advance(ms) {
      const target = now + ms;
      for (;;) {
        let next: Timer | undefined;
        for (const t of timers)
          if (
            t.at <= target &&
            (next === undefined || t.at < next.at || (t.at === next.at && t.seq < next.seq))
          )
            next = t;
        if (next === undefined) break;
        timers.delete(next);
        now = next.at;
        next.resolve();
        await settle();
      }
      now = target;
      await settle();
    },
    pendingTimers: () => timers.size,
  };
}
