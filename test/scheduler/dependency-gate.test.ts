// The dependency gate alone on the fake clock: waiting, release, skips that name the upstream, chain priority.
import { describe, expect, it } from "vitest";
import { DependencyGate, UPSTREAM_FAILED } from "../../src/scheduler/dependency-gate.js";
import type { PlanEntry } from "../../src/scheduler/index.js";
import { buildShotGraph } from "../../src/storyboard/shot-graph.js";
import { createFakeClock, settle } from "../helpers/fake-clock.js";
import { shot, submitEntry } from "./run-harness.js";

type Edges = Record<string, string[]>;

function setup(ids: string[], edges: Edges, clock = createFakeClock()) {
  const entries = ids.map((id, i) => submitEntry(shot(id, i)));
  const graph = buildShotGraph(
    ids,
    Object.entries(edges).flatMap(([id, ons]) => ons.map((on) => ({ id, on }))),
  );
  const waiting: { id: string; on: readonly string[]; t: number }[] = [];
  const skipped: { id: string; code: string; message: string; upstream: string }[] = [];
  const gate = new DependencyGate({
    entries,
    upstream: (id) => graph.upstream(id),
    chainLength: (id) => graph.chainLength(id),
    now: () => clock.now(),
    onWaiting: (e, on, t) => waiting.push({ id: e.shot.id, on, t }),
    onSkip: (e, error, upstream) => skipped.push({ id: e.shot.id, ...error, upstream }),
  });
  return { gate, clock, waiting, skipped, graph };
}

/** Drives `gate` like the coordinator: `slots` generations at a time, each taking `ms(id)` on the fake clock. */
async function simulate(
  gate: DependencyGate,
  clock: ReturnType<typeof createFakeClock>,
  slots: number,
  ms: (id: string) => number,
  fails: ReadonlySet<string> = new Set(),
): Promise<{ starts: Map<string, number>; ends: Map<string, number>; maxBusy: number }> {
  const starts = new Map<string, number>();
  const ends = new Map<string, number>();
  let busy = 0;
  let maxBusy = 0;
  const pump = (): void => {
    while (busy < slots) {
      const entry: PlanEntry | undefined = gate.next();
      if (!entry) return;
      const id = entry.shot.id;
      busy += 1;
      maxBusy = Math.max(maxBusy, busy);
      starts.set(id, clock.now());
      void clock.sleep(ms(id)).then(() => {
        busy -= 1;
        ends.set(id, clock.now());
        gate.finished(id, fails.has(id) ? "failed" : "completed");
        pump();
      });
    }
  };
  gate.announce();
  pump();
  for (let i = 0; i < 10_000 && (busy > 0 || gate.pending()); i += 1) {
    await clock.advance(1);
    await settle();
  }
  return { starts, ends, maxBusy };
}

describe("DependencyGate", () => {
  it("holds a dependent (shot_waiting at once) until its upstream completes, then releases it", async () => {
    const { gate, clock, waiting } = setup(["dawn", "boats", "gull"], { boats: ["dawn"], gull: ["boats"] });
    const { starts, ends } = await simulate(gate, clock, 3, () => 100);
    expect(waiting).toEqual([
      { id: "boats", on: ["dawn"], t: 0 },
      { id: "gull", on: ["boats"], t: 0 },
    ]);
    expect(starts.get("dawn")).toBe(0);
    expect(starts.get("boats")).toBe(ends.get("dawn"));
    expect(starts.get("gull")).toBe(ends.get("boats"));
    expect(ends.get("gull")).toBe(300);
    expect(gate.waitedMs("boats")).toBe(100);
    expect(gate.waitedMs("gull")).toBe(200);
    expect(gate.pending()).toBe(false);
  });

  it("holds no slot while waiting: independent shots use both slots while a dependent waits", async () => {
    const { gate, clock } = setup(["a", "b", "solo1", "solo2"], { b: ["a"] });
    const { starts, maxBusy } = await simulate(gate, clock, 2, (id) => (id === "a" ? 100 : 50));
    expect(maxBusy).toBe(2);
    // a first (longest chain) beside solo1; solo2 takes solo1's slot while b still waits; b when a is done.
    expect(Object.fromEntries(starts)).toEqual({ a: 0, solo1: 0, solo2: 50, b: 100 });
  });

  it("submits the longest chain first among ready shots", () => {
    const { gate } = setup(["x", "y", "c1", "c2", "c3"], { c2: ["c1"], c3: ["c2"] });
    expect(gate.next()?.shot.id).toBe("c1");
    expect(gate.next()?.shot.id).toBe("x");
    expect(gate.next()?.shot.id).toBe("y");
    expect(gate.next()).toBeUndefined();
    expect(gate.pending()).toBe(true);
  });

  it("an upstream not in this run (up to date) releases its dependents at once", () => {
    const clock = createFakeClock();
    const entries = [submitEntry(shot("boats", 1))];
    const gate = new DependencyGate({
      entries,
      upstream: (id) => (id === "boats" ? ["dawn"] : []),
      chainLength: () => 1,
      now: () => clock.now(),
    });
    expect(gate.next()?.shot.id).toBe("boats");
  });

  it("an upstream resumed by this run (not in the queue) holds its dependents until it completes", () => {
    const clock = createFakeClock();
    const gate = new DependencyGate({
      entries: [submitEntry(shot("boats", 1))],
      upstream: (id) => (id === "boats" ? ["dawn"] : []),
      following: ["dawn"],
      chainLength: () => 1,
      now: () => clock.now(),
    });
    expect(gate.next()).toBeUndefined();
    expect(gate.pending()).toBe(true);
    gate.finished("dawn", "completed");
    expect(gate.next()?.shot.id).toBe("boats");
  });

  it("a failed upstream skips its dependents (and theirs) with E_UPSTREAM_FAILED naming it", async () => {
    const { gate, clock, skipped } = setup(["dawn", "boats", "gull", "other"], {
      boats: ["dawn"],
      gull: ["boats"],
    });
    const { starts } = await simulate(gate, clock, 2, () => 100, new Set(["dawn"]));
    expect(starts.has("boats")).toBe(false);
    expect(starts.has("gull")).toBe(false);
    expect(starts.has("other")).toBe(true);
    expect(skipped.map((s) => [s.id, s.code, s.upstream])).toEqual([
      ["boats", UPSTREAM_FAILED, "dawn"],
      ["gull", UPSTREAM_FAILED, "boats"],
    ]);
    expect(skipped[0]?.message).toContain('"dawn"');
    expect(gate.pending()).toBe(false);
  });

  it("a shot with two upstreams waits for both", async () => {
    const { gate, clock } = setup(["a", "b", "join"], { join: ["a", "b"] });
    const { starts } = await simulate(gate, clock, 2, (id) => (id === "a" ? 100 : 300));
    expect(starts.get("join")).toBe(300);
  });

  it("40 chains of 5 with 20 slots finish at the greedy ideal (chain-first priority)", async () => {
    const ids: string[] = [];
    const edges: Edges = {};
    for (let c = 0; c < 40; c += 1)
      for (let s = 0; s < 5; s += 1) {
        ids.push(`c${c}s${s}`);
        if (s > 0) edges[`c${c}s${s}`] = [`c${c}s${s - 1}`];
      }
    const { gate, clock } = setup(ids, edges);
    const { ends } = await simulate(gate, clock, 20, () => 10);
    // 200 shots × 10 ms / 20 slots = 100 ms, and the longest chain is 50 ms: 100 ms is the bound.
    expect(Math.max(...ends.values())).toBe(100);
  });
});

describe("waiting in the views", () => {
  it("the live state and view show a waiting shot until it is submitted; the plain line names its upstream", async () => {
    const { applyLiveEvent, createLiveState } = await import("../../src/views/live-state.js");
    const { liveView } = await import("../../src/views/live-view.js");
    const { eventLine } = await import("../../src/views/event-line.js");
    const state = createLiveState();
    applyLiveEvent(state, {
      type: "run_started",
      t: 0,
      at: "2026-01-01T00:00:00.000Z",
      total: 2,
      toSubmit: 2,
      toResume: 0,
      upToDate: 0,
      excluded: 0,
      concurrency: 2,
    });
    const waiting = { type: "shot_waiting", t: 0, id: "boats", index: 1, on: ["dawn"] } as const;
    applyLiveEvent(state, { ...waiting, on: [...waiting.on] });
    expect(eventLine({ ...waiting, on: ["dawn"] })).toBe("boats  waiting  for dawn (starts from its clip)");
    const view = liveView(state, { nowT: 10 });
    expect(view.summary).toContain("1 waiting");
    expect(view.summary).toContain("1 queued");
    expect(view.lines.join("\n")).toContain("boats  waiting      for dawn");
    applyLiveEvent(state, {
      type: "shot_submitted",
      t: 5,
      id: "boats",
      index: 1,
      generation_id: "g",
      resumed: false,
    });
    expect(state.waiting.size).toBe(0);
  });
});
