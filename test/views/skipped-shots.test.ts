// Shots skipped by --max-credits (a shot_skipped with its error) count as skipped in every renderer, never as failed.
import { describe, expect, it } from "vitest";
import {
  applyLiveEvent,
  createJsonReporter,
  createLiveState,
  createPlainReporter,
  liveView,
} from "../../src/views/index.js";
import type { RunEvent } from "../../src/scheduler/index.js";

const started = (over: Partial<Extract<RunEvent, { type: "run_started" }>> = {}): RunEvent => ({
  type: "run_started",
  t: 0,
  at: "2026-01-01T00:00:00.000Z",
  total: 5,
  toSubmit: 3,
  toResume: 0,
  upToDate: 1,
  excluded: 1,
  concurrency: 2,
  ...over,
});

/** Announcements: "done" up to date, "other" not selected — and its earlier status was skipped. */
const announcements: RunEvent[] = [
  { type: "shot_skipped", t: 0, id: "done", index: 0, reason: "up to date", status: "completed" },
  { type: "shot_skipped", t: 0, id: "other", index: 1, reason: "not selected (--only)", status: "skipped" },
];

const runSkip: RunEvent = {
  type: "shot_skipped",
  t: 5,
  id: "gulls",
  index: 2,
  reason: "not submitted: past the cap",
  status: "skipped",
  error: { code: "E_MAX_CREDITS", message: "not submitted: past the cap" },
};

const failed: RunEvent = {
  type: "shot_failed",
  t: 6,
  id: "mona",
  index: 3,
  status: "failed",
  generation_id: "g",
  error: { code: "E_GENERATION_FAILED", message: "policy" },
  polls: 2,
  elapsed_ms: 10,
};

const submitted: RunEvent = {
  type: "shot_submitted",
  t: 1,
  id: "pier",
  index: 4,
  generation_id: "gen-pier",
  resumed: false,
};

function live(events: readonly RunEvent[]) {
  const state = createLiveState();
  for (const e of events) applyLiveEvent(state, e);
  return state;
}

function plain(events: readonly RunEvent[]): string[] {
  const lines: string[] = [];
  const reporter = createPlainReporter({
    out: { write: (t: string) => lines.push(t.trimEnd()) },
    now: () => new Date("2026-01-01T00:00:00.000Z"),
  });
  for (const e of events) reporter.onEvent(e);
  return lines.map((l) => l.replace(/^\S+ {2}/, ""));
}

describe("a --max-credits skip", () => {
  const events = [started(), ...announcements, submitted, runSkip, failed];

  it("is counted as skipped in the live view, not as failed, and shown apart", () => {
    const state = live(events);
    expect(state.failures.map((f) => f.id)).toEqual(["mona"]);
    expect(state.skipped.map((f) => f.id)).toEqual(["gulls"]);
    const view = liveView(state, { nowT: 10 });
    expect(view.summary).toBe(
      "0 of 3 done · 1 failed · 1 skipped · 1 in flight · 0 queued · 1 up to date · 0.0 s · 0 credits",
    );
    expect(view.lines.at(-2)).toBe("mona  failed  E_GENERATION_FAILED: policy");
    expect(view.lines.at(-1)).toMatch(/^gulls {2}skipped {2}E_MAX_CREDITS: not submitted: past the cap$/);
  });

  it("prints as a skipped line in plain output", () => {
    const lines = plain(events);
    expect(lines).toContain("done  kept: up to date");
    expect(lines.filter((l) => l.startsWith("other"))).toEqual([]); // not selected: hidden
    expect(lines.find((l) => l.startsWith("gulls"))).toMatch(
      /^gulls {2}skipped {2}E_MAX_CREDITS: not submitted: past the cap$/,
    );
  });

  it("is one shot_skipped NDJSON line with status skipped", () => {
    const out: string[] = [];
    const reporter = createJsonReporter({ out: { write: (t: string) => out.push(t) } });
    for (const e of events) reporter.onEvent(e);
    const parsed = out.map((l) => JSON.parse(l) as { type: string; id?: string; status?: string });
    const gulls = parsed.filter((e) => e.id === "gulls");
    expect(gulls).toHaveLength(1);
    expect(gulls[0]).toMatchObject({
      type: "shot_skipped",
      status: "skipped",
      reason: "not submitted: past the cap",
    });
    expect(parsed.filter((e) => e.type === "shot_failed").map((e) => e.id)).toEqual(["mona"]);
  });
});

describe("announcements", () => {
  it("still count right when a skip with its error comes among them", () => {
    const state = live([started(), announcements[0]!, runSkip, announcements[1]!]);
    expect(state.skipped.map((s) => s.id)).toEqual(["gulls"]);
    expect(liveView(state, { nowT: 0 }).lines).toEqual([
      "gulls  skipped  E_MAX_CREDITS: not submitted: past the cap",
    ]);
  });

  it("are never counted as skipped, whatever status the shot had before", () => {
    const state = live([started({ upToDate: 0, excluded: 2 }), ...announcements]);
    expect(state.skipped).toEqual([]);
    expect(liveView(state, { nowT: 0 }).summary).not.toContain("skipped");
  });

  it("read without repeating themselves in plain output", () => {
    expect(plain([started(), ...announcements])).not.toContain("done  up to date: up to date");
    const withExcluded: string[] = [];
    const reporter = createPlainReporter({
      out: { write: (t: string) => withExcluded.push(t.trimEnd()) },
      showExcluded: true,
    });
    for (const e of [started(), ...announcements]) reporter.onEvent(e);
    expect(withExcluded.at(-1)).toMatch(/other {2}not rendered: not selected \(--only\)$/);
  });
});
