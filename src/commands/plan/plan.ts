// `plan`: what `render` would do, shot by shot, with seconds to generate and an estimated cost in USD and credits,
// each with its basis; submits nothing (it may read the public price catalogue, which takes no key).
import { requestRecord } from "../../storyboard/index.js";
import type { PlanAction, PlanEntry, Selection } from "../../scheduler/index.js";
import { cacheLocationFor } from "../render/render-cache.js";
import { upstreamOf } from "../render/render-chain.js";
import { prepareRun } from "../render/prepare.js";
import { DEFAULT_BASE_URL } from "../../api/index.js";
import { PriceBook } from "../shared/price-book.js";
import type { EstimateBasis, ShotEstimate } from "../shared/price-book.js";
import { loadPriceSource } from "../shared/price-source.js";
import type { PriceSource, PriceSourceOptions } from "../shared/price-source.js";

export interface PlanOptions {
  storyboard: string;
  outDir?: string;
  selection?: Selection;
  /**
   * Where prices come from: the simulator's list (`sim`) or the API's catalogue (cached in `cacheDir`).
   * Omitted: no catalogue is read; estimates come from earlier renders in the folder, else unknown.
   */
  prices?: PriceSourceOptions;
  /**
   * Where render would run ("simulator" or the API origin): shots rendered elsewhere are planned to render.
   * Default: the backend of `prices` (--sim, or its base URL); neither: not checked.
   */
  backend?: string;
  /** The clip cache to look shots up in (as render's `cache`); null or "off": none. Default: STORYREEL_CACHE, else the user's cache folder. */
  cache?: string | null;
  env?: Readonly<Record<string, string | undefined>>;
  cwd?: string;
}

/** The backend a price source speaks for: render --sim, or the API at its base URL. */
function backendOf(prices: PriceSourceOptions): string {
  return prices.sim ? "simulator" : new URL(prices.baseUrl ?? DEFAULT_BASE_URL).origin;
}

export interface PlannedShot {
  id: string;
  index: number;
  line: number;
  model: string;
  /** "cache": it would be submitted, but the clip cache holds its clip: render copies it, no request. */
  action: PlanAction | "cache";
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
  /** The shots whose new clips this one starts from: it renders after them ("render (after dawn)"). */
  after: string[];
  /** The frames it takes from other shots, by request field (empty for a shot that takes none). */
  needs: { field: string; shot: string; frame: "first" | "last" | number }[];
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
    /** Shots the clip cache serves: no request, no cost. */
    fromCache: number;
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
  const backend = options.backend ?? (options.prices ? backendOf(options.prices) : undefined);
  const {
    storyboard,
    previous,
    plan: runPlan,
    after,
  } = await prepareRun({
    ...options,
    ...(backend ? { backend } : {}),
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
    after: action === "submit" ? [...(after.get(shot.id) ?? [])] : [],
    needs: Object.entries(upstreamOf(shot)).map(([field, ref]) => ({ field, ...ref })),
  }));
  if (backend) await markCached(shots, runPlan.entries, { ...options, backend });
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
      fromCache: shots.filter((s) => s.action === "cache").length,
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

/** Shots to submit whose clip the cache holds become "cache" (looked up only: plan writes nothing). */
async function markCached(
  shots: PlannedShot[],
  entries: readonly PlanEntry[],
  options: PlanOptions & { backend: string },
): Promise<void> {
  const candidates = shots.filter((s) => s.action === "submit");
  if (candidates.length === 0) return;
  const location = cacheLocationFor(
    options.cache !== undefined ? { location: options.cache } : undefined,
    options.env ?? process.env,
    options.cwd ?? process.cwd(),
  );
  if (location === null) return;
  const { openCache, cacheKey } = await import("../../cache/index.js");
  const cache = openCache({ location, env: options.env ?? process.env, readOnly: true });
  try {
    const byId = new Map(entries.map((e) => [e.shot.id, e.shot]));
    for (const planned of candidates) {
      const shot = byId.get(planned.id)!;
      const found = await cache.lookup(cacheKey({ inputHash: shot.inputHash, backend: options.backend }));
      if (found.entry === null) continue;
      planned.action = "cache";
      planned.reason = `${planned.reason}; in the clip cache (${found.entry.created.slice(0, 10)}): copied, no request`;
    }
  } finally {
    cache.close();
  }
}
