// The seed documents' strategy, for comparison: one shot after another, poll at once, then every N seconds.
import { mkdir } from "node:fs/promises";
import { createClient, createRequestBudget } from "../src/api/index.js";
import type { Generation } from "../src/api/index.js";
import { downloadClip } from "../src/download/index.js";
import { buildRequestBody, FrameCache, loadStoryboard } from "../src/storyboard/index.js";
import type { Clock } from "../src/util/clock.js";
import type { RunRecord } from "./figures.js";

const PENDING = new Set(["queued", "generating", "waiting", "active"]);

/** Submits, polls (at once, then every `pollIntervalMs`) and downloads each shot before starting the next. */
export async function runSequentialBaseline(options: {
  storyboard: string;
  outDir: string;
  apiUrl: string;
  pollIntervalMs: number;
  clock: Clock;
}): Promise<RunRecord> {
  const { clock } = options;
  const storyboard = await loadStoryboard(options.storyboard, { outDir: options.outDir });
  await mkdir(storyboard.outputDir, { recursive: true });
  const client = createClient({
    baseUrl: options.apiUrl,
    apiKey: "storyreel-bench",
    budget: createRequestBudget({ clock }),
    clock,
  });
  const frames = new FrameCache();
  const generationIds = new Map<string, string>();
  const shots = new Map<string, { submittedMs: number; detectedMs: number | null; polls: number }>();
  const startedAt = clock.now();
  try {
    for (const shot of storyboard.shots) {
      const submitted = await client.submit(await buildRequestBody(shot, frames));
      const timing = { submittedMs: clock.now() - startedAt, detectedMs: null as number | null, polls: 0 };
      generationIds.set(shot.id, submitted.id);
      shots.set(shot.id, timing);
      let generation: Generation = submitted;
      for (;;) {
        generation = await client.poll(submitted.id);
        timing.polls += 1;
        if (!PENDING.has(generation.status)) break;
        await clock.sleep(options.pollIntervalMs);
      }
      timing.detectedMs = clock.now() - startedAt;
      if (generation.status !== "completed" || generation.videoUrl === null) {
        throw new Error(`baseline: generation ${submitted.id} ended ${generation.status}`);
      }
      await downloadClip({
        url: generation.videoUrl,
        outDir: storyboard.outputDir,
        relPath: `clips/${shot.id}.mp4`,
        api: options.apiUrl,
        clock,
      });
    }
  } finally {
    await client.close();
    frames.clear();
  }
  return {
    shotIds: storyboard.shots.map((s) => s.id),
    generationIds,
    startedAt,
    elapsedMs: clock.now() - startedAt,
    shots,
  };
}
