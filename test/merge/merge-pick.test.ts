// Merge precedence as data: completed+intact > submitted (or paid, clip gone) > failed/unknown > skipped > pending.
import { describe, expect, it } from "vitest";
import { pickCandidate, progressRank } from "../../src/commands/merge/merge-pick.js";
import type { Candidate } from "../../src/commands/merge/merge-pick.js";
import type { ShotRecord } from "../../src/manifest/index.js";

function candidate(source: number, patch: Partial<ShotRecord>, clip: Candidate["clip"] = null): Candidate {
  const record: ShotRecord = {
    id: "s1",
    status: "pending",
    model: "m",
    input_hash: "0".repeat(64),
    generation_id: null,
    submitted_at: null,
    completed_at: null,
    polls: 0,
    request: {},
    video_url: null,
    clip: null,
    credits_used: null,
    error: null,
    ...patch,
  };
  return { source, record, clip };
}

const at = (minute: number): string => `2025-01-02T10:${String(minute).padStart(2, "0")}:00.000Z`;

describe("merge precedence", () => {
  it("ranks the states", () => {
    const ranks = [
      candidate(0, { status: "completed" }, "intact"),
      candidate(0, { status: "submitted" }),
      candidate(0, { status: "completed" }, "missing"),
      candidate(0, { status: "failed" }),
      candidate(0, { status: "unknown" }),
      candidate(0, { status: "skipped" }),
      candidate(0, { status: "pending" }),
    ].map(progressRank);
    expect(ranks).toEqual([5, 4, 4, 2, 2, 1, 0]);
  });

  it("takes the most advanced record whatever the folder order", () => {
    const pending = candidate(0, {});
    const failed = candidate(1, { status: "failed", submitted_at: at(9) });
    const submitted = candidate(2, { status: "submitted", submitted_at: at(1) });
    const done = candidate(3, { status: "completed", submitted_at: at(0), completed_at: at(2) }, "intact");
    expect(pickCandidate([pending, failed, submitted, done])).toBe(done);
    expect(pickCandidate([pending, failed, submitted])).toBe(submitted);
    expect(pickCandidate([failed, pending])).toBe(failed);
  });

  it("breaks ties by the latest completed_at (else submitted_at), then by folder order", () => {
    const early = candidate(0, { status: "completed", completed_at: at(1) }, "intact");
    const late = candidate(1, { status: "completed", completed_at: at(5) }, "intact");
    expect(pickCandidate([early, late])).toBe(late);
    const a = candidate(0, { status: "submitted", submitted_at: at(3) });
    const b = candidate(1, { status: "submitted", submitted_at: at(4) });
    expect(pickCandidate([a, b])).toBe(b);
    const first = candidate(0, {});
    const second = candidate(1, {});
    expect(pickCandidate([second, first])).toBe(first);
    expect(pickCandidate([])).toBeUndefined();
  });
});
