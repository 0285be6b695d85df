// startSimulator: wires the context, the API server and the optional download origin, and tears them down.
import { mkdtemp, rm } from "node:fs/promises";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { locateFfmpeg } from "../media/index.js";
import { systemClock } from "../util/clock.js";
import { checkOptions } from "./check-options.js";
import type { ClipProducer, SimContext } from "./context.js";
import { prepareFastClip } from "./fast-clip.js";
import { FaultController } from "./faults.js";
import { InFlightTracker } from "./in-flight.js";
import { checkLatency, DEFAULT_LATENCY } from "./latency.js";
import { closeServer, listen } from "./listen.js";
import type { Simulator, SimulatorOptions, SimulatorSettings } from "./options.js";
import { SlidingWindowLimiter } from "./rate-limit.js";
import { RequestRecorder } from "./recorder.js";
import { RequestLog } from "./request-log.js";
import { Renderer } from "./renderer.js";
import { createRng } from "./rng.js";
import { createHandler } from "./router.js";
import { StatsCollector } from "./stats.js";

const DEFAULT_RECORD_LIMIT = 10_000;
/** GET /v2/logs: "at most 200 requests per 60 s (429 beyond)". */
const LOGS_LIMIT = 200;
const LOGS_WINDOW_MS = 60_000;
const DEFAULT_BALANCE_USD = 100;

export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  checkOptions(opts);
  const latency = checkLatency(opts.latency ?? DEFAULT_LATENCY);
  const clock = opts.clock ?? systemClock;
  const host = opts.host ?? "127.0.0.1";
  const closer = new AbortController();
  const dir = await mkdtemp(join(tmpdir(), "storyreel-sim-"));
  const servers: Server[] = [];
  let clips: ClipProducer | undefined;
  try {
    const settings: SimulatorSettings = {
      render: opts.render ?? "ffmpeg",
      latency,
      queuedFraction: opts.queuedFraction ?? 0.25,
      separateDownloadOrigin: (opts.separateDownloadOrigin ?? false) || (opts.downloadRedirect ?? false),
      downloadRedirect: opts.downloadRedirect ?? false,
      rateLimit: opts.rateLimit ?? null,
      renderConcurrency: opts.renderConcurrency ?? 2,
      balanceUsd: opts.balanceUsd ?? DEFAULT_BALANCE_USD,
      logsDelayMs: opts.logsDelayMs ?? 0,
    };
    clips = await makeClipProducer(opts, settings, dir, closer.signal);
    const faults = new FaultController(
      createRng(opts.seed === undefined ? undefined : opts.seed ^ 0x5bd1e995),
    );
    const tracker = new InFlightTracker();
    const ctx: SimContext = {
      clock,
      random: createRng(opts.seed),
      latency,
      queuedFraction: settings.queuedFraction,
      fps: opts.fps ?? 24,
      jobs: new Map(),
      jobsByFile: new Map(),
      tracker,
      stats: new StatsCollector({ tracker, faults, now: () => clock.now() }),
      faults,
      recorder: new RequestRecorder(opts.recordRequests ?? DEFAULT_RECORD_LIMIT),
      limiter: settings.rateLimit === null ? null : new SlidingWindowLimiter(settings.rateLimit),
      logsLimiter: new SlidingWindowLimiter({ requestsPerSecond: LOGS_LIMIT, windowMs: LOGS_WINDOW_MS }),
      requestLog: new RequestLog(),
      logsDelayMs: settings.logsDelayMs,
      pricing: {
        priceScale: opts.priceScale ?? 1,
        chargeScale: opts.chargeScale ?? 1,
        balanceUsd: settings.balanceUsd,
      },
      apiKey: opts.apiKey ?? null,
      rejectKeys: opts.rejectKeys ?? {},
      clips,
      maxBodyBytes: opts.maxBodyBytes ?? 64 * 1024 * 1024,
      downloadRedirect: settings.downloadRedirect,
      separateDownloadOrigin: settings.separateDownloadOrigin,
      urls: { api: "", download: "" },
      closing: closer.signal,
    };
    faults.addScript(opts.faults ?? []);
    const api = await listen(createHandler(ctx, "api"), { host, port: opts.port ?? 0 });
    servers.push(api.server);
    ctx.urls = { api: api.origin, download: api.origin };
    if (settings.separateDownloadOrigin) {
      const download = await listen(createHandler(ctx, "download"), { host, port: opts.downloadPort ?? 0 });
      servers.push(download.server);
      ctx.urls.download = download.origin;
    }
    let closing: Promise<void> | undefined;
    return {
      url: ctx.urls.api,
      downloadUrl: ctx.urls.download,
      stats: ctx.stats,
      faults,
      get requests() {
        return ctx.recorder.list();
      },
      settings,
      setPriceScale(scale) {
        checkOptions({ priceScale: scale });
        ctx.pricing.priceScale = scale;
      },
      close: () => (closing ??= shutdown({ closer, servers, clips: ctx.clips, dir })),
    };
  } catch (err) {
    await shutdown({ closer, servers, clips, dir });
    throw err;
  }
}

async function makeClipProducer(
  opts: SimulatorOptions,
  settings: SimulatorSettings,
  dir: string,
  signal: AbortSignal,
): Promise<ClipProducer> {
  if (settings.render === "fast") {
    return {
      kind: "fast",
      bytes: await prepareFastClip({ dir, path: opts.fastClipPath, ffmpegPath: opts.ffmpegPath, signal }),
    };
  }
  const ffmpegPath = opts.ffmpegPath ?? (await locateFfmpeg());
  return {
    kind: "ffmpeg",
    renderer: new Renderer({ dir, ffmpegPath, concurrency: settings.renderConcurrency, signal }),
  };
}

async function shutdown(parts: {
  closer: AbortController;
  servers: readonly Server[];
  clips: ClipProducer | undefined;
  dir: string;
}): Promise<void> {
  parts.closer.abort(new Error("simulator closed"));
  await Promise.all(parts.servers.map(closeServer));
  if (parts.clips?.kind === "ffmpeg") await parts.clips.renderer.close();
  await rm(parts.dir, { recursive: true, force: true });
}
