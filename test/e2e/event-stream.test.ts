// Every line `render --json` writes validates against schemas/events.schema.json: failures, skips, waits, warnings, reconciliation, resume, cache.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startSimulator } from "../../src/simulator/index.js";
import type { Simulator } from "../../src/simulator/index.js";
import type { RunEventType } from "../../src/scheduler/index.js";
import { compileEventsSchema } from "../helpers/events-schema.js";
import { runMainWith } from "../helpers/main-io.js";
import { makeWorkspace } from "../helpers/workspace.js";
import type { Workspace } from "../helpers/workspace.js";

const KEY = "sk-test-events-3c4d";
let sim: Simulator | undefined;
let ws: Workspace | undefined;
let cache: string | undefined;
afterEach(async () => {
  await sim?.close();
  await ws?.cleanup();
  if (cache) await rm(cache, { recursive: true, force: true });
  sim = ws = cache = undefined;
});

/** dawn → boats (dawn's last frame) → gull; solo on another model (its submission fails). */
const STORYBOARD = `version: 1
output: out
defaults:
  model: google/veo-3.1-first-last-image-to-video-fast
  duration: 4
  resolution: 720p
shots:
  - id: dawn
    prompt: "Mist lifts off the harbour."
    first_frame: frames/f0.png
    last_frame: frames/f1.png
  - id: boats
    prompt: "The fishing boats head out."
    first_frame: { shot: dawn, frame: last }
    last_frame: frames/f2.png
  - id: gull
    prompt: "A gull crosses to the lighthouse."
    first_frame: frames/f2.png
    last_frame: frames/f3.png
  - id: solo
    model: google/veo-3.0-i2v-fast
    prompt: "Elsewhere."
    first_frame: frames/f3.png
`;

type Line = Record<string, unknown> & { type: RunEventType };

async function renderJson(extra: string[]): Promise<{ code: number; events: Line[]; stderr: string }> {
  const run = await runMainWith(
    ["render", ws!.storyboard, "--base-url", sim!.url, "--poll-interval", "0.05", "--json", ...extra],
    { env: { AIML_API_KEY: KEY, STORYREEL_CACHE: cache } },
  );
  const lines = run.stdout.split("\n").filter((l) => l !== "");
  return { code: run.code, events: lines.map((l) => JSON.parse(l) as Line), stderr: run.stderr };
}

describe("the NDJSON event stream", () => {
  it("every event of a faulty run, a resumed run and a cached run validates against the schema", async () => {
    const validate = compileEventsSchema();
    ws = await makeWorkspace(STORYBOARD);
    cache = await mkdtemp(join(tmpdir(), "storyreel-events-cache-"));
    sim = await startSimulator({ latency: 400, render: "fast" });
    // solo's generation ends in error; the next submission's answer is lost (reconciled from the logs in the
    // same run); one poll answers 404 (a warning: polled again within the grace).
    sim.faults.add(
      "submit",
      { type: "job-error", message: "prompt rejected" },
      { match: { model: "google/veo-3.0-i2v-fast" } },
    );
    sim.faults.add("submit", { type: "reset-after-accept" });
    sim.faults.add("poll", { type: "forget" });

    const first = await renderJson([]);
    expect(first.code, first.stderr).toBe(1);
    // gull rendered again, its download failing (its generation is paid): the next run resumes it.
    sim.faults.add("download", { type: "status", status: 500 }, { times: "always" });
    const faultyDownloads = await renderJson(["--only", "gull", "--force", "--no-cache"]);
    sim.faults.clear();
    const resumed = await renderJson([]);
    expect(resumed.code, resumed.stderr).toBe(0);
    // A fresh folder with the same clip cache: nothing is sent.
    const cached = await renderJson(["--out", join(ws.dir, "again")]);
    expect(cached.code, cached.stderr).toBe(0);

    const runs = [first, faultyDownloads, resumed, cached];
    const all = runs.flatMap((r) => r.events);
    for (const event of all) {
      expect(validate(event), `${JSON.stringify(event)}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    for (const run of runs) {
      expect(run.events[0]?.type).toBe("run_started");
      expect(run.events[0]?.schema_version).toBe(1);
      expect(run.events.at(-1)?.type).toBe("run_finished");
    }
    const seen = new Set(all.map((e) => e.type));
    const expected: RunEventType[] = [
      "run_started",
      "shot_skipped",
      "shot_waiting",
      "shot_submitted",
      "shot_status",
      "shot_polled",
      "shot_completed",
      "shot_failed",
      "shot_reconciled",
      "warning",
      "run_finished",
    ];
    expect([...seen].sort()).toEqual([...expected].sort());
    // The cases the optional and nullable fields cover, so the test cannot pass on a narrow stream.
    const of = (type: RunEventType, run = all) => run.filter((e) => e.type === type);
    expect(of("shot_failed", first.events).some((e) => e.id === "solo")).toBe(true);
    expect(of("shot_reconciled", first.events)[0]).toMatchObject({ found: "succeeded", action: "adopted" });
    expect(of("shot_waiting", first.events).map((e) => e.id)).toContain("boats");
    expect(of("shot_skipped").some((e) => e.error === undefined)).toBe(true);
    expect(of("shot_submitted", resumed.events).some((e) => e.id === "gull" && e.resumed === true)).toBe(
      true,
    );
    expect(of("shot_completed", cached.events).some((e) => e.from_cache === true)).toBe(true);
    expect(of("run_finished", resumed.events)[0]).toMatchObject({ counts: { up_to_date: 2, in_flight: 0 } });
  }, 120_000);
});
