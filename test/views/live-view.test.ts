// The live view's model: RunEvents folded into state, rendered as a summary line and per-shot lines.
import { describe, expect, it } from "vitest";
import { applyLiveEvent, createLiveState, liveView } from "../../src/views/index.js";
import type { LiveState } from "../../src/views/index.js";
import type { RunCounts, RunEvent } from "../../src/scheduler/index.js";
import { zeroCounts } from "../../src/scheduler/index.js";

function fold(events: readonly RunEvent[]): LiveState {
  const state = createLiveState();
  for (const event of events) applyLiveEvent(state, event);
  return state;
}

function started(
  toSubmit: number,
  extra: Partial<Extract<RunEvent, { type: "run_started" }>> = {},
): RunEvent {
  return {
    type: "run_started",
    t: 0,
    at: "2026-01-01T00:00:00.000Z",
    total: toSubmit,
    toSubmit,
    toResume: 0,
    upToDate: 0,
    excluded: 0,
    concurrency: 2,
    ...extra,
  };
}

const submitted = (id: string, index: number, t: number, resumed = false): RunEvent => ({
  type: "shot_submitted",
  t,
  id,
  index,
  generation_id: `gen-${id}`,
  resumed,
});

const status = (
  id: string,
  index: number,
  t: number,
  s: string,
  polls: number,
  elapsed: number,
): RunEvent => ({
  type: "shot_status",
  t,
  id,
  index,
  status: s,
  polls,
  elapsed_ms: elapsed,
});

const completed = (id: string, index: number, t: number, credits: number | null): RunEvent => ({
  type: "shot_completed",
  t,
  id,
  index,
  generation_id: `gen-${id}`,
  clip: `clips/00${index + 1}-${id}.mp4`,
  bytes: 1000,
  polls: 3,
  credits_used: credits,
  elapsed_ms: t,
  warnings: [],
});

const failed = (id: string, index: number, t: number, code = "E_GENERATION_FAILED"): RunEvent => ({
  type: "shot_failed",
  t,
  id,
  index,
  status: "failed",
  generation_id: null,
  error: { code, message: `${id} went wrong` },
  polls: 0,
  elapsed_ms: 0,
});

const counts = (over: Partial<RunCounts>): RunCounts => ({ ...zeroCounts(), ...over });

describe("live view model", () => {
  it("says it is preparing until the run starts", () => {
    expect(liveView(createLiveState(), { nowT: 0 })).toEqual({ summary: "preparing…", lines: [] });
  });

  it("shows one line per shot in flight with status, ticking elapsed time and polls", () => {
    const state = fold([
      started(4),
      submitted("open", 0, 100),
      submitted("mona", 1, 150),
      status("open", 0, 2100, "generating", 2, 2000),
    ]);
    const view = liveView(state, { nowT: 3100 });
    expect(view.summary).toBe("0 of 4 done · 0 failed · 2 in flight · 2 queued · 3.1 s · 0 credits");
    expect(view.lines).toEqual(["open  generating    3.0 s  2 polls", "mona  submitted     3.0 s  0 polls"]);
    // time passes without events: the elapsed times keep counting
    const later = liveView(state, { nowT: 13_100 });
    expect(later.lines[0]).toContain("13 s");
    expect(later.summary).toContain("13 s");
  });

  it("counts every poll, not just the ones that changed the status", () => {
    const state = fold([
      started(1),
      submitted("open", 0, 100),
      status("open", 0, 600, "generating", 1, 500),
      { type: "shot_polled", t: 900, id: "open", index: 0, status: "generating", polls: 2, elapsed_ms: 800 },
      {
        type: "shot_polled",
        t: 1200,
        id: "open",
        index: 0,
        status: "generating",
        polls: 3,
        elapsed_ms: 1100,
      },
    ]);
    expect(liveView(state, { nowT: 1200 }).lines).toEqual(["open  generating    1.1 s  3 polls"]);
  });

  it("lists in-flight shots in storyboard order and marks resumed ones", () => {
    const state = fold([
      started(0, { total: 3, toResume: 2, upToDate: 1 }),
      submitted("zeta", 2, 1, true),
      submitted("alpha", 0, 2, true),
    ]);
    const view = liveView(state, { nowT: 10 });
    expect(view.lines.map((l) => l.split(/\s+/).slice(0, 2).join(" "))).toEqual([
      "alpha resumed",
      "zeta resumed",
    ]);
    expect(view.summary).toContain("1 up to date");
    expect(view.summary).toContain("0 of 2 done");
  });

  it("collapses completed shots into the count and adds up their credits", () => {
    const state = fold([
      started(3),
      submitted("a", 0, 1),
      submitted("b", 1, 2),
      completed("a", 0, 4000, 400),
      submitted("c", 2, 4001),
      completed("b", 1, 5000, null),
    ]);
    const view = liveView(state, { nowT: 5000 });
    expect(view.summary).toBe("2 of 3 done · 0 failed · 1 in flight · 0 queued · 5.0 s · 400 credits");
    expect(view.lines).toHaveLength(1);
    expect(view.lines[0]).toMatch(/^c\s+submitted/);
  });

  it("keeps failures visible and summarises the older ones beyond the limit", () => {
    const state = fold([
      started(6),
      failed("a", 0, 10, "E_API_BAD_REQUEST"), // failed at submit: never in flight
      submitted("b", 1, 11),
      failed("b", 1, 20),
      failed("c", 2, 30),
      failed("d", 3, 40),
    ]);
    const view = liveView(state, { nowT: 50, maxFailures: 3 });
    expect(view.summary).toBe("0 of 6 done · 4 failed · 0 in flight · 2 queued · 0.1 s · 0 credits");
    expect(view.lines).toEqual([
      "… and 2 earlier failures",
      "c  failed  E_GENERATION_FAILED: c went wrong",
      "d  failed  E_GENERATION_FAILED: d went wrong",
    ]);
  });

  it("caps the in-flight lines and says how many more there are", () => {
    const events: RunEvent[] = [started(10)];
    for (let i = 0; i < 10; i++) events.push(submitted(`s${i}`, i, i));
    const view = liveView(fold(events), { nowT: 20, maxInFlight: 4 });
    expect(view.lines).toHaveLength(4);
    expect(view.lines[3]).toBe("… and 7 more in flight");
  });

  it("shows a shot's warning on its line until its status changes, and other warnings as notes", () => {
    const state = fold([
      started(2),
      submitted("a", 0, 1),
      { type: "warning", t: 5, id: "a", message: "polling a failed (E_NETWORK); will try again" },
      { type: "warning", t: 6, id: null, message: "the API is slow" },
    ]);
    const view = liveView(state, { nowT: 10 });
    expect(view.lines[0]).toContain("(warning: polling a failed (E_NETWORK); will try again)");
    expect(view.lines).toContain("warning: the API is slow");
    applyLiveEvent(state, status("a", 0, 20, "generating", 1, 19));
    expect(liveView(state, { nowT: 20 }).lines[0]).not.toContain("warning");
  });

  it("keeps only the latest three notes", () => {
    const events: RunEvent[] = [started(1)];
    for (let i = 1; i <= 5; i++) events.push({ type: "warning", t: i, id: null, message: `note ${i}` });
    expect(liveView(fold(events), { nowT: 5 }).lines).toEqual([
      "warning: note 3",
      "warning: note 4",
      "warning: note 5",
    ]);
  });

  it("ends with the run's final line and the run's own credit total", () => {
    const state = fold([
      started(2),
      submitted("a", 0, 1),
      completed("a", 0, 3000, 100),
      failed("b", 1, 3001),
      {
        type: "run_finished",
        t: 3002,
        at: "2026-01-01T00:00:03.002Z",
        elapsed_ms: 3002,
        counts: counts({ total: 2, completed: 1, failed: 1 }),
        credits_used: 150,
        interrupted: false,
        fatal: null,
      },
    ]);
    const view = liveView(state, { nowT: 9999 });
    expect(view.summary).toBe("finished after 3.0 s: 1 completed, 1 failed; 150 credits used");
    expect(view.lines).toEqual(["b  failed  E_GENERATION_FAILED: b went wrong"]);
    expect(state.credits).toBe(150);
  });

  it("never shows a negative elapsed time when the clock lags the events", () => {
    const state = fold([started(1), submitted("a", 0, 500)]);
    const view = liveView(state, { nowT: 0 });
    expect(view.lines[0]).toContain("0.0 s");
    expect(view.summary).toContain("0.5 s");
  });
});
