// `render`: storyboard → plan → scheduler → clips + manifest + concat.txt; returns data, never exits.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Dispatcher } from "undici";
import { bindUpstreamFrames, buildRequestBody, FrameCache } from "../../storyboard/index.js";
import type { Storyboard } from "../../storyboard/index.js";
import { acquireOutputLock, ManifestStore, MANIFEST_FILE } from "../../manifest/index.js";
import type { Manifest, ShotRecord } from "../../manifest/index.js";
import { outcomeExitCode, runPlan } from "../../scheduler/index.js";
import type { RunCounts, RunEvent, Selection } from "../../scheduler/index.js";
import { createClient, createRequestBudget } from "../../api/index.js";
import type { RetryPolicy } from "../../api/index.js";
import { downloadClip, verifyClip } from "../../download/index.js";
import { startSimulator } from "../../simulator/index.js";
import type { Simulator, SimulatorOptions } from "../../simulator/index.js";
import type { Clock } from "../../util/clock.js";
import { systemClock } from "../../util/clock.js";
import type { StoryreelError } from "../../util/errors.js";
import { loadForRun, planFromOutput } from "./prepare.js";
import { buildRunManifest, clipPathFor } from "./run-manifest.js";
import { writeConcatList } from "../shared/concat-list.js";
import { runRecord } from "./run-record.js";
import { resolveApiConfig } from "./api-config.js";
import { writeReport } from "../report/report.js";
import { readTimings, writeTimings } from "./timings-file.js";
import { removeLeftovers } from "./leftovers.js";
import { checkBalance, runPrices } from "./render-prices.js";
import { cacheLocationFor, openRenderCache } from "./render-cache.js";
import type { RenderCacheStats } from "./render-cache.js";
import { createReconciler, DEFAULT_RECONCILE_GRACE_S } from "./render-reconcile.js";
import type { Reconciliation } from "./render-reconcile.js";
import type { ClipMove } from "./clip-order.js";
import { chainFrames } from "./render-chain.js";

export interface RenderOptions {
  /** Path of the storyboard YAML. */
  storyboard: string;
  /** Output folder (relative to the working directory); default: the storyboard's `output:`. */
  outDir?: string;
  /** Generations in flight at most (default 4). */
  concurrency?: number;
  /** Shortest wait between two polls of one shot, in seconds (default 2). */
  pollInterval?: number;
  /** A shot unfinished after this many seconds fails (default 1200). */
  shotTimeout?: number;
  maxCredits?: number | null;
  downloadConcurrency?: number;
  selection?: Selection;
  /** Run against an in-process simulator instead of the API (true, or its options). */
  sim?: boolean | SimulatorOptions;
  /** API key; default: env AIML_API_KEY (alias AIMLAPI_KEY). */
  apiKey?: string;
  /** API base URL; default: env AIML_API_BASE, else https://api.aimlapi.com. */
  baseUrl?: string;
  env?: Readonly<Record<string, string | undefined>>;
  dispatcher?: Dispatcher;
  retry?: Partial<RetryPolicy>;
  /** Seconds one HTTP attempt to the API may take (default 30). */
  requestTimeout?: number;
  /** Abort to stop gracefully: no new submissions or polls; in-flight generations are resumed next run. */
  signal?: AbortSignal;
  onEvent?: (event: RunEvent) => void;
  clock?: Clock;
  /**
   * The shared clip cache: a folder or s3://bucket/prefix; null or "off" turns it off. Default: env
   * STORYREEL_CACHE, else the user's cache folder. A hit completes a shot with no request.
   */
  cache?: string | null;
  /** Seconds the API's request logs may lag behind a lost submission before it is paid again (default 300). */
  reconcileGrace?: number;
  /** The cap as the user wrote it in USD (`--max-usd`): recorded in the manifest's `run` for the suggested
   * command; the cap itself is `maxCredits`. */
  maxUsd?: number;
  /** Submit shots of unknown outcome again when the request logs cannot be read. */
  resubmitUnknown?: boolean;
  /** Ask the price catalogue now even if the cached copy is young. */
  refreshPrices?: boolean;
  /** Submit even when the balance (GET /v2/billing) is below the estimate of what this run submits. */
  ignoreBalance?: boolean;
  /** Look the cache up but never store in it (untrusted jobs). Default: env STORYREEL_CACHE_READ_ONLY. */
  cacheReadOnly?: boolean;
  /** The user's working folder: report.html shows the storyboard's path relative to it (default: absolute). */
  cwd?: string;
}

export interface RenderResult {
  storyboard: Storyboard;
  outDir: string;
  manifestPath: string;
  /** report.html in the output folder: one card per shot. */
  reportPath: string;
  manifest: Manifest;
  counts: RunCounts;
  creditsUsed: number;
  /** Shots no longer in the storyboard: dropped from the manifest, their clips moved under clips/removed/, never deleted. */
  removed: ShotRecord[];
  /** Clips renamed to their shot's new position, and clips of removed shots moved under clips/removed/. */
  clipMoves: { renamed: ClipMove[]; movedAside: ClipMove[] };
  /** What reconciliation through the request logs found for shots of unknown outcome. */
  reconciled: Reconciliation[];
  /** What the clip cache did (null when it was off). */
  cache: RenderCacheStats | null;
  /** Temporary files a dead run left in the folder, removed under the lock (paths relative to it). */
  leftovers: string[];
  interrupted: boolean;
  fatal: StoryreelError | null;
  /** 0 all done, 1 some shot failed or is unfinished, 2 the run was stopped by the API (key, credits), 130 interrupted. */
  exitCode: 0 | 1 | 2 | 130;
  polls: number;
  elapsedMs: number;
}

export async function render(options: RenderOptions): Promise<RenderResult> {
  const clock = options.clock ?? systemClock;
  // Everything that can refuse the run comes first: a refusal creates no folder and writes nothing.
  const storyboard = await loadForRun({
    storyboard: options.storyboard,
    ...(options.outDir ? { outDir: options.outDir } : {}),
    ...(options.selection ? { selection: options.selection } : {}),
  });
  const shotsById = new Map(storyboard.shots.map((s) => [s.id, s]));
  const env = options.env ?? process.env;
  const cacheLocation = cacheLocationFor(
    { ...(options.cache !== undefined ? { location: options.cache } : {}) },
    env,
    options.cwd ?? process.cwd(),
  );
  const simOptions = options.sim === true ? {} : options.sim || null;
  const api = simOptions ? null : resolveApiConfig(options);
  const outDir = storyboard.outputDir;
  const backend = simOptions ? "simulator" : new URL(api!.baseUrl).origin;
  await mkdir(outDir, { recursive: true });
  const lock = await acquireOutputLock(outDir, { clock });
  let sim: Simulator | null = null;
  try {
    // Under the lock no other run writes here: a partial download or write of a killed run is garbage.
    const leftovers = await removeLeftovers(outDir);
    // Read under the lock: a run that held the folder until a moment ago has written its results by now,
    // so nothing it completed or paid for is planned again, and its manifest is not overwritten with older state.
    const { previous, plan, clipOrder } = await planFromOutput({
      storyboard,
      backend,
      arrangeClips: true,
      ...(options.selection ? { selection: options.selection } : {}),
    });
    // Prices (the live catalogue, or the simulator's list) only when something will be submitted.
    const prices = await runPrices({
      previous,
      entries: plan.entries,
      backend,
      baseUrl: api?.baseUrl ?? null,
      env,
      ...(options.refreshPrices ? { refresh: true } : {}),
    });
    sim = simOptions ? await startSimulator(simOptions) : null;
    const client = createClient({
      baseUrl: sim ? sim.url : api!.baseUrl,
      apiKey: sim ? "storyreel-simulator" : api!.apiKey,
      budget: createRequestBudget({ clock }),
      clock,
      ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
      ...(options.retry ? { retry: options.retry } : {}),
      ...(options.requestTimeout ? { requestTimeoutMs: options.requestTimeout * 1000 } : {}),
    });
    const total = storyboard.shots.length;
    const startedAt = clock.now();
    const warn = (id: string | null, message: string): void =>
      options.onEvent?.({ type: "warning", id, message, t: Math.round(clock.now() - startedAt) });
    const renderCache = cacheLocation
      ? openRenderCache({
          location: cacheLocation,
          ...(options.cacheReadOnly !== undefined ? { readOnly: options.cacheReadOnly } : {}),
          env,
          backend,
          outDir,
          clipPath: (shot) => clipPathFor(shot, total),
          onWarning: (w) =>
            warn(null, w.message.startsWith("cache ") ? `clip ${w.message}` : `clip cache: ${w.message}`),
        })
      : null;
    try {
      // Cache hits cost nothing: the balance must cover only what will really be submitted.
      const hits = (await renderCache?.prefetch(plan.entries)) ?? new Set<string>();
      const balance = await checkBalance({
        client,
        prices,
        toSubmit: plan.entries.filter((e) => e.action === "submit" && !hits.has(e.shot.id)),
        ignore: options.ignoreBalance === true,
        maxCredits: options.maxCredits ?? null,
      });
      if (balance.warning) warn(null, balance.warning);
    } catch (err) {
      await renderCache?.close();
      await client.close();
      throw err;
    }
    const manifest = buildRunManifest(storyboard, plan.entries, clock.wallNow().toISOString(), {
      shard: options.selection?.shard ?? null,
      run: runRecord({
        backend,
        baseUrl: api ? api.baseUrl : null,
        sim: simOptions,
        ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
        ...(options.pollInterval !== undefined ? { pollInterval: options.pollInterval } : {}),
        ...(options.shotTimeout !== undefined ? { shotTimeout: options.shotTimeout } : {}),
        maxCredits: options.maxCredits ?? null,
        ...(options.maxUsd !== undefined ? { maxUsd: options.maxUsd } : {}),
        ...(options.reconcileGrace !== undefined ? { reconcileGrace: options.reconcileGrace } : {}),
        ...(options.cache !== undefined ? { cache: options.cache === null ? false : options.cache } : {}),
        ...(options.cacheReadOnly ? { cacheReadOnly: true } : {}),
      }),
    });
    const timingSeed = await readTimings(outDir);
    const store = await ManifestStore.open({ outDir, manifest, clock });
    // The manifest on disk names the clips where they are now: the moves' journal can go.
    await clipOrder?.commit();
    const frames = new FrameCache();
    const chain = chainFrames({
      shots: plan.entries.map((e) => e.shot),
      outDir,
      store,
      bindFrames: bindUpstreamFrames,
    });
    let cacheStats: RenderCacheStats | null = null;
    const reconciled: Reconciliation[] = [];
    const beforePost = createReconciler({
      client,
      clock,
      graceSeconds: options.reconcileGrace ?? DEFAULT_RECONCILE_GRACE_S,
      resubmitUnknown: options.resubmitUnknown === true,
      backend,
      onReconciled: (r) => reconciled.push(r),
    });
    let result;
    try {
      result = await runPlan({
        entries: plan.entries,
        client,
        store,
        buildBody: async (shot) => buildRequestBody(await chain.bind(shot), frames),
        prepare: async (entry) => ({ ...entry, shot: await chain.bind(entry.shot) }),
        dependencies: (id) => chain.dependencies(id),
        download: async (job) => {
          const clip = await downloadClip({
            url: job.url,
            outDir,
            relPath: job.relPath,
            api: sim ? "simulator" : api!.baseUrl,
            signal: job.signal,
            clock,
            ...(options.retry ? { retry: options.retry } : {}),
          });
          const warnings = await verifyClip(clip.absPath, job.shot);
          return { relPath: clip.relPath, bytes: clip.bytes, sha256: clip.sha256, warnings };
        },
        clipPath: (shot) => clipPathFor(shot, total),
        hooks: { ...renderCache?.hooks, beforePost },
        concurrency: options.concurrency ?? 4,
        pollIntervalMs: (options.pollInterval ?? 2) * 1000,
        shotTimeoutMs: (options.shotTimeout ?? 1200) * 1000,
        maxCredits: options.maxCredits ?? null,
        timingSeed,
        estimateCredits: (shot) => prices.estimate(shot).credits,
        clock,
        backend,
        ...(options.downloadConcurrency ? { downloadConcurrency: options.downloadConcurrency } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
        onEvent: (event) => {
          if (event.type === "shot_completed" && !event.from_cache)
            renderCache?.completed(store.shot(event.id));
          options.onEvent?.(event);
          if (event.type === "shot_completed" && event.credits_used !== null) {
            const shot = shotsById.get(event.id);
            if (shot?.durationSeconds)
              prices.observe(shot.model, shot.resolution, shot.durationSeconds, event.credits_used);
            // Charged more than 10% off the listed price: say so, naming both.
            const off = shot ? prices.chargeWarning(shot, event.credits_used) : null;
            if (off) warn(event.id, off);
          }
        },
      });
    } catch (err) {
      // Stop the store's timers and put every paid id into manifest.json before the lock is released.
      await store.close().catch(() => undefined);
      throw err;
    } finally {
      await client.close();
      frames.clear();
      cacheStats = (await renderCache?.close()) ?? null;
    }
    await store.close({ finished_at: clock.wallNow().toISOString() });
    await writeTimings(outDir, result.learned);
    await writeConcatList(outDir, store.manifest);
    // Not under the run's signal: an interrupted run still gets its report (posters are cached).
    const report = await writeReport({
      outDir,
      manifest: store.manifest,
      maxNewPosters: 200,
      ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
    });
    return {
      storyboard,
      outDir,
      manifestPath: join(outDir, MANIFEST_FILE),
      reportPath: report.path,
      manifest: store.manifest,
      counts: result.counts,
      creditsUsed: result.creditsUsed,
      removed: plan.removed,
      leftovers,
      cache: cacheStats,
      reconciled,
      clipMoves: { renamed: clipOrder?.renamed ?? [], movedAside: clipOrder?.movedAside ?? [] },
      interrupted: result.interrupted,
      fatal: result.fatal,
      exitCode: result.fatal ? 2 : result.interrupted ? 130 : outcomeExitCode(result.counts),
      polls: result.polls,
      elapsedMs: result.elapsedMs,
    };
  } finally {
    await sim?.close();
    await lock.release();
  }
}
