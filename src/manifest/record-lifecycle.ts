// One owner for a shot record's lifecycle: every change a run makes to a record, and the rules that keep money safe.
import type { ResolvedShot } from "../storyboard/index.js";
import type {
  ClipRecord,
  ReconciliationRecord,
  ShotError,
  ShotRecord,
  ShotStatus,
  UpstreamFrameRecord,
} from "./types.js";

export type ShotPatch = Partial<Omit<ShotRecord, "id">>;

/** What a record is made from: the resolved shot, and its request as recorded (storyboard's `requestRecord`). */
export type RecordSeed = Pick<ResolvedShot, "id" | "model" | "inputHash" | "line" | "durationSeconds"> & {
  request: Record<string, unknown>;
  /** The frames it takes from other shots (chained shots only). */
  upstream?: Record<string, UpstreamFrameRecord>;
};

/**
 * Every change a run makes to a shot's record. The rules, in one place:
 * - A record is replaced only once a new generation may exist: the `intent` (written before the POST leaves)
 *   replaces it with the fresh record, `unknown` E_SUBMIT_INTERRUPTED until the answer (`submitted`) or the
 *   outcome (`submit_unknown`); a run that dies with the POST on the wire never leaves a shot that looks unpaid.
 * - Nothing sent, or nothing created: `withdrawn` puts back the record from before the intent (a pending shot
 *   notes why it is still pending).
 * - A finished shot never goes backwards: `not_submitted` (held back by --max-credits, or a request that failed
 *   before any generation existed) keeps a previous record that holds a result, clip and all; only a record
 *   without one (new, pending, skipped — or failed, for a new failure) takes the run's outcome.
 * - `resumed`: an earlier run's paid generation is polled again; `lost`: the API no longer knows that
 *   generation (404), so the shot is submitted again.
 */
export type RecordChange =
  | {
      type: "intent";
      seed: RecordSeed;
      backend: string;
      /** Sent as X-Client-Request-Id: the API's request logs find this submission by it. */
      clientRequestId: string;
      /** When the submission started (ISO 8601): reconciliation looks around it. */
      at: string;
    }
  | { type: "submitted"; generationId: string; submittedAt: string; inputHash: string }
  | { type: "submit_unknown"; error: ShotError }
  /** The request logs were asked about the previous submission: what they said, kept on the record. */
  | { type: "reconciled"; reconciliation: ReconciliationRecord }
  | { type: "withdrawn"; before: ShotRecord; why: ShotError }
  | {
      type: "not_submitted";
      outcome: "skipped" | "failed";
      error: ShotError;
      /** The record before this submission started (before any intent). */
      before: ShotRecord;
      seed: RecordSeed;
      backend: string;
    }
  | { type: "resumed" }
  | { type: "lost" }
  | { type: "polled"; polls: number }
  | { type: "poll_failed"; error: ShotError }
  | { type: "generated"; videoUrl: string; creditsUsed: number | null; completedAt: string }
  | { type: "downloaded"; clip: ClipRecord; warnings: string[] }
  | { type: "failed"; status: "failed" | "unknown"; error: ShotError; creditsUsed?: number | null }
  | {
      type: "reused";
      seed: RecordSeed;
      backend: string;
      generationId: string | null;
      clip: ClipRecord;
      warnings: string[];
      completedAt: string;
      /** "cache": the clip came from the shared clip cache (generation_id is the one that made it elsewhere). */
      origin?: "cache";
    };

/** A shot's record before its first submission. `backend`: where that goes; null while not submitted. */
export function newRecord(seed: RecordSeed, backend: string | null = null): ShotRecord {
  return {
    id: seed.id,
    status: "pending",
    model: seed.model,
    input_hash: seed.inputHash,
    line: seed.line,
    generation_id: null,
    submitted_at: null,
    completed_at: null,
    polls: 0,
    request: seed.request,
    video_url: null,
    clip: null,
    credits_used: null,
    duration_seconds: seed.durationSeconds,
    error: null,
    warnings: [],
    backend,
    ...(seed.upstream ? { upstream: seed.upstream } : {}),
  };
}

/**
 * The record a run starts from. A previous record is kept whole (only its line follows the storyboard), those
 * of shots to be submitted too: it changes only once a new submission starts (the intent), so a shot selected
 * but never reached (an interrupted run, a --max-credits stop) still says what it was, and the same command
 * selects it again. Only a shot without one starts as a new `pending` record (`seed` is asked for only then).
 */
export function startingRecord(
  previous: ShotRecord | null,
  line: number,
  seed: () => RecordSeed,
): ShotRecord {
  return previous ? { ...previous, line } : newRecord(seed());
}

/** The fields a submission's answer sets, and the earlier generation's outcome it clears. */
export function submissionPatch(submission: {
  generation_id: string;
  submitted_at: string;
  input_hash: string;
}): ShotPatch {
  return {
    status: "submitted",
    error: null,
    polls: 0,
    completed_at: null,
    video_url: null,
    clip: null,
    credits_used: null,
    ...submission,
  };
}

/** Statuses whose record holds something a run that submits nothing must not take away. */
const HOLDS_RESULT: Record<"skipped" | "failed", ReadonlySet<ShotStatus>> = {
  // a clip, a paid generation in flight, a maybe-paid submission, or the last real failure (--failed selects it)
  skipped: new Set(["completed", "submitted", "unknown", "failed"]),
  // a newer failure replaces an older one; a result or a maybe-paid submission stays
  failed: new Set(["completed", "submitted", "unknown"]),
};

/** Does a run that did not submit `record`'s shot (with this outcome) keep the record as it is? */
export function keepsRecord(record: ShotRecord, outcome: "skipped" | "failed"): boolean {
  return HOLDS_RESULT[outcome].has(record.status);
}

/** The record `change` leads to from `current`. */
export function nextRecord(current: ShotRecord, change: RecordChange): ShotRecord {
  return { ...current, ...recordPatch(current, change) };
}

/**
 * `change` as a patch: the fields an incremental change sets (always all of them, so an outcome's status is
 * in it and the store treats it as a snapshot milestone), or, for a replacement of the whole record, the few
 * fields that differ (a small journal line for a small change; empty when nothing changes).
 */
export function recordPatch(current: ShotRecord, change: RecordChange): ShotPatch {
  switch (change.type) {
    case "submitted":
      return submissionPatch({
        generation_id: change.generationId,
        submitted_at: change.submittedAt,
        input_hash: change.inputHash,
      });
    case "submit_unknown":
      return { status: "unknown", error: change.error };
    case "reconciled":
      return { reconciliation: change.reconciliation };
    case "resumed":
      return { status: "submitted", error: null };
    case "lost":
      return { status: "pending", generation_id: null, submitted_at: null };
    case "polled":
      return { polls: change.polls };
    case "poll_failed":
      return { error: change.error };
    case "generated":
      return {
        video_url: change.videoUrl,
        credits_used: change.creditsUsed,
        completed_at: change.completedAt,
      };
    case "downloaded":
      return { status: "completed", clip: change.clip, warnings: change.warnings, error: null };
    case "failed":
      return {
        ...(change.creditsUsed === undefined ? {} : { credits_used: change.creditsUsed }),
        status: change.status,
        error: change.error,
      };
    case "withdrawn":
    case "not_submitted": {
      // Back to the record from before the intent, except what the request logs said during this attempt.
      const target = replacement(change);
      const said = current.reconciliation ?? target.reconciliation;
      return changedFields(current, said === undefined ? target : { ...target, reconciliation: said });
    }
    default:
      return changedFields(current, replacement(change));
  }
}

type Replacement = Extract<RecordChange, { type: "intent" | "withdrawn" | "not_submitted" | "reused" }>;

/** The whole record a replacing change puts in place. */
function replacement(change: Replacement): ShotRecord {
  switch (change.type) {
    case "intent":
      return {
        ...newRecord(change.seed, change.backend),
        status: "unknown",
        client_request_id: change.clientRequestId,
        submitted_at: change.at,
        // A new submission: what the logs said about an earlier one no longer describes this record, and a
        // shot that no longer starts from another's frame loses the upstream it had.
        reconciliation: null,
        upstream: change.seed.upstream ?? null,
        error: {
          code: "E_SUBMIT_INTERRUPTED",
          message: `the run ended while this submission was on its way; it may have been created and charged — check the AIML usage page, then render again with --only ${change.seed.id} to submit it once more`,
        },
      };
    case "withdrawn": {
      const before = restored(change.before);
      return before.status === "pending" ? { ...before, error: change.why } : before;
    }
    case "not_submitted": {
      const { outcome, error } = change;
      const before = restored(change.before);
      if (keepsRecord(before, outcome)) return before;
      // A failed request is the new request's record; a skip notes why on the record it leaves as it was.
      if (outcome === "failed") return { ...newRecord(change.seed, change.backend), status: "failed", error };
      return { ...before, status: "skipped", error };
    }
    case "reused":
      return {
        ...newRecord(change.seed, change.backend),
        status: "completed",
        generation_id: change.generationId,
        completed_at: change.completedAt,
        clip: change.clip,
        warnings: change.warnings,
        ...(change.origin ? { origin: change.origin } : {}),
      };
  }
}

/**
 * A record to go back to. A patch cannot remove a field, so one the intent added stays: `backend` is made an
 * explicit null (the same as absent: a record from before storyreel kept it), the others (line, duration,
 * warnings) only describe the shot.
 */
function restored(before: ShotRecord): ShotRecord {
  return { backend: null, ...before };
}

/** Fields written as null only to clear an earlier value: absent and null mean the same. */
const NULL_IS_ABSENT: ReadonlySet<string> = new Set(["reconciliation", "upstream"]);

/** The fields of `target` whose values differ from `current`'s. */
export function changedFields(current: ShotRecord, target: ShotRecord): ShotPatch {
  const patch: Record<string, unknown> = {};
  const now = current as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(target)) {
    if (key === "id") continue;
    // A record that never had one of these needs no line saying it has none.
    if (NULL_IS_ABSENT.has(key) && value === null && now[key] === undefined) continue;
    if (!sameValue(now[key], value)) patch[key] = value;
  }
  return patch;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
