// The state every request handler shares: clock, jobs, counters, faults, limits, clip source, URLs.
import type { Clock } from "../util/clock.js";
import type { FaultController } from "./faults.js";
import type { InFlightTracker } from "./in-flight.js";
import type { Job } from "./job.js";
import type { LatencySpec } from "./latency.js";
import type { SlidingWindowLimiter } from "./rate-limit.js";
import type { RequestRecorder } from "./recorder.js";
import type { RequestLog } from "./request-log.js";
import type { Renderer } from "./renderer.js";
import type { StatsCollector } from "./stats.js";

export type ClipProducer = { kind: "fast"; bytes: Buffer } | { kind: "ffmpeg"; renderer: Renderer };

export interface SimContext {
  clock: Clock;
  random: () => number;
  latency: LatencySpec;
  queuedFraction: number;
  fps: number;
  jobs: Map<string, Job>;
  jobsByFile: Map<string, Job>;
  tracker: InFlightTracker;
  stats: StatsCollector;
  faults: FaultController;
  recorder: RequestRecorder;
  limiter: SlidingWindowLimiter | null;
  /** GET /v2/logs' own limit: 200 requests per 60 s. */
  logsLimiter: SlidingWindowLimiter;
  /** Every answered submission, for GET /v2/logs. */
  requestLog: RequestLog;
  /** A log row appears this long after its request (simulator clock). */
  logsDelayMs: number;
  /** Mutable: Simulator.setPriceScale changes the list (and so the catalogue's ETag). */
  pricing: { priceScale: number; chargeScale: number; balanceUsd: number };
  apiKey: string | null;
  rejectKeys: Readonly<Record<string, 401 | 403>>;
  clips: ClipProducer;
  maxBodyBytes: number;
  downloadRedirect: boolean;
  separateDownloadOrigin: boolean;
  /** Filled in once the servers listen. */
  urls: { api: string; download: string };
  /** Aborted by close(): cancels delays and renders. */
  closing: AbortSignal;
}

/** The URL a completed job reports as video.url. */
export function videoUrl(ctx: SimContext, job: Job): string {
  const origin = ctx.downloadRedirect ? ctx.urls.api : ctx.urls.download;
  return `${origin}/files/${job.fileKey}.mp4`;
}
