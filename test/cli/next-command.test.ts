// The one builder of suggested render commands: backend, folder, tuning, budget, shard from the manifest's `run`.
import { describe, expect, it } from "vitest";
import { nextRenderCommand } from "../../src/cli/next-command.js";
import type { Manifest, RunRecord, ShotRecord } from "../../src/manifest/index.js";

function manifest(
  run: RunRecord | null,
  shots: Partial<ShotRecord>[] = [],
  shard: string | null = null,
): Manifest {
  return {
    version: 1,
    storyboard: { path: "../story.yaml", sha256: "0".repeat(64) },
    started_at: "2026-12-04T00:00:00.000Z",
    finished_at: null,
    ...(shard ? { shard } : {}),
    ...(run ? { run } : {}),
    shots: shots.map((s, i) => ({
      id: `s${i + 1}`,
      status: "completed",
      model: "m",
      input_hash: "h",
      generation_id: null,
      submitted_at: null,
      completed_at: null,
      polls: 0,
      request: {},
      video_url: null,
      clip: null,
      credits_used: null,
      error: null,
      ...s,
    })),
  };
}

describe("nextRenderCommand", () => {
  it("keeps --sim and --sim-latency, --out, tuning that differs from the defaults, --max-credits and --shard", () => {
    const run: RunRecord = {
      backend: "simulator",
      base_url: null,
      sim_latency: "2-4",
      concurrency: 8,
      poll_interval: 2,
      shot_timeout: 600,
      max_credits: 5000,
    };
    expect(
      nextRenderCommand({ storyboard: "story.yaml", out: "renders/x y", manifest: manifest(run, [], "2/4") }),
    ).toBe(
      "storyreel render story.yaml --out 'renders/x y' --sim --sim-latency 2-4 --concurrency 8 --shot-timeout 600 --max-credits 5000 --shard 2/4",
    );
  });

  it("keeps --base-url for any API but the default one", () => {
    const local = manifest({ backend: "http://127.0.0.1:4123", base_url: "http://127.0.0.1:4123" });
    expect(nextRenderCommand({ storyboard: "s.yaml", out: null, manifest: local })).toBe(
      "storyreel render s.yaml --base-url http://127.0.0.1:4123",
    );
    const real = manifest({ backend: "https://api.aimlapi.com", base_url: "https://api.aimlapi.com" });
    expect(nextRenderCommand({ storyboard: "s.yaml", out: null, manifest: real })).toBe(
      "storyreel render s.yaml",
    );
  });

  it("after a shot timed out, suggests twice the --shot-timeout instead of the one that failed it", () => {
    const timedOut = { status: "failed" as const, error: { code: "E_SHOT_TIMEOUT", message: "x" } };
    const run = { backend: "simulator", shot_timeout: 30 };
    expect(nextRenderCommand({ storyboard: "s.yaml", out: null, manifest: manifest(run, [timedOut]) })).toBe(
      "storyreel render s.yaml --sim --shot-timeout 60",
    );
    const defaults = manifest({ backend: "simulator" }, [timedOut]);
    expect(nextRenderCommand({ storyboard: "s.yaml", out: null, manifest: defaults })).toBe(
      "storyreel render s.yaml --sim --shot-timeout 2400",
    );
  });

  it("a folder from before runs were recorded: --sim only when its clips tell", () => {
    expect(
      nextRenderCommand({ storyboard: "s.yaml", out: "o", manifest: manifest(null), legacySimulator: true }),
    ).toBe("storyreel render s.yaml --out o --sim");
    expect(nextRenderCommand({ storyboard: "s.yaml", out: "o", manifest: manifest(null) })).toBe(
      "storyreel render s.yaml --out o",
    );
  });

  it("repeats --max-usd as written (not its credits), --reconcile-grace unless the default, and the cache flags", () => {
    const run: RunRecord = {
      backend: "https://api.aimlapi.com",
      base_url: "https://api.aimlapi.com",
      max_credits: 10_000_000,
      max_usd: 5,
      reconcile_grace: 600,
      cache: false,
    };
    expect(nextRenderCommand({ storyboard: "s.yaml", out: null, manifest: manifest(run) })).toBe(
      "storyreel render s.yaml --max-usd 5 --reconcile-grace 600 --no-cache",
    );
    const defaults = manifest({
      backend: "simulator",
      reconcile_grace: 300,
      cache: "s3://b/p",
      cache_read_only: true,
    });
    expect(nextRenderCommand({ storyboard: "s.yaml", out: null, manifest: defaults })).toBe(
      "storyreel render s.yaml --sim --cache s3://b/p --cache-read-only",
    );
  });
});
