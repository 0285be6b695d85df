// The summary and status name what a chained shot waits for, and --shard counts whole chains.
import { describe, expect, it } from "vitest";
import { newRecord } from "../../src/manifest/index.js";
import type { Manifest, ShotRecord } from "../../src/manifest/index.js";
import { shotDetail, summaryText } from "../../src/views/summary.js";
import { zeroCounts } from "../../src/scheduler/index.js";

function record(id: string, patch: Partial<ShotRecord> = {}): ShotRecord {
  const seed = { id, model: "m", inputHash: "h", line: 1, durationSeconds: 4, request: { model: "m" } };
  return { ...newRecord(seed, "simulator"), ...patch };
}

const from = (shot: string) => ({ image_url: { shot, frame: "last" as const, sha256: null } });

describe("chained shots in the summary", () => {
  it("a pending dependent says which shots it waits for", () => {
    expect(shotDetail(record("boats", { upstream: from("dawn") }))).toBe(
      "waiting for dawn (starts from its clip)",
    );
    expect(shotDetail(record("solo"))).toBe("");
  });

  it("with --shard, a chain counts on its first shot's runner only", () => {
    const manifest: Manifest = {
      version: 1,
      storyboard: { path: "s.yaml", sha256: "x" },
      started_at: "2026-12-04T00:00:00.000Z",
      finished_at: null,
      shots: [
        record("dawn", { status: "completed" }),
        record("boats", { upstream: from("dawn") }),
        record("gull", { upstream: from("boats") }),
      ],
    };
    const counts = { ...zeroCounts(3), completed: 1, pending: 2 };
    const texts = [1, 2, 3].map((index) =>
      summaryText({
        manifest,
        counts,
        removed: [],
        command: "storyreel render s.yaml",
        shard: { index, count: 3 },
      }),
    );
    // Exactly one runner lists the chain, and lists all of it.
    const listing = texts.filter((t) => t.includes("dawn"));
    expect(listing).toHaveLength(1);
    expect(listing[0]).toContain("boats");
    expect(listing[0]).toContain("gull");
  });
});
