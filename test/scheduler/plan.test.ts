// The rerun plan is a pure decision per shot: skip, resume (poll the paid generation), submit, or leave out.
import { describe, expect, it } from "vitest";
import { planRun, shardOf } from "../../src/scheduler/index.js";
import type { ClipState } from "../../src/scheduler/index.js";
import type { Manifest, ShotRecord, ShotStatus } from "../../src/manifest/index.js";
import type { ResolvedShot } from "../../src/storyboard/index.js";

function shot(id: string, index = 0, inputHash = `hash-${id}`): ResolvedShot {
  return {
    index,
    id,
    model: "google/veo-3.1-t2v-fast",
    line: index + 5,
    column: 5,
    fields: { model: "google/veo-3.1-t2v-fast", prompt: id },
    frames: {},
    inputHash,
    durationSeconds: 8,
    resolution: "1080p",
    aspectRatio: "16:9",
    audio: true,
    prompt: id,
  };
}

function record(id: string, status: ShotStatus, extra: Partial<ShotRecord> = {}): ShotRecord {
  return {
    id,
    status,
    model: "google/veo-3.1-t2v-fast",
    input_hash: `hash-${id}`,
    generation_id: status === "pending" ? null : `gen-${id}`,
    submitted_at: null,
    completed_at: null,
    polls: 0,
    request: {},
    video_url: null,
    clip: null,
    credits_used: null,
    error: null,
    ...extra,
  };
}

function manifest(shots: ShotRecord[]): Manifest {
  return {
    version: 1,
    storyboard: { path: "s.yaml", sha256: "0".repeat(64) },
    started_at: "",
    finished_at: null,
    shots,
  };
}

describe("planRun", () => {
  const cases: [string, ShotRecord | null, ClipState, string, RegExp][] = [
    ["a new shot", null, "missing", "submit", /new shot/],
    ["completed, clip intact", record("x", "completed"), "intact", "skip", /up to date/],
    ["completed, clip missing", record("x", "completed"), "missing", "resume", /clip missing/],
    ["completed, clip corrupt", record("x", "completed"), "corrupt", "resume", /clip corrupt/],
    ["in flight", record("x", "submitted"), "missing", "resume", /resuming generation gen-x/],
    [
      "timed out (the generation may still finish)",
      record("x", "failed", { error: { code: "E_SHOT_TIMEOUT", message: "" } }),
      "missing",
      "resume",
      /E_SHOT_TIMEOUT/,
    ],
    [
      "download failed",
      record("x", "failed", { error: { code: "E_DOWNLOAD_SHORT", message: "" } }),
      "missing",
      "resume",
      /polling generation gen-x again/,
    ],
    [
      "disk full while saving the clip (not an API failure)",
      record("x", "failed", { error: { code: "E_UNEXPECTED", message: "ENOSPC: no space left on device" } }),
      "missing",
      "resume",
      /E_UNEXPECTED last time: polling generation gen-x again/,
    ],
    [
      "the API lost a generation submitted in the run before",
      record("x", "failed", { error: { code: "E_GENERATION_LOST", message: "" } }),
      "missing",
      "resume",
      /polling generation gen-x again/,
    ],
    [
      "a failure with no error recorded",
      record("x", "failed"),
      "missing",
      "resume",
      /failed last time: polling generation gen-x again/,
    ],
    [
      "the API refused the request (400)",
      record("x", "failed", { error: { code: "E_API_BAD_REQUEST", message: "" } }),
      "missing",
      "submit",
      /failed last time/,
    ],
    [
      "the generation itself failed",
      record("x", "failed", { error: { code: "E_GENERATION_FAILED", message: "" } }),
      "missing",
      "submit",
      /failed last time/,
    ],
    [
      "unknown outcome",
      record("x", "unknown", { generation_id: null }),
      "missing",
      "submit",
      /unknown last time/,
    ],
    [
      "a run that ended with its submission on the way",
      record("x", "unknown", {
        generation_id: null,
        error: {
          code: "E_SUBMIT_INTERRUPTED",
          message: "the run ended while this submission was on its way",
        },
      }),
      "missing",
      "submit",
      /^unknown last time \(E_SUBMIT_INTERRUPTED\): it may have been created and charged; submitting it again$/,
    ],
    [
      "skipped by the cap",
      record("x", "skipped", { generation_id: null }),
      "missing",
      "submit",
      /skipped last time/,
    ],
    ["never submitted", record("x", "pending"), "missing", "submit", /not rendered yet/],
    [
      "changed",
      record("x", "completed", { input_hash: "other" }),
      "intact",
      "submit",
      /changed since the last run/,
    ],
  ];

  it.each(cases)("%s", (_name, previous, clip, action, reason) => {
    const plan = planRun({
      shots: [shot("x")],
      previous: manifest(previous ? [previous] : []),
      clips: new Map([["x", clip]]),
    });
    expect(plan.entries[0]).toMatchObject({ action, reason: expect.stringMatching(reason) });
  });

  it("--force renders even up-to-date shots; a changed in-flight shot says which generation it abandons", () => {
    const previous = manifest([record("a", "completed"), record("b", "submitted", { input_hash: "old" })]);
    const clips = new Map<string, ClipState>([["a", "intact"]]);
    const forced = planRun({ shots: [shot("a")], previous, clips, selection: { force: true } });
    expect(forced.entries[0]?.action).toBe("submit");
    const changed = planRun({ shots: [shot("a"), shot("b", 1)], previous, clips });
    expect(changed.entries[1]?.reason).toContain("abandoning generation gen-b");
  });

  it("--only, --failed and removed shots", () => {
    const previous = manifest([record("a", "failed"), record("b", "completed"), record("gone", "completed")]);
    const shots = [shot("a"), shot("b", 1), shot("c", 2)];
    const only = planRun({ shots, previous, clips: new Map(), selection: { only: ["b", "zzz"] } });
    expect(only.entries.map((e) => e.action)).toEqual(["excluded", "resume", "excluded"]);
    expect(only.unknownIds).toEqual(["zzz"]);
    expect(only.removed.map((r) => r.id)).toEqual(["gone"]);
    const failed = planRun({ shots, previous, clips: new Map(), selection: { failed: true } });
    expect(failed.entries.map((e) => e.action)).toEqual(["resume", "excluded", "excluded"]);
  });

  it("--failed renders what ended failed, unknown or skipped (--max-credits), nothing else", () => {
    const previous = manifest([
      record("f", "failed", { error: { code: "E_GENERATION_FAILED", message: "" } }),
      record("u", "unknown", { generation_id: null }),
      record("k", "skipped", { generation_id: null, error: { code: "E_MAX_CREDITS", message: "" } }),
      record("c", "completed"),
      record("s", "submitted"),
      record("p", "pending"),
    ]);
    const shots = ["f", "u", "k", "c", "s", "p", "new"].map((id, i) => shot(id, i));
    const clips = new Map<string, ClipState>([["c", "intact"]]);
    const plan = planRun({ shots, previous, clips, selection: { failed: true } });
    expect(plan.entries.map((e) => [e.shot.id, e.action])).toEqual([
      ["f", "submit"],
      ["u", "submit"],
      ["k", "submit"],
      ["c", "excluded"],
      ["s", "excluded"],
      ["p", "excluded"],
      ["new", "excluded"],
    ]);
    const why = " (--failed renders only failed, unknown and skipped shots)";
    expect(plan.entries.filter((e) => e.action === "excluded").map((e) => [e.shot.id, e.reason])).toEqual([
      ["c", `not selected: it ended completed last time${why}`],
      ["s", `not selected: it was still submitted when the last run stopped${why}`],
      ["p", `not selected: it was still pending when the last run stopped${why}`],
      ["new", `not selected: it has no record from last time${why}`],
    ]);
  });

  it("--shard splits by id alone: every shot in exactly one shard, unmoved when shots are added", () => {
    const ids = Array.from({ length: 200 }, (_, i) => `shot-${i}`);
    const owners = ids.map((id) => shardOf(id, 4));
    expect(new Set(owners)).toEqual(new Set([1, 2, 3, 4]));
    const shots = ids.map((id, i) => shot(id, i));
    const picked = [1, 2, 3, 4].map(
      (index) =>
        planRun({
          shots,
          previous: null,
          clips: new Map(),
          selection: { shard: { index, count: 4 } },
        }).entries.filter((e) => e.action === "submit").length,
    );
    expect(picked.reduce((a, b) => a + b, 0)).toBe(200);
    const more = [...shots, shot("new-1", 200), shot("new-2", 201)];
    const again = planRun({
      shots: more,
      previous: null,
      clips: new Map(),
      selection: { shard: { index: 2, count: 4 } },
    });
    for (const [i, id] of ids.entries()) {
      expect(again.entries[i]?.action === "submit").toBe(shardOf(id, 4) === 2);
    }
  });
});

describe("planRun on another backend", () => {
  const plan = (previous: ShotRecord, backend: string) =>
    planRun({
      shots: [shot("x")],
      previous: manifest([previous]),
      clips: new Map([["x", "intact"]]),
      backend,
    }).entries[0]!;

  it("renders again a shot completed on the simulator, for a run on the API (never up to date, never resumed)", () => {
    const entry = plan(record("x", "completed", { backend: "simulator" }), "https://api.aimlapi.com");
    expect(entry.action).toBe("submit");
    expect(entry.reason).toMatch(/^rendered on the simulator\b/);
  });

  it("never polls another server's in-flight id, and says an unknown one may have been charged there", () => {
    const inFlight = plan(
      record("x", "submitted", { backend: "http://127.0.0.1:4001" }),
      "http://127.0.0.1:4002",
    );
    expect(inFlight.action).toBe("submit");
    expect(inFlight.reason).toMatch(/rendered on http:\/\/127\.0\.0\.1:4001.*gen-x is not polled here/);
    const unknown = plan(
      record("x", "unknown", {
        generation_id: null,
        backend: "simulator",
        error: { code: "E_SUBMIT_INTERRUPTED", message: "" },
      }),
      "https://api.aimlapi.com",
    );
    expect(unknown.reason).toMatch(
      /E_SUBMIT_INTERRUPTED.*may have been created and charged on the simulator/,
    );
  });

  it("the same backend, and records without one, plan as before", () => {
    expect(plan(record("x", "completed", { backend: "simulator" }), "simulator")).toMatchObject({
      action: "skip",
      reason: "up to date",
    });
    expect(plan(record("x", "completed"), "simulator")).toMatchObject({ action: "skip" });
    expect(plan(record("x", "completed", { backend: null }), "simulator")).toMatchObject({ action: "skip" });
  });
});
