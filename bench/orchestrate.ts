// Runs storyreel's own pipeline (load, plan, manifest store, client + shared budget, scheduler, downloader) on a storyboard.
import { mkdir } from "node:fs/promises";
import { createClient, createRequestBudget } from "../src/api/index.js";
import { buildRunManifest, clipPathFor } from "../src/commands/render/run-manifest.js";
import { downloadClip } from "../src/download/index.js";
import { ManifestStore } from "../src/manifest/index.js";
import type { ManifestStoreStats } from "../src/manifest/index.js";
import { planRun, runPlan } from "../src/scheduler/index.js";
import type { RunResult } from "../src/scheduler/index.js";
import { timedChainBinder } from "./chain-binder.js";
import type { BindTimes } from "./chain-binder.js";
import type { RunRecord } from "./figures.js";
import { startMemorySampler } from "./memory-sampler.js";
import { percentile, summarize } from "./stats.js";
import type { Summary } from "./stats.js";
import type { MemoryPeaks } from "./memory-sampler.js";
import { buildRequestBody, FrameCache, loadStoryboard } from "../src/storyboard/index.js";
import type { Clock } from "../src/util/clock.js";

export interface OrchestrateOptions {
  storyboard: string;
  /** Output folder for clips and the manifest (fresh: every shot is submitted). */
  outDir: string;
  apiUrl: string;
  concurrency: number;
  pollIntervalMs: number;
  clock: Clock;
  /** Ceiling of the shared request budget (requests/s); omitted = start unlimited, as `render` does. */
  budgetMaxRps?: number;
}

/** What one run of storyreel leaves for the figures (plain data, also sent over IPC by the worker). */
export interface RunOutcome {
  record: RunRecord;
  loadMs: number;
  /** Orchestrator CPU (user + system) during load, and during the run (runPlan + final manifest write). */
  loadCpuMs: number;
  runCpuMs: number;
  /** Peaks sampled every 20 ms from load to the end of the run. */
  memory: MemoryPeaks;
  /** The whole process's peak RSS (getrusage), when the process ran nothing else (the worker). */
  processMaxRssBytes: number | null;
  manifest: ManifestStoreStats;
  clientRequests: number;
  /** The shared budget's rate at the end (null = unlimited). */
  budgetRatePerSecond: number | null;
  budgetThrottled: number;
  /** Shots not completed (failed, unknown, skipped, unfinished). */
  failedShots: number;
  /** Why shots failed: error code → count, with one example message. */
  failures: Record<string, { count: number; example: string }>;
  warnings: number;
  /** The poll planner's learned generation times at the end of the run, per model (ms). */
  learned: Record<string, Summary & { q25: number }>;
  /** Chained shots' upstream frames: extraction and prepare times (null when no shot takes a frame from another). */
  chain: BindTimes | null;
}

export type Orchestrate = (options: OrchestrateOptions) => Promise<RunOutcome>;

const API_KEY = "storyreel-bench";

export async function runStoryreel(options: OrchestrateOptions): Promise<RunOutcome> {
  const { clock } = options;
  const memory = startMemorySampler();
  try {
    const loadCpu = process.cpuUsage();
    const loadStart = clock.now();
    const storyboard = await loadStoryboard(options.storyboard, { outDir: options.outDir });
    const loadMs = clock.now() - loadStart;
    const loadCpuMs = cpuMsSince(loadCpu);

    const runCpu = process.cpuUsage();
    await mkdir(storyboard.outputDir, { recursive: true });
    const plan = planRun({ shots: storyboard.shots, previous: null, clips: new Map() });
    const manifest = buildRunManifest(storyboard, plan.entries, clock.wallNow().toISOString());
    const store = await ManifestStore.open({ outDir: storyboard.outputDir, manifest });
    const budget = createRequestBudget({
      clock,
      ...(options.budgetMaxRps === undefined ? {} : { maxRequestsPerSecond: options.budgetMaxRps }),
    });
    const client = createClient({ baseUrl: options.apiUrl, apiKey: API_KEY, budget, clock });
    const frames = new FrameCache();
    // Chained shots wait in the dependency gate and get their upstream frames in `prepare`, as render wires them.
    const chained = storyboard.shots.some((s) => s.upstream !== undefined);
    const chain = chained
      ? timedChainBinder({ shots: storyboard.shots, outDir: storyboard.outputDir, store, clock })
      : null;
    const generationIds = new Map<string, string>();
    let warnings = 0;
    const failures: RunOutcome["failures"] = {};
    const total = storyboard.shots.length;
    // The scheduler's timings count from its own start, a little after this (more so on a loaded machine): every
    // event's `t` is ms since that start, so now − t bounds it from above, and the smallest bound is the closest.
    let startedAt = Infinity;
    let result: RunResult;
    try {
      result = await runPlan({
        entries: plan.entries,
        backend: "simulator",
        client,
        store,
        buildBody: chain
          ? async (shot) => buildRequestBody(await chain.bind(shot), frames)
          : (shot) => buildRequestBody(shot, frames),
        ...(chain
          ? {
              prepare: async (entry) => ({ ...entry, shot: await chain.prepare(entry.shot) }),
              dependencies: (id) => chain.dependencies(id),
            }
          : {}),
        download: async (job) => {
          const clip = await downloadClip({
            url: job.url,
            outDir: storyboard.outputDir,
            relPath: job.relPath,
            api: options.apiUrl,
            signal: job.signal,
            clock,
          });
          return { relPath: clip.relPath, bytes: clip.bytes, sha256: clip.sha256, warnings: [] };
        },
        clipPath: (shot) => clipPathFor(shot, total),
        concurrency: options.concurrency,
        pollIntervalMs: options.pollIntervalMs,
        shotTimeoutMs: 600_000,
        clock,
        onEvent: (event) => {
          startedAt = Math.min(startedAt, clock.now() - event.t);
          if (event.type === "shot_submitted") generationIds.set(event.id, event.generation_id);
          if (event.type === "warning") warnings += 1;
          if (event.type === "shot_failed") {
            const seen = failures[event.error.code];
            if (seen) seen.count += 1;
            else failures[event.error.code] = { count: 1, example: `${event.id}: ${event.error.message}` };
          }
        },
      });
    } finally {
      await client.close();
      frames.clear();
    }
    await store.close({ finished_at: clock.wallNow().toISOString() });
    const counts = result.counts;
    const rate = budget.snapshot().ratePerSecond;
    return {
      record: {
        shotIds: storyboard.shots.map((s) => s.id),
        generationIds,
        startedAt,
        elapsedMs: result.elapsedMs,
        shots: new Map(result.timings.map((t) => [t.id, t])),
      },
      loadMs,
      loadCpuMs,
      runCpuMs: cpuMsSince(runCpu),
      memory: memory.peaks(),
      processMaxRssBytes: null,
      manifest: store.stats(),
      clientRequests: client.stats().requests,
      budgetRatePerSecond: Number.isFinite(rate) ? rate : null,
      budgetThrottled: budget.snapshot().throttled,
      failedShots: counts.failed + counts.unknown + counts.skipped + counts.pending + counts.inFlight,
      failures,
      warnings,
      learned: Object.fromEntries(
        [...result.learned].map(([model, samples]) => [
          model,
          { ...summarize(samples), q25: percentile(samples, 0.25) },
        ]),
      ),
      chain: chain?.times ?? null,
    };
  } finally {
    memory.stop();
  }
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}
