// The manifest's shape in TypeScript; schemas/manifest.schema.json is the source of truth.
export type ShotStatus = "pending" | "submitted" | "completed" | "failed" | "unknown" | "skipped";

export interface ClipRecord {
  /** Relative to the output folder, POSIX separators. */
  path: string;
  bytes: number;
  sha256: string;
}

export interface ShotError {
  code: string;
  message: string;
}

export interface ShotRecord {
  id: string;
  status: ShotStatus;
  model: string;
  input_hash: string;
  line?: number;
  generation_id: string | null;
  submitted_at: string | null;
  completed_at: string | null;
  polls: number;
  request: Record<string, unknown>;
  video_url: string | null;
  clip: ClipRecord | null;
  credits_used: number | null;
  duration_seconds?: number | null;
  error: ShotError | null;
  warnings?: string[];
  /**
   * Who produced this record's generation and clip: "simulator" (the built-in one, `--sim`), or the API origin
   * it was submitted to ("https://api.aimlapi.com"). Set with the submission intent, so an unknown or
   * in-flight record knows where its id lives. Absent or null: written before storyreel recorded it.
   */
  backend?: string | null;
  /**
   * Where the clip came from when no generation was paid for it in this folder: "cache" (the shared clip cache;
   * generation_id names the generation that made it, credits_used is null). Absent: made by its own generation.
   */
  origin?: "cache" | null;
  /**
   * The X-Client-Request-Id of the latest submission, written with its intent before the POST left: the API's
   * request logs (GET /v2/logs) find that submission by it when its answer was lost.
   */
  client_request_id?: string | null;
  /**
   * What the API's request logs said about the latest submission of unknown outcome (reconciliation): kept until
   * the shot's next submission starts. Absent or null: never reconciled.
   */
  reconciliation?: ReconciliationRecord | null;
  /**
   * The frames this shot takes from other shots' clips, by request field (image_url, last_image_url, …): the
   * shot, the frame picked, and the sha256 of the PNG submitted (null until it was extracted). Absent: none.
   */
  upstream?: Record<string, UpstreamFrameRecord> | null;
}

/** A frame taken from another shot's clip. */
export interface UpstreamFrameRecord {
  shot: string;
  frame: "first" | "last" | number;
  sha256: string | null;
}

/** One reconciliation of a submission whose answer was lost, as the request logs told it. */
export interface ReconciliationRecord {
  /** When it was decided (ISO 8601). */
  at: string;
  /** The submission it looked for. */
  client_request_id: string;
  /** The logs' row: "succeeded" (a generation exists), "failed" (nothing made), "none" (no row yet), "unreadable". */
  found: "succeeded" | "failed" | "none" | "unreadable";
  /** "adopted" its generation, "resubmitted", "waiting" for the logs (grace), or "kept_unknown" (logs unreadable). */
  action: "adopted" | "resubmitted" | "waiting" | "kept_unknown";
  /** The generation the logs named ("adopted"). */
  generation_id: string | null;
  /** How many times this submission has been looked for, over every run. */
  lookups: number;
  message: string;
}

/** How a run rendered: what every suggested next command repeats (see schemas/manifest.schema.json `run`). */
export interface RunRecord {
  /** "simulator" (--sim) or the API origin. */
  backend: string;
  /** The API base URL as given (--base-url or AIML_API_BASE); null for the simulator. */
  base_url?: string | null;
  /** --sim-latency in seconds ("3" or "2-4"). */
  sim_latency?: string | null;
  concurrency?: number | null;
  /** Seconds. */
  poll_interval?: number | null;
  /** Seconds. */
  shot_timeout?: number | null;
  max_credits?: number | null;
  /** --max-usd as written; when set, the suggested command repeats it instead of max_credits. */
  max_usd?: number | null;
  /** --reconcile-grace in seconds. */
  reconcile_grace?: number | null;
  /** --cache <location>, or false for --no-cache; absent or null: the default cache. */
  cache?: string | false | null;
  cache_read_only?: boolean;
}

export interface Manifest {
  version: 1;
  storyboard: { path: string; sha256: string };
  title?: string | null;
  started_at: string;
  finished_at: string | null;
  /** The --shard ("i/n") the latest run rendered: its other shots belong to other runners. Absent: every shot. */
  shard?: string | null;
  /** How the latest run rendered (backend, options). Absent: written before storyreel recorded it. */
  run?: RunRecord | null;
  shots: ShotRecord[];
}

export const MANIFEST_FILE = "manifest.json";
export const JOURNAL_FILE = "manifest.journal";
/** The previous journal while a new snapshot is being written (see ManifestStore). */
export const OLD_JOURNAL_FILE = "manifest.journal.old";
export const LOCK_FILE = ".storyreel.lock";
