// The poll queue on simulated time: cold cohorts probed one shot at a time, no starving, warm shots on the planner's times.
import { describe, expect, it } from "vitest";
import { PollPlanner } from "../../src/scheduler/index.js";
import { PollQueue } from "../../src/scheduler/poll-queue.js";
import { createFakeClock } from "../helpers/fake-clock.js";

const MODEL = "google/veo-3.1-t2v-fast";

interface SimShot {
  id: string;
  submittedAt: number;
  /** Clock time the generation is finished (Infinity: never). */
  doneAt: number;
  deadline?: number;
}

interface Simulation {
  polls: { id: string; at: number }[];
  completed: Map<string, number>;
  queue: PollQueue;
}

/**
 * Drives a PollQueue as the coordinator does, on a fake clock, with polls answered at once: a shot found
 * finished is untracked (its model warms), one still pending is rescheduled.
 */
async function simulate(
  shots: readonly SimShot[],
  options: {
    minIntervalMs: number;
    maxIntervalMs?: number;
    untilMs: number;
    stopWhen?: (s: Simulation) => boolean;
  },
): Promise<Simulation> {
  const clock = createFakeClock();
  const planner = new PollPlanner({
    minIntervalMs: options.minIntervalMs,
    ...(options.maxIntervalMs ? { maxIntervalMs: options.maxIntervalMs } : {}),
  });
  const queue = new PollQueue({ planner, minIntervalMs: options.minIntervalMs });
  const sim: Simulation = { polls: [], completed: new Map(), queue };
  const byId = new Map(shots.map((s) => [s.id, s]));
  const lastPending = new Map<string, number>();
  const pending = [...shots].sort((a, b) => a.submittedAt - b.submittedAt);
  for (;;) {
    const nextSubmit = pending[0]?.submittedAt ?? Infinity;
    const nextPoll = queue.nextDue() ?? Infinity;
    const next = Math.min(nextSubmit, nextPoll);
    if (next > options.untilMs || (options.stopWhen?.(sim) ?? false)) break;
    await clock.advance(Math.max(0, next - clock.now()));
    const now = clock.now();
    while (pending[0] && pending[0].submittedAt <= now) {
      const shot = pending.shift()!;
      queue.track({
        id: shot.id,
        model: MODEL,
        submittedAt: shot.submittedAt,
        deadline: shot.deadline ?? Infinity,
      });
      queue.schedule(shot.id, now);
    }
    for (const id of queue.due(now)) {
      const shot = byId.get(id)!;
      sim.polls.push({ id, at: now });
      const age = now - shot.submittedAt;
      if (now >= shot.doneAt) {
        queue.untrack(id);
        sim.completed.set(id, now);
        if (planner.observe(MODEL, lastPending.get(id) ?? null, age)) queue.warmed(MODEL, now);
      } else {
        queue.answered(id, age);
        lastPending.set(id, age);
        queue.schedule(id, now);
      }
    }
  }
  return sim;
}

describe("a cold model's cohort", () => {
  it("is probed one shot at a time: one poll per half interval at first, never every shot at once", async () => {
    const shots = Array.from({ length: 10 }, (_, i) => ({ id: `c${i}`, submittedAt: 0, doneAt: 600 }));
    const sim = await simulate(shots, { minIntervalMs: 100, untilMs: 5_000 });
    const early = sim.polls.filter((p) => p.at < 300);
    expect(early.map((p) => p.at)).toEqual([50, 100, 150, 200, 250]);
    expect(sim.completed.size).toBe(10);
    // the first completion is seen within one probe interval of 600 ms; then the rest follow at once
    expect(Math.min(...sim.completed.values())).toBeLessThanOrEqual(650);
    expect(Math.max(...sim.completed.values())).toBeLessThanOrEqual(700);
    // far fewer polls than 10 shots polled on every interval
    expect(sim.polls.length).toBeLessThan(30);
  });

  it("alternates between the oldest member and the one polled longest ago: a stuck oldest shot never starves the rest", async () => {
    // s0 and s1 (the oldest) never finish; the others finish 300 ms after their submission
    const shots = [0, 1, 2, 3, 4, 5].map((i) => ({
      id: `s${i}`,
      submittedAt: i * 5,
      doneAt: i < 2 ? Infinity : i * 5 + 300,
    }));
    const sim = await simulate(shots, {
      minIntervalMs: 100,
      untilMs: 20_000,
      stopWhen: (s) => s.completed.size === 4,
    });
    expect([...sim.completed.keys()].sort()).toEqual(["s2", "s3", "s4", "s5"]);
    // without the alternation only s0 and s1 were probed until a shot timeout: here all four are seen within 1 s
    expect(Math.max(...sim.completed.values())).toBeLessThan(1_000);
    expect(new Set(sim.polls.map((p) => p.id))).toEqual(new Set(shots.map((s) => s.id)));
  });

  it("polls every member at least once per longest interval, however long they all take", async () => {
    const shots = Array.from({ length: 8 }, (_, i) => ({ id: `x${i}`, submittedAt: i, doneAt: Infinity }));
    const sim = await simulate(shots, { minIntervalMs: 100, maxIntervalMs: 2_000, untilMs: 60_000 });
    for (const shot of shots) {
      const times = [shot.submittedAt, ...sim.polls.filter((p) => p.id === shot.id).map((p) => p.at)];
      const gaps = times.slice(1).map((t, i) => t - times[i]!);
      // the longest interval, plus at most one probe interval (the probe that notices it)
      expect(Math.max(...gaps)).toBeLessThanOrEqual(2_000 + 2_000);
    }
    // and the cost grows with time, not with the number of shots × time
    expect(sim.polls.length).toBeLessThan(8 * (60_000 / 2_000) + 60);
  });

  it("gives a member past its deadline its last poll at once, besides the probe's pick", async () => {
    const shots = [
      { id: "old", submittedAt: 0, doneAt: Infinity },
      { id: "due", submittedAt: 10, doneAt: Infinity, deadline: 400 },
    ];
    const sim = await simulate(shots, { minIntervalMs: 100, untilMs: 450 });
    const atDeadline = sim.polls.filter((p) => p.at >= 400).map((p) => p.id);
    expect(atDeadline).toContain("due");
  });
});

describe("a warm model", () => {
  it("polls each shot at the planner's time, and the first completion reschedules the others", async () => {
    const clock = createFakeClock();
    const planner = new PollPlanner({ minIntervalMs: 250 });
    const queue = new PollQueue({ planner, minIntervalMs: 250 });
    queue.track({ id: "a", model: MODEL, submittedAt: 0, deadline: 60_000 });
    queue.track({ id: "b", model: MODEL, submittedAt: 0, deadline: 60_000 });
    queue.schedule("a", clock.now());
    queue.schedule("b", clock.now());
    expect(queue.nextDue()).toBe(125); // cold: the cohort's first probe, half an interval on
    await clock.advance(125);
    expect(queue.due(clock.now())).toEqual(["a"]);
    // "a" is found finished at 2 s: the model warms, "b" is polled from the planner's estimate on
    await clock.advance(2_000 - 125);
    queue.untrack("a");
    expect(planner.observe(MODEL, 125, clock.now())).toBe(true);
    queue.warmed(MODEL, clock.now());
    // b's first poll is planned at the fast end of what was seen (903 ms), long past: it is polled now
    expect(planner.nextPollAge(MODEL, null)).toBeLessThan(clock.now());
    expect(queue.due(clock.now())).toEqual(["b"]);
    queue.answered("b", clock.now());
    queue.schedule("b", clock.now());
    // then a step past its last poll, no longer the cohort's probes
    expect(queue.due(clock.now() + 249)).toEqual([]);
    expect(queue.due(clock.now() + 250)).toEqual(["b"]);
  });

  it("a fixed time is kept, but never later than the shot's deadline (or now, once that has passed)", () => {
    const planner = new PollPlanner({ minIntervalMs: 100, seed: new Map([[MODEL, [1_000]]]) });
    const queue = new PollQueue({ planner, minIntervalMs: 100 });
    queue.track({ id: "a", model: MODEL, submittedAt: 0, deadline: 500 });
    queue.schedule("a", 0, 5_000);
    expect(queue.nextDue()).toBe(500);
    queue.track({ id: "b", model: MODEL, submittedAt: 0, deadline: 500 });
    queue.schedule("b", 800);
    expect(queue.due(800)).toEqual(["a", "b"]);
  });
});

describe("the queue's bookkeeping", () => {
  it("drops what was scheduled for an untracked shot, and for a shot scheduled again", () => {
    const planner = new PollPlanner({ minIntervalMs: 100, seed: new Map([[MODEL, [1_000]]]) });
    const queue = new PollQueue({ planner, minIntervalMs: 100 });
    queue.track({ id: "a", model: MODEL, submittedAt: 0, deadline: 10_000 });
    queue.schedule("a", 0, 100);
    queue.schedule("a", 0, 300); // replaces the poll at 100
    expect(queue.due(200)).toEqual([]);
    expect(queue.due(300)).toEqual(["a"]);
    queue.answered("a", 300);
    queue.schedule("a", 300, 400);
    queue.untrack("a");
    expect(queue.due(1_000)).toEqual([]);
    expect(queue.size).toBe(0);
    // the same shot tracked again (submitted once more) starts afresh
    queue.track({ id: "a", model: MODEL, submittedAt: 2_000, deadline: 10_000 });
    queue.schedule("a", 2_000, 2_100);
    expect(queue.due(2_100)).toEqual(["a"]);
  });

  it("never hands out a shot whose poll is still under way", () => {
    const planner = new PollPlanner({ minIntervalMs: 100, seed: new Map([[MODEL, [1_000]]]) });
    const queue = new PollQueue({ planner, minIntervalMs: 100 });
    queue.track({ id: "a", model: MODEL, submittedAt: 0, deadline: 10_000 });
    queue.schedule("a", 0, 100);
    expect(queue.due(100)).toEqual(["a"]);
    expect(queue.isPolling("a")).toBe(true);
    queue.schedule("a", 100, 150); // e.g. a warm-up reschedule while its poll is out
    expect(queue.due(200)).toEqual([]);
    queue.answered("a", 100);
    expect(queue.isPolling("a")).toBe(false);
  });
});
