// Public option and handle types of the simulator.
import type { Clock } from "../util/clock.js";
import type { FaultRule } from "./fault-types.js";
import type { FaultController } from "./faults.js";
import type { LatencySpec } from "./latency.js";
import type { RecordedRequest } from "./recorder.js";
import type { SimStats } from "./stats.js";

export type RenderMode = "ffmpeg" | "fast";

export interface SimulatorOptions {
  /** Host to bind; default "127.0.0.1". */
  host?: string;
  /** API port; default 0 (any free port). */
  port?: number;
  /** Port of the separate download origin, when there is one; default 0. */
  downloadPort?: number;
  /** Generation latency: fixed ms or a uniform { minMs, maxMs }; default 2000–4000 ms. */
  latency?: LatencySpec;
  /** Share of the latency spent "queued" before "generating"; default 0.25. */
  queuedFraction?: number;
  /** Seed for latency draws and fault probabilities; random when omitted. */
  seed?: number;
  /** "ffmpeg" (default): a real clip from the request's frames. "fast": one tiny prepared clip for every job. */
  render?: RenderMode;
  /** Fast mode: serve this MP4 instead of generating a tiny one at start. */
  fastClipPath?: string;
  /** Most ffmpeg renders at once; default 2. */
  renderConcurrency?: number;
  /** Frame rate of rendered clips; default 24. */
  fps?: number;
  /** Use this ffmpeg binary instead of locating one. */
  ffmpegPath?: string;
  /** Serve /files/* from a second server on another port. */
  separateDownloadOrigin?: boolean;
  /** video.url points at the API origin, which answers 302 to the download origin (implies a separate one). */
  downloadRedirect?: boolean;
  /** Sliding one-second limit over all API requests (submits + polls); excess gets 429 Retry-After: 1. */
  rateLimit?: { requestsPerSecond: number };
  /** Accept only this key (401 for others); default: any non-empty Bearer key. */
  apiKey?: string;
  /** Keys refused with 401 (invalid) or 403 (e.g. out of credits). */
  rejectKeys?: Readonly<Record<string, 401 | 403>>;
  /** Initial fault script (see parseFaultScript). */
  faults?: readonly FaultRule[];
  /** How many recent requests `requests` keeps; default 10,000; 0 keeps none; Infinity keeps all. */
  recordRequests?: number;
  /** GET /v2/billing's starting balance in USD, reduced by every completed generation's cost; default 100. */
  balanceUsd?: number;
  /** A submission's row appears in GET /v2/logs this many ms after it (simulator clock); default 0. */
  logsDelayMs?: number;
  /** Multiplies every price of the simulated list (GET /v1/models); default 1. */
  priceScale?: number;
  /** Bills each generation this multiple of its listed price (1 = as listed); default 1. */
  chargeScale?: number;
  /** Largest accepted request body; default 64 MiB. */
  maxBodyBytes?: number;
  clock?: Clock;
}

export interface SimulatorSettings {
  render: RenderMode;
  latency: LatencySpec;
  queuedFraction: number;
  separateDownloadOrigin: boolean;
  downloadRedirect: boolean;
  rateLimit: { requestsPerSecond: number } | null;
  renderConcurrency: number;
  balanceUsd: number;
  logsDelayMs: number;
}

export interface Simulator {
  /** API origin, e.g. "http://127.0.0.1:41234" (routes live under /v2/...). */
  url: string;
  /** Origin that serves clip bytes under /files/ (equals `url` unless a separate origin is used). */
  downloadUrl: string;
  stats: SimStats;
  faults: FaultController;
  /** Recent requests, oldest first (bounded by `recordRequests`). */
  readonly requests: RecordedRequest[];
  settings: SimulatorSettings;
  /** Changes the simulated price list (and so the catalogue's ETag); new jobs are billed at it. */
  setPriceScale(scale: number): void;
  /** Stops both servers, destroys open sockets, kills ffmpeg, removes the temp dir. */
  close(): Promise<void>;
}
