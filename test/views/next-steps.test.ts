// The command to run after a run: exactly what is left (--failed, or a plain rerun when unfinished shots remain),
// unknown shots reconciled through the request logs before they are paid again, the run's --only and --shard kept.
import { describe, expect, it } from "vitest";
import { nextSteps, quietSummaryText, summaryText } from "../../src/views/index.js";
import type { SummaryInput } from "../../src/views/index.js";
import type { Manifest, ShotRecord, ShotStatus } from "../../src/manifest/index.js";
import { inShard } from "../../src/scheduler/index.js";
import type { RunCounts } from "../../src/scheduler/index.js";
import { zeroCounts } from "../../src/scheduler/index.js";

const ERRORS: Partial<Record<ShotStatus, { code: string; message: string }>> = {
  failed: { code: "E_GENERATION_FAILED", message: "content policy" },
  unknown: { code: "E_SUBMIT_UNKNOWN", message: "no answer within 30 s" },
  skipped: { code: "E_MAX_CREDITS", message: "not submitted: past --max-credits 10" },
};

function shot(id: string, status: ShotStatus): ShotRecord {
  return {
    id,
    status,
    model: "google/veo-3.1-i2v-fast",
    input_hash: "h",
    generation_id: status === "submitted" || status === "completed" ? `gen-${id}` : null,
    submitted_at: null,
    completed_at: null,
    polls: 0,
    request: {},
    video_url: null,
    clip: status === "completed" ? { path: `clips/${id}.mp4`, bytes: 10, sha256: "x" } : null,
    credits_used: null,
    duration_seconds: 4,
    error: ERRORS[status] ?? null,
    warnings: [],
  };
}

function manifestOf(shots: Record<string, ShotStatus>): Manifest {
  return {
    version: 1,
    storyboard: { path: "story.yaml", sha256: "s" },
    started_at: "2026-01-01T00:00:00.000Z",
    finished_at: null,
    shots: Object.entries(shots).map(([id, status]) => shot(id, status)),
  };
}

const COUNTS: RunCounts = zeroCounts();

const CMD = "storyreel render story.yaml --out renders/x --sim --max-credits 10";

function steps(shots: Record<string, ShotStatus>, extra: Partial<SummaryInput> = {}): string[] {
  return nextSteps({ manifest: manifestOf(shots), command: CMD, ...extra });
}

const RESUME = "resume and render what is left (in-flight generations are polled, not paid again): ";

describe("nextSteps", () => {
  it("says nothing when every shot is completed", () => {
    expect(steps({ a: "completed", b: "completed" })).toEqual([]);
  });

  it("failed only: --failed", () => {
    expect(steps({ a: "completed", b: "failed" })).toEqual([`render what failed again: ${CMD} --failed`]);
  });

  it("skipped only: --failed (which selects skipped shots too), never a plain rerun", () => {
    expect(steps({ a: "skipped", b: "completed" })).toEqual([`render what failed again: ${CMD} --failed`]);
  });

  it("unknown only: reconciled first, then --only <ids>, and no second command", () => {
    const out = steps({ a: "completed", b: "unknown", c: "unknown" });
    expect(out).toEqual([
      `2 submissions had an unknown outcome and may have been charged (b, c): the next render looks them up in the API's request logs first and pays again only for what made no generation; to render only them: ${CMD} --only b,c`,
    ]);
  });

  it("pending or in flight: a plain rerun (it resumes, and --failed would leave them behind)", () => {
    expect(steps({ a: "submitted", b: "completed" })).toEqual([`${RESUME}${CMD}`]);
    expect(steps({ a: "pending" })).toEqual([`${RESUME}${CMD}`]);
  });

  it("failed and pending: one plain rerun renders both", () => {
    expect(steps({ a: "failed", b: "pending", c: "skipped" })).toEqual([`${RESUME}${CMD}`]);
  });

  it("unknown and failed: the unknown line warns that the --failed command submits them again too", () => {
    const out = steps({ a: "unknown", b: "failed" });
    expect(out).toHaveLength(2);
    expect(out[0]).toBe(
      `1 submission had an unknown outcome and may have been charged (a): the next render looks it up in the API's request logs first and pays again only for what made no generation (the command below handles it too); to render only it: ${CMD} --only a`,
    );
    expect(out[1]).toBe(`render what failed again: ${CMD} --failed`);
  });

  it("unknown, failed and in flight: reconciled first, then one plain rerun", () => {
    const out = steps({ a: "unknown", b: "failed", c: "submitted" });
    expect(out[0]).toMatch(/^1 submission had an unknown outcome .*\(the command below handles it too\)/);
    expect(out[1]).toBe(`${RESUME}${CMD}`);
  });

  it("keeps the run's --only: only what is left of those shots", () => {
    const shots: Record<string, ShotStatus> = { a: "failed", b: "pending", c: "completed" };
    expect(steps(shots, { only: ["a", "c"] })).toEqual([
      `render what failed again: ${CMD} --failed --only a,c`,
    ]);
    expect(steps(shots, { only: ["b"] })).toEqual([`${RESUME}${CMD} --only b`]);
    expect(steps(shots, { only: ["c"] })).toEqual([]);
  });

  it("with --shard, looks only at this shard's shots (the command carries --shard)", () => {
    const shard = { index: 1, count: 2 };
    const ids = Array.from({ length: 12 }, (_, i) => `s${i}`);
    const mine = ids.filter((id) => inShard(id, shard));
    const theirs = ids.filter((id) => !inShard(id, shard));
    expect(mine.length).toBeGreaterThan(0);
    expect(theirs.length).toBeGreaterThan(0);
    // this shard is done except a failure; the other shard's shots are pending in this folder
    const shots = Object.fromEntries([
      ...mine.map((id, i): [string, ShotStatus] => [id, i === 0 ? "failed" : "completed"]),
      ...theirs.map((id): [string, ShotStatus] => [id, "pending"]),
    ]);
    expect(steps(shots, { shard })).toEqual([`render what failed again: ${CMD} --failed`]);
  });

  it("a completed shot whose clip is missing or corrupt is left too: a plain rerun fetches it again", () => {
    const clipProblems = new Map([["a", "corrupt" as const]]);
    expect(steps({ a: "completed", b: "failed" }, { clipProblems })).toEqual([`${RESUME}${CMD}`]);
  });
});

describe("summaryText", () => {
  const input = (shots: Record<string, ShotStatus>, extra: Partial<SummaryInput> = {}): SummaryInput => ({
    manifest: manifestOf(shots),
    counts: COUNTS,
    removed: [],
    command: CMD,
    ...extra,
  });

  it("a table of every shot, then the commands", () => {
    const text = summaryText(input({ a: "completed", b: "skipped", c: "unknown" }));
    const lines = text.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^shot\s+status\s+duration\s+polls\s+credits\s+clip or error$/);
    expect(lines[1]).toMatch(/^a\s+completed\s+4 s\s+0\s+-\s+clips\/a\.mp4$/);
    expect(lines[2]).toMatch(/^b\s+skipped\s+.*E_MAX_CREDITS: not submitted: past --max-credits 10$/);
    expect(lines[3]).toMatch(/^c\s+unknown\s+.*E_SUBMIT_UNKNOWN: no answer within 30 s$/);
    expect(lines[4]).toMatch(/^1 submission had an unknown outcome .* --only c$/);
    expect(lines[5]).toBe(`render what failed again: ${CMD} --failed`);
  });

  it("a shard run's table leaves out the other shards' shots and says how many", () => {
    const shard = { index: 2, count: 2 };
    const ids = Array.from({ length: 8 }, (_, i) => `s${i}`);
    const text = summaryText(input(Object.fromEntries(ids.map((id) => [id, "completed"])), { shard }));
    const others = ids.filter((id) => !inShard(id, shard));
    for (const id of ids) {
      const row = new RegExp(`^${id}\\s`, "m");
      if (others.includes(id)) expect(text).not.toMatch(row);
      else expect(text).toMatch(row);
    }
    expect(text).toContain(
      `(${others.length} shot${others.length === 1 ? "" : "s"} of other shards not shown)`,
    );
  });

  it("shows a clip problem in the status column", () => {
    const text = summaryText(
      input({ a: "completed" }, { clipProblems: new Map([["a", "missing" as const]]) }),
    );
    expect(text).toMatch(/^a\s+clip missing\s/m);
  });
});

describe("quietSummaryText", () => {
  it("one line per failed, unknown or skipped shot (id, status, code, message), then the commands", () => {
    const text = quietSummaryText({
      manifest: manifestOf({ a: "completed", b: "failed", c: "skipped", d: "unknown", e: "pending" }),
      command: CMD,
    });
    expect(text.trimEnd().split("\n")).toEqual([
      "b  failed  E_GENERATION_FAILED: content policy",
      "c  skipped  E_MAX_CREDITS: not submitted: past --max-credits 10",
      "d  unknown  E_SUBMIT_UNKNOWN: no answer within 30 s",
      expect.stringMatching(/^1 submission had an unknown outcome .* --only d$/),
      `${RESUME}${CMD}`,
    ]);
  });

  it("is empty when nothing went wrong", () => {
    expect(quietSummaryText({ manifest: manifestOf({ a: "completed" }), command: CMD })).toBe("");
  });
});
