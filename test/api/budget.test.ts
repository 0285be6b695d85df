import { describe, expect, it } from "vitest";
import { createRequestBudget, type RequestKind } from "../../src/api/index.js";
import { createFakeClock, settle } from "./fake-clock.js";

/** Starts acquire() calls and records the order (and clock time) in which they are granted. */
function tracker(budget: ReturnType<typeof createRequestBudget>, clock: { now(): number }) {
  const granted: { label: string; at: number }[] = [];
  const start = (label: string, kind: RequestKind, signal?: AbortSignal): Promise<void> =>
    budget.acquire(kind, signal).then(() => {
      granted.push({ label, at: clock.now() });
    });
  return { granted, start, labels: () => granted.map((g) => g.label) };
}

describe("request budget", () => {
  it("starts unlimited: grants at once, with no timers", async () => {
    const clock = createFakeClock();
    const budget = createRequestBudget({ clock });
    for (let i = 0; i < 100; i++) await budget.acquire(i % 2 === 0 ? "poll" : "submit");
    expect(budget.snapshot()).toMatchObject({ ratePerSecond: Infinity, granted: 100, throttled: 0 });
    expect(clock.pendingTimers()).toBe(0);
  });

  it("paces requests at a configured maximum rate", async () => {
    const clock = createFakeClock();
    const budget = createRequestBudget({ clock, maxRequestsPerSecond: 2 });
    const t = tracker(budget, clock);
    for (const label of ["a", "b", "c", "d"]) void t.start(label, "poll");
    await settle();
    await clock.advance(2000);
    // A full bucket allows a one-second burst (2), then one every 500 ms.
    expect(t.granted).toEqual([
      { label: "a", at: 0 },
      { label: "b", at: 0 },
      { label: "c", at: 500 },
      { label: "d", at: 1000 },
    ]);
  });

  it("pauses every request until Retry-After after a 429", async () => {
    const clock = createFakeClock();
    const budget = createRequestBudget({ clock });
    budget.onThrottled(700);
    const t = tracker(budget, clock);
    void t.start("submit", "submit");
    void t.start("poll", "poll");
    await clock.advance(699);
    expect(t.granted).toEqual([]);
    expect(budget.snapshot()).toMatchObject({
      pausedUntil: 700,
      throttled: 1,
      waiting: { submit: 1, poll: 1 },
    });
    await clock.advance(1);
    expect(t.granted[0]).toEqual({ label: "submit", at: 700 });
  });

  it("pauses for the default backoff when the 429 carried no Retry-After", async () => {
    const clock = createFakeClock();
    const budget = createRequestBudget({ clock, defaultPauseMs: 1000 });
    budget.onThrottled();
    const t = tracker(budget, clock);
    void t.start("a", "poll");
    await clock.advance(999);
    expect(t.granted).toEqual([]);
    await clock.advance(1);
    expect(t.granted).toEqual([{ label: "a", at: 1000 }]);
  });

  it("cuts the rate to a fraction of the observed rate (once per burst of 429s) and recovers with time", async () => {
    const clock = createFakeClock();
    const budget = createRequestBudget({
      clock,
      decreaseFactor: 0.5,
      increasePerSecond: 2,
      minRequestsPerSecond: 0.5,
    });
    for (let i = 0; i < 10; i++) await budget.acquire("poll"); // 10 requests within the last second
    budget.onThrottled(100);
    budget.onThrottled(100); // the same overshoot reported by another in-flight request: no second cut
    expect(budget.snapshot().ratePerSecond).toBe(5);

    const t = tracker(budget, clock);
    for (const label of ["a", "b", "c"]) void t.start(label, "poll");
    await clock.advance(1000);
    // After the pause: one probe at once, then one every 200 ms (5/s).
    expect(t.granted).toEqual([
      { label: "a", at: 100 },
      { label: "b", at: 300 },
      { label: "c", at: 500 },
    ]);

    // growth counts time since the pause ended (at 100 ms), not the number of successes
    for (let i = 0; i < 4; i++) budget.onSuccess();
    expect(budget.snapshot().ratePerSecond).toBeCloseTo(5 + 2 * 0.9, 6);
    await clock.advance(500);
    budget.onSuccess();
    budget.onSuccess();
    expect(budget.snapshot().ratePerSecond).toBeCloseTo(5 + 2 * 1.4, 6);
  });

  it("cuts again when 429s keep coming after the cooldown, but never below the floor", async () => {
    const clock = createFakeClock();
    const budget = createRequestBudget({ clock, minRequestsPerSecond: 1, decreaseFactor: 0.5 });
    for (let i = 0; i < 4; i++) await budget.acquire("poll");
    budget.onThrottled(0);
    expect(budget.snapshot().ratePerSecond).toBe(2);
    await clock.advance(1500);
    budget.onThrottled(0);
    expect(budget.snapshot().ratePerSecond).toBe(1);
    await clock.advance(1500);
    budget.onThrottled(0);
    expect(budget.snapshot().ratePerSecond).toBe(1);
  });

  it("never recovers above a configured maximum", async () => {
    const clock = createFakeClock();
    const budget = createRequestBudget({
      clock,
      maxRequestsPerSecond: 3,
      minRequestsPerSecond: 1,
      decreaseFactor: 0.5,
    });
    await budget.acquire("poll");
    await budget.acquire("poll");
    budget.onThrottled(0);
    expect(budget.snapshot().ratePerSecond).toBe(1);
    await clock.advance(60_000);
    for (let i = 0; i < 100; i++) budget.onSuccess();
    expect(budget.snapshot().ratePerSecond).toBe(3);
  });

  it("serves waiting submits before waiting polls, FIFO within each kind", async () => {
    const clock = createFakeClock();
    const budget = createRequestBudget({ clock, maxRequestsPerSecond: 10 });
    budget.onThrottled(50);
    const t = tracker(budget, clock);
    void t.start("poll-1", "poll");
    void t.start("poll-2", "poll");
    void t.start("submit-1", "submit");
    void t.start("poll-3", "poll");
    void t.start("submit-2", "submit");
    await clock.advance(20_000); // the cut (nothing observed yet) leaves the floor rate, growing with time
    expect(t.labels()).toEqual(["submit-1", "submit-2", "poll-1", "poll-2", "poll-3"]);
  });

  it("uses one timer however many requests wait", async () => {
    const clock = createFakeClock();
    const budget = createRequestBudget({ clock, maxRequestsPerSecond: 1000 });
    budget.onThrottled(1000);
    const t = tracker(budget, clock);
    for (let i = 0; i < 500; i++) void t.start(`p${i}`, i % 5 === 0 ? "submit" : "poll");
    await settle();
    expect(clock.pendingTimers()).toBe(1);
    await clock.advance(1200);
    expect(clock.pendingTimers()).toBeLessThanOrEqual(1);
    expect(t.granted.length).toBeGreaterThan(0);
  });

  it("rejects a waiting acquire promptly with the signal's reason, leaving the others queued", async () => {
    const clock = createFakeClock();
    const budget = createRequestBudget({ clock });
    budget.onThrottled(10_000);
    const controller = new AbortController();
    const reason = new Error("cancelled");
    const t = tracker(budget, clock);
    const aborted = budget.acquire("poll", controller.signal).then(
      () => "granted",
      (err: unknown) => err,
    );
    void t.start("other", "poll");
    controller.abort(reason);
    expect(await aborted).toBe(reason);
    expect(budget.snapshot().waiting).toEqual({ submit: 0, poll: 1 });
    await clock.advance(10_000);
    expect(t.labels()).toEqual(["other"]);
    expect(budget.snapshot().granted).toBe(1);
  });

  it("rejects at once for an already aborted signal, and drops its timer when nobody waits", async () => {
    const clock = createFakeClock();
    const budget = createRequestBudget({ clock });
    const controller = new AbortController();
    controller.abort(new Error("already"));
    await expect(budget.acquire("submit", controller.signal)).rejects.toThrow("already");

    budget.onThrottled(10_000);
    const second = new AbortController();
    const pending = budget.acquire("poll", second.signal).catch((err: unknown) => err);
    await settle();
    expect(clock.pendingTimers()).toBe(1);
    second.abort(new Error("gone"));
    await pending;
    await settle();
    expect(clock.pendingTimers()).toBe(0);
  });

  it("shares one abort listener among many waiters on the same signal", async () => {
    const clock = createFakeClock();
    const budget = createRequestBudget({ clock });
    budget.onThrottled(1000);
    const controller = new AbortController();
    const results = Array.from({ length: 50 }, () =>
      budget.acquire("poll", controller.signal).then(
        () => "granted",
        () => "aborted",
      ),
    );
    controller.abort();
    expect(new Set(await Promise.all(results))).toEqual(new Set(["aborted"]));
    expect(budget.snapshot().waiting).toEqual({ submit: 0, poll: 0 });
  });
});
