// What a run takes and gives back: the options of runPlan, its result, and what it needs of the client and downloader.
import type { ResolvedShot } from "../storyboard/index.js";
import type { ManifestStore } from "../manifest/index.js";
import type { Clock } from "../util/clock.js";
import type { StoryreelError } from "../util/errors.js";
import type { PlanEntry } from "./plan.js";
import type { RunCounts, RunEvent } from "./events.js";
import type { SubmissionHooks } from "./submission.js";

/** What the scheduler needs from the API client (see src/api). */
export interface GenerationClient {
  /**
   * The run's stop signal is passed: an abort may cut the submission only while it cannot have reached the
   * API (rejecting with the signal's reason); once it may have, the answer is awaited, or the submission
   * rejects E_SUBMIT_UNKNOWN — never with the abort reason.
   */
  submit(
    body: Record<string, unknown>,
    options: { signal?: AbortSignal; clientRequestId?: string },
  ): Promise<GenerationResult>;
  poll(id: string, options: { signal?: AbortSignal }): Promise<GenerationResult>;
}

export interface GenerationResult {
  id: string;
  status: string;
  videoUrl: string | null;
  error: { name: string | null; message: string } | null;
  creditsUsed: number | null;
}

export interface DownloadJob {
  shot: ResolvedShot;
  url: string;
  relPath: string;
  signal: AbortSignal;
}

export interface DownloadOutcome {
  relPath: string;
  bytes: number;
  sha256: string;
  warnings: string[];
}

export interface RunOptions {
  entries: readonly PlanEntry[];
  client: GenerationClient;
  store: ManifestStore;
  buildBody: (shot: ResolvedShot) => Promise<Record<string, unknown>>;
  download: (job: DownloadJob) => Promise<DownloadOutcome>;
  /** Where a shot's clip goes, relative to the output folder. */
  clipPath: (shot: ResolvedShot) => string;
  /** How long after a lost submission answer the request logs are asked about it (default 2000 ms). */
  reconcileDelayMs?: number;
  /** This run's id: the first part of every submission's X-Client-Request-Id (default: from the wall clock). */
  runId?: string;
  /** Steps slotted into every submission (a clip cache lookup before it; see SubmissionHooks). */
  hooks?: SubmissionHooks;
  /**
   * Just before a shot is submitted: the entry to submit instead (a chained shot with its upstream frames bound,
   * so its record and request say what was sent). A rejection submits the entry as it is (buildBody then fails).
   */
  prepare?: (entry: PlanEntry) => Promise<PlanEntry>;
  /** The shots a shot takes a frame from (direct): it waits for their clips (the dependency gate). */
  dependencies?: (id: string) => readonly string[];
  /** Generations in flight at most (submitted and not finished). */
  concurrency: number;
  /** Downloads at once, apart from the generation slots (default 4). */
  downloadConcurrency?: number;
  /** The shortest wait between two polls of one shot. */
  pollIntervalMs: number;
  /** A shot still unfinished this long after submission (or after this run resumed it) fails. */
  shotTimeoutMs: number;
  /**
   * How long a generation submitted in this run may be unknown to the API (404) before its shot fails
   * E_GENERATION_LOST (default: 15 poll intervals, at least 1 s). It is never submitted again in the same run.
   */
  notFoundGraceMs?: number;
  maxCredits?: number | null;
  /**
   * Expected credits of a shot (null: unknown). If it throws, the shot is not submitted and the run stops as if
   * interrupted, resolving with `fatal` E_ESTIMATE_CREDITS (its `cause` is what was thrown).
   */
  estimateCredits?: (shot: ResolvedShot) => number | null;
  /**
   * Aborting stops the run gracefully: no new submissions (one waiting for a 429 pause or a retry is
   * abandoned), no new polls; in-flight ids stay for the next run.
   */
  signal?: AbortSignal;
  /**
   * Called synchronously for every event. If it throws, the run stops as if interrupted (nothing more is
   * submitted or polled; every paid id stays in the manifest for the next run) and resolves with `fatal`
   * E_EVENT_LISTENER (its `cause` is what was thrown); later events are still delivered.
   */
  onEvent?: (event: RunEvent) => void;
  clock?: Clock;
  /** Where submissions go, recorded on each shot it submits: "simulator", or the API origin. */
  backend: string;
  /** Generation times seen before, per model (ms), to poll well from the first shot on. */
  timingSeed?: ReadonlyMap<string, readonly number[]>;
}

export interface ShotTiming {
  id: string;
  model: string;
  submittedMs: number;
  detectedMs: number | null;
  polls: number;
}

export interface RunResult {
  counts: RunCounts;
  creditsUsed: number;
  interrupted: boolean;
  /** A run-stopping error (401/403, manifest not writable, a throwing onEvent or estimateCredits): exit 2. */
  fatal: StoryreelError | null;
  elapsedMs: number;
  polls: number;
  timings: ShotTiming[];
  /** Observed generation times per model, for the next run. */
  learned: Map<string, number[]>;
}
