// `plan`: what `render` would do, shot by shot, with seconds to generate and an estimated cost in USD and credits,
// each with its basis; submits nothing (it may read the public price catalogue, which takes no key).
import { requestRecord } from "../storyboard/index.js";
import type { PlanAction, Selection } from "../scheduler/index.js";
import { prepareRun } from "./prepare.js";
import { PriceBook } from "./price-book.js";
import type { EstimateBasis, ShotEstimate } from "./price-book.js";
import { loadPriceSource } from "./price-source.js";
import type { PriceSource, PriceSourceOptions } from "./price-source.js";

export interface PlanOptions {
  storyboard: string;
  outDir?: string;
  selection?: Selection;
  /**
   * Where prices come from: the simulator's list (`sim`) or the API's catalogue (cached in `cacheDir`).
   * Omitted: no catalogue is read; estimates come from earlier renders in the folder, else unknown.
   */
  prices?: PriceSourceOptions;
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
    /** The same in USD ($1 = 2,000,000 credits). */
    estimatedUsd: number;
    /** Submissions whose price is unknown. */
    unknownPrice: number;
    /** Submissions per basis of their estimate. */
    byBasis: Record<EstimateBasis, number>;
  };
  /** Where the prices came from this time; null when `prices` was not asked for. */
  prices: (Omit<PriceSource, "catalogue"> & { checkedAt: string | null }) | null;
}

function catalogueProblem(source: PriceSource): string | null {
  if (source.catalogue !== null) return null;
  return "no price catalogue (see prices:)";
}

export async function plan(options: PlanOptions): Promise<PlanResult> {
  const {
    storyboard,
    previous,
    plan: runPlan,
  } = await prepareRun({
    ...options,
    ...(options.prices ? { backend: planBackend(options.prices) } : {}),
  });
  const source = options.prices === undefined ? null : await loadPriceSource(options.prices);
  const prices = PriceBook.create(
    previous,
    source === null
      ? {}
      : { backend: source.backend, catalogue: source.catalogue, catalogueProblem: catalogueProblem(source) },
  );
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
  const byBasis: Record<EstimateBasis, number> = { catalogue: 0, simulator: 0, observed: 0, unknown: 0 };
  for (const s of submitted) byBasis[s.estimate.basis]++;
  const estimatedCredits = submitted.reduce((sum, s) => sum + (s.estimate.credits ?? 0), 0);
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
      estimatedCredits,
      estimatedUsd: Math.round(submitted.reduce((sum, s) => sum + (s.estimate.usd ?? 0), 0) * 1e9) / 1e9,
      unknownPrice: submitted.filter((s) => s.estimate.credits === null).length,
      byBasis,
    },
    prices:
      source === null
        ? null
        : {
            backend: source.backend,
            state: source.state,
            problem: source.problem,
            note: source.note,
            checkedAt: source.catalogue?.checkedAt ?? null,
          },
  };
}

/** The backend `plan` prices for: the simulator with --sim, else the API origin (whose results count as up to date). */
function planBackend(prices: PriceSourceOptions): string {
  if (prices.sim === true) return "simulator";
  try {
    return new URL(prices.baseUrl ?? "https://api.aimlapi.com").origin;
  } catch {
    return prices.baseUrl ?? "https://api.aimlapi.com";
  }
}
