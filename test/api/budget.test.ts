import { describe, expect, it } from "vitest";
import { createRequestBudget, type RequestKind } from "../../src/api/index.js";
import { createFakeClock, settle } from "../helpers/fake-clock.js";

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
    // A full bucket allows a one-second burst (2); then no more than 2 in any trailing 1.05 s (a server's
    // sliding second plus a margin for arrival jitter).
    expect(t.granted).toEqual([
      { label: "a", at: 0 },
      { label: "b", at: 0 },
      { label: "c", at: 1050 },
      { label: "d", at: 1050 },
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

  it("cuts the rate to a fraction of the observed rate (once per burst of 429s), paced by the sliding second", async () => {
    const clock = createFakeClock();
    const budget = createRequestBudget({ clock, decreaseFactor: 0.5, minRequestsPerSecond: 0.5 });
    for (let i = 0; i < 10; i++) await budget.acquire("poll"); // 10 requests within the last second
    budget.onThrottled(100);
    budget.onThrottled(100); // the same overshoot reported by another in-flight request: no second cut
    expect(budget.snapshot().ratePerSecond).toBe(5);

    const t = tracker(budget, clock);
    for (const label of ["a", "b", "c", "d", "e", "f"]) void t.start(label, "poll");
    await clock.advance(3000);
    // The 10 grants that drew the 429 still count until they leave the trailing window (at 1050 ms);
    // then at most 5 in any 1.05 s.
    expect(t.granted.map((g) => g.at)).toEqual([1050, 1050, 1050, 1050, 1050, 2100]);
  });

  it("recovers with time, not per success: fast up to just below the limit last seen, then slowly", async () => {
    const clock = createFakeClock();
    const budget = createRequestBudget({
      clock,
      decreaseFactor: 0.5,
      increasePerSecond: 2,
      minRequestsPerSecond: 1,
    });
    for (let i = 0; i < 20; i++) await budget.acquire("poll");
    budget.onThrottled(0);
    expect(budget.snapshot().ratePerSecond).toBe(10);
    for (let i = 0; i < 50; i++) budget.onSuccess(); // no time passed: no growth
    expect(budget.snapshot().ratePerSecond).toBe(10);
    await clock.advance(1000);
    budget.onSuccess();
    expect(budget.snapshot().ratePerSecond).toBeCloseTo(12.5, 6); // ×1.25 per second below 0.95 × 20
    await clock.advance(4000);
    budget.onSuccess();
    expect(budget.snapshot().ratePerSecond).toBeCloseTo(19, 6); // capped at 0.95 × the limit seen
    await clock.advance(1000);
    budget.onSuccess();
    expect(budget.snapshot().ratePerSecond).toBeCloseTo(19.2, 6); // then a tenth of +2 per second: re-probe slowly
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
    for (let i = 0; i < 5; i++) {
      await clock.advance(60_000);
      budget.onSuccess();
    }
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
    expect(budget.snapshot().waiting).toEqual({ submit: 0, poll: 1, logs: 0 });
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
    expect(budget.snapshot().waiting).toEqual({ submit: 0, poll: 0, logs: 0 });
  });
});

describe("request budget: the logs route's own window", () => {
  it("grants at most N logs requests per window (+1 s margin) while polls and submits go on", async () => {
    const clock = createFakeClock();
    const budget = createRequestBudget({ clock, logsLimit: { requests: 3, windowMs: 10_000 } });
    const t = tracker(budget, clock);
    for (const label of ["l1", "l2", "l3", "l4", "l5"]) void t.start(label, "logs");
    void t.start("p1", "poll");
    void t.start("s1", "submit");
    await settle();
    expect(t.labels()).toEqual(["l1", "l2", "l3", "p1", "s1"]);
    expect(budget.snapshot().waiting).toEqual({ submit: 0, poll: 0, logs: 2 });
    await clock.advance(10_999);
    expect(t.labels()).toHaveLength(5);
    await clock.advance(1);
    expect(t.granted.slice(5)).toEqual([
      { label: "l4", at: 11_000 },
      { label: "l5", at: 11_000 },
    ]);
  });

  it("a logs 429 pauses only logs requests, and does not cut the shared rate", async () => {
    const clock = createFakeClock();
    const budget = createRequestBudget({ clock, maxRequestsPerSecond: 50 });
    budget.onThrottled(2000, "logs");
    const t = tracker(budget, clock);
    void t.start("logs", "logs");
    void t.start("poll", "poll");
    await settle();
    expect(t.labels()).toEqual(["poll"]);
    expect(budget.snapshot()).toMatchObject({ ratePerSecond: 50, pausedUntil: 0, logsPausedUntil: 2000 });
    await clock.advance(2000);
    expect(t.granted[1]).toEqual({ label: "logs", at: 2000 });
  });

  it("serves a waiting submit before a waiting logs request, and that before a waiting poll", async () => {
    const clock = createFakeClock();
    const budget = createRequestBudget({ clock });
    budget.onThrottled(100);
    const t = tracker(budget, clock);
    void t.start("poll", "poll");
    void t.start("logs", "logs");
    void t.start("submit", "submit");
    await clock.advance(2000); // one probe after the pause, then the cut rate
    expect(t.labels()).toEqual(["submit", "logs", "poll"]);
  });

  it("refuses a bad logs limit naming the option", () => {
    expect(() => createRequestBudget({ logsLimit: { requests: 0, windowMs: 1000 } })).toThrow(
      /budget\.logsLimit\.requests/,
    );
  });
});
