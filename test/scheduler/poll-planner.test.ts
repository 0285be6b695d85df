// The adaptive poll planner: cold backoff, what it learns from completions, and when it polls warm shots.
import { describe, expect, it } from "vitest";
import { PollPlanner } from "../../src/scheduler/index.js";

const MODEL = "google/veo-3.1-t2v-fast";

describe("PollPlanner", () => {
  it("is cold until a shot completes; a cold shot polled on its own backs off geometrically", () => {
    const planner = new PollPlanner({ minIntervalMs: 250 });
    expect(planner.isWarm(MODEL)).toBe(false);
    expect(planner.nextPollAge(MODEL, null)).toBe(500);
    expect(planner.nextPollAge(MODEL, 500)).toBe(1000);
    expect(planner.nextPollAge(MODEL, 4000)).toBe(8000);
  });

  it("probes a cold cohort faster than the minimum interval, slower as the oldest shot ages", () => {
    const planner = new PollPlanner({ minIntervalMs: 2000, maxIntervalMs: 30_000 });
    expect(planner.probeIntervalMs(1000)).toBe(1000);
    expect(planner.probeIntervalMs(60_000)).toBe(3000);
    expect(planner.probeIntervalMs(10_000_000)).toBe(30_000);
  });

  it("learns from completions: the first poll lands near the fast quartile, then steps at the minimum interval", () => {
    const planner = new PollPlanner({ minIntervalMs: 250 });
    expect(planner.observe(MODEL, 1900, 2100)).toBe(true); // first observation: reschedule the cohort
    for (const [low, high] of [
      [2150, 2400],
      [2400, 2650],
      [2650, 2900],
      [2900, 3150],
    ]) {
      expect(planner.observe(MODEL, low!, high!)).toBe(false);
    }
    // samples 2000, 2275, 2525, 2775, 3025 → q25 = 2275
    expect(planner.nextPollAge(MODEL, null)).toBeCloseTo(2275, 6);
    expect(planner.nextPollAge(MODEL, 2275)).toBeCloseTo(2525, 6);
    // far past the slowest seen: back off by a tenth of the age
    expect(planner.nextPollAge(MODEL, 10_000)).toBe(11_000);
  });

  it("a shot found finished on its first poll is not taken for twice as fast as it was", () => {
    const planner = new PollPlanner({ minIntervalMs: 250 });
    planner.observe(MODEL, 2400, 2600); // 2500
    planner.observe(MODEL, null, 2300); // finished before its first poll at 2300: between 2300 and the fastest seen
    expect(planner.snapshot().get(MODEL)).toEqual([2500, 2300]); // oldest first
  });

  it("forgets the oldest observations, so the window follows the API's current speed", () => {
    const planner = new PollPlanner({ minIntervalMs: 100 });
    for (let i = 0; i < 64; i++) planner.observe(MODEL, 900, 1100); // 1000 ms each
    for (let i = 0; i < 64; i++) planner.observe(MODEL, 2900, 3100); // the API slowed to 3000 ms
    expect(new Set(planner.snapshot().get(MODEL))).toEqual(new Set([3000]));
    expect(planner.nextPollAge(MODEL, null)).toBe(3000);
  });

  it("starts warm from timings seen before", () => {
    const planner = new PollPlanner({ minIntervalMs: 250, seed: new Map([[MODEL, [60_000, 62_000]]]) });
    expect(planner.isWarm(MODEL)).toBe(true);
    expect(planner.nextPollAge(MODEL, null)).toBe(51_000); // 0.85 × the fastest while samples are few
  });
});
