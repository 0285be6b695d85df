// `plan`: what `render` would do, shot by shot, with seconds to generate and an estimated cost; sends nothing.
import { requestRecord } from "../storyboard/index.js";
import type { PlanAction, Selection } from "../scheduler/index.js";
import { prepareRun } from "./prepare.js";
import { PriceBook } from "./price-book.js";
import type { ShotEstimate } from "./price-book.js";

export interface PlanOptions {
  storyboard: string;
  outDir?: string;
  selection?: Selection;
}

export interface PlannedShot {
  id: string;
  index: number;
  line: number;
  model: string;
  action: PlanAction;
  reason: string;
  /** The request that would be sent, each frame summarised as { source, sha256 }. */
  request: Record<string, unknown>;
  durationSeconds: number | null;
  resolution: string | null;
  aspectRatio: string | null;
  audio: boolean;
  /** Cost if submitted (null credits: unknown). Shots not submitted cost nothing now. */
  estimate: ShotEstimate;
  /** The generation a "resume" polls. */
  generationId: string | null;
}

export interface PlanResult {
  storyboard: string;
  outDir: string;
  shots: PlannedShot[];
  totals: {
    shots: number;
    toSubmit: number;
    toResume: number;
    upToDate: number;
    excluded: number;
    /** Seconds of video the submissions would generate (shots of unknown duration not counted). */
    secondsToGenerate: number;
    /** Estimated credits of the submissions whose price is known. */
    estimatedCredits: number;
    /** Submissions whose price is unknown. */
    unknownPrice: number;
  };
}

export async function plan(options: PlanOptions): Promise<PlanResult> {
  const { storyboard, previous, plan: runPlan } = await prepareRun(options);
  const prices = PriceBook.fromManifest(previous);
  const shots = runPlan.entries.map(({ shot, action, reason, previous: before }): PlannedShot => ({
    id: shot.id,
    index: shot.index,
    line: shot.line,
    model: shot.model,
    action,
    reason,
    request: requestRecord(shot),
    durationSeconds: shot.durationSeconds,
    resolution: shot.resolution,
    aspectRatio: shot.aspectRatio,
    audio: shot.audio,
    estimate: prices.estimate(shot),
    generationId: action === "resume" ? (before?.generation_id ?? null) : null,
  }));
  const submitted = shots.filter((s) => s.action === "submit");
  return {
    storyboard: storyboard.path,
    outDir: storyboard.outputDir,
    shots,
    totals: {
      shots: shots.length,
      toSubmit: submitted.length,
      toResume: shots.filter((s) => s.action === "resume").length,
      upToDate: shots.filter((s) => s.action === "skip").length,
      excluded: shots.filter((s) => s.action === "excluded").length,
      secondsToGenerate: submitted.reduce((sum, s) => sum + (s.durationSeconds ?? 0), 0),
      estimatedCredits: submitted.reduce((sum, s) => sum + (s.estimate.credits ?? 0), 0),
      unknownPrice: submitted.filter((s) => s.estimate.credits === null).length,
    },
  };
}
