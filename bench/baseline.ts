// The baseline scenario: the sequential loop on a small real sample, extrapolated per shot (and labelled so).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Clock } from "../src/util/clock.js";
import { runSequentialBaseline } from "./baseline-loop.js";
import { computeFigures } from "./figures.js";
import type { RunFigures } from "./figures.js";
import { greedyMakespan } from "./ideal-schedule.js";
import type { SimFactory } from "./sim-handle.js";
import { writeStoryboard } from "./storyboard-gen.js";

export interface BaselineParams {
  /** Shots actually run, one after another. */
  sampleShots: number;
  /** Shots the makespan is extrapolated to (scenario A's size). */
  extrapolateTo: number;
  /** Slots of the ideal the extrapolation is compared with (scenario A's concurrency). */
  slots: number;
  latency: { minMs: number; maxMs: number };
  pollIntervalMs: number;
  seed: number;
}

export interface BaselineResult {
  params: BaselineParams;
  /** Figures of the real sample run (ideal = one slot: the sum of its generation times). */
  sample: RunFigures;
  makespanPerShotMs: number;
  extrapolatedMakespanMs: number;
  /** The sample's generation times repeated to `extrapolateTo` shots, greedy on `slots`. */
  extrapolatedIdealMs: number;
  extrapolatedOverIdeal: number;
}

export async function runBaseline(
  params: BaselineParams,
  deps: { clock: Clock; startSim: SimFactory },
): Promise<BaselineResult> {
  const dir = await mkdtemp(join(tmpdir(), "storyreel-bench-baseline-"));
  const sim = await deps.startSim({
    latency: params.latency,
    seed: params.seed,
    rateLimit: null,
    recordRequests: true,
  });
  try {
    const storyboard = await writeStoryboard({ dir, shots: params.sampleShots, mix: "single-model" });
    const offset = await sim.clockOffset();
    const record = await runSequentialBaseline({
      storyboard: storyboard.path,
      outDir: join(dir, "out"),
      apiUrl: sim.url,
      pollIntervalMs: params.pollIntervalMs,
      clock: deps.clock,
    });
    const snapshot = await sim.snapshot();
    const sample = computeFigures({
      run: record,
      sim: snapshot,
      clockOffsetMs: offset.offsetMs,
      slots: 1,
      rateLimitPerSecond: null,
    });
    const durations = snapshot.jobs.flatMap((j) =>
      j.completesAt === null ? [] : [j.completesAt - j.submittedAt],
    );
    const repeated = Array.from({ length: params.extrapolateTo }, (_, i) => durations[i % durations.length]!);
    const makespanPerShotMs = record.elapsedMs / params.sampleShots;
    const extrapolatedMakespanMs = makespanPerShotMs * params.extrapolateTo;
    const extrapolatedIdealMs = greedyMakespan(repeated, params.slots);
    return {
      params,
      sample,
      makespanPerShotMs,
      extrapolatedMakespanMs,
      extrapolatedIdealMs,
      extrapolatedOverIdeal: extrapolatedMakespanMs / extrapolatedIdealMs,
    };
  } finally {
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  }
}
