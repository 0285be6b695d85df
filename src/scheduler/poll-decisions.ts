// What to do after a poll — its answer, its error, a 404, a deadline — decided from plain data (pure: takes `now`).
import type { ShotError } from "../manifest/index.js";
import { hasCode, StoryreelError } from "../util/errors.js";
import type { GenerationResult } from "./run-types.js";

/** Statuses of a generation still under way. */
export const PENDING_STATUSES: ReadonlySet<string> = new Set(["queued", "generating", "waiting", "active"]);
/** Errors that stop the whole run: the key is refused. */
export const STOPPING_CODES = ["E_API_UNAUTHORIZED", "E_API_FORBIDDEN"] as const;

const TRANSIENT_POLL_BACKOFF_MS = 5_000;
const NOT_FOUND_GRACE_POLLS = 15;
const MIN_NOT_FOUND_GRACE_MS = 1_000;
/** Looks at a generation the API does not know (yet) within its grace period, at least. */
const NOT_FOUND_LOOKS = 4;

/** The run's polling rules, as numbers. */
export interface PollRules {
  pollIntervalMs: number;
  shotTimeoutMs: number;
  notFoundGraceMs: number;
}

/** The default grace for a 404 of a generation submitted in this run: 15 poll intervals, at least 1 s. */
export function defaultNotFoundGraceMs(pollIntervalMs: number): number {
  return Math.max(MIN_NOT_FOUND_GRACE_MS, NOT_FOUND_GRACE_POLLS * pollIntervalMs);
}

/** What the decisions need to know of a generation being polled. */
export interface PolledGeneration {
  generationId: string;
  /** "resumed": the id comes from an earlier run; "submitted": this run paid for it. */
  origin: "resumed" | "submitted";
  deadline: number;
  /** The status the last answer reported ("submitted" before any). */
  lastStatus: string;
  /** Clock time of the first of the 404s the latest polls answered; null when the last poll found it. */
  notFoundSince: number | null;
}

export type ResultDecision =
  /** Still under way: poll again (or fail it, `timedOut`); `statusChanged` says which event to emit. */
  | { kind: "pending"; statusChanged: boolean; timedOut: boolean }
  /** Finished with a video: download it. */
  | { kind: "generated"; videoUrl: string }
  /** Finished without one. */
  | { kind: "failed"; error: ShotError };

export function decideResult(result: GenerationResult, shot: PolledGeneration, now: number): ResultDecision {
  if (PENDING_STATUSES.has(result.status)) {
    return {
      kind: "pending",
      statusChanged: result.status !== shot.lastStatus,
      timedOut: now >= shot.deadline,
    };
  }
  if (result.status === "completed" && result.videoUrl)
    return { kind: "generated", videoUrl: result.videoUrl };
  return {
    kind: "failed",
    error:
      result.status === "completed"
        ? {
            code: "E_API_MALFORMED",
            message: "the API reported the generation completed but gave no video url",
          }
        : {
            code: "E_GENERATION_FAILED",
            message: result.error?.message ?? `the generation ended with status ${result.status}`,
          },
  };
}

export type PollErrorDecision =
  /** The key was refused: the run stops (the paid id stays for the next run). */
  | { kind: "fatal"; error: StoryreelError }
  | NotFoundDecision
  /** The generation is paid for: keep looking (the client already retried) at `at`, or fail it (`timedOut`). */
  | { kind: "transient"; error: ShotError; warning: string; at: number; timedOut: boolean };

export type NotFoundDecision =
  /** An id from an earlier run is gone: submit the shot again (once: the new generation is "submitted"). */
  | { kind: "resubmit"; warning: string }
  /** One this run paid for is still unknown after the grace period: fail the shot, never pay again in this run. */
  | { kind: "lost"; error: ShotError }
  /** Not visible yet: look again at `at` (`warning` on the first 404 of a series). */
  | { kind: "wait"; error: ShotError; notFoundSince: number; at: number; warning: string | null };

export function decidePollError(
  err: unknown,
  shot: PolledGeneration & { id: string },
  now: number,
  rules: PollRules,
): PollErrorDecision {
  if (hasCode(err, ...STOPPING_CODES)) return { kind: "fatal", error: err };
  const error = toShotError(err);
  if (hasCode(err, "E_API_NOT_FOUND")) return decideNotFound(error, shot, now, rules);
  return {
    kind: "transient",
    error,
    warning: `polling ${shot.id} failed (${error.code}); will try again`,
    at: now + Math.max(rules.pollIntervalMs, TRANSIENT_POLL_BACKOFF_MS),
    timedOut: now >= shot.deadline,
  };
}

/**
 * 404 for a generation id. One carried over from an earlier run is gone: its shot is submitted again. One this
 * run paid for may just not be visible yet: keep polling for the grace period, then fail the shot
 * E_GENERATION_LOST — never pay again in the same run; the next run polls it once more and submits again only
 * if that poll is a 404 too.
 */
export function decideNotFound(
  error: ShotError,
  shot: PolledGeneration & { id: string },
  now: number,
  rules: PollRules,
): NotFoundDecision {
  const id = shot.generationId;
  if (shot.origin === "resumed") {
    return {
      kind: "resubmit",
      warning: `the API no longer knows generation ${id} (404): submitting ${shot.id} again`,
    };
  }
  const grace = rules.notFoundGraceMs;
  const since = shot.notFoundSince ?? now;
  const graceEnd = since + grace;
  if (now >= graceEnd || now >= shot.deadline) {
    const lastedS = Math.round((now - since) / 1000);
    return {
      kind: "lost",
      error: {
        code: "E_GENERATION_LOST",
        message: `the API does not know generation ${id}, submitted in this run (404 for ${lastedS} s); it was not submitted again: render again to poll it once more (it is submitted again only if the API still answers 404)`,
      },
    };
  }
  const step = Math.max(rules.pollIntervalMs, Math.min(TRANSIENT_POLL_BACKOFF_MS, grace / NOT_FOUND_LOOKS));
  return {
    kind: "wait",
    error,
    notFoundSince: since,
    at: Math.min(now + step, graceEnd),
    warning:
      now === since
        ? `the API does not know generation ${id} yet (404); polling it for up to ${Math.round(grace / 1000)} s before giving up`
        : null,
  };
}

/** The failure of a shot still unfinished at its deadline. */
export function timeoutError(generationId: string, rules: Pick<PollRules, "shotTimeoutMs">): ShotError {
  const seconds = Math.round(rules.shotTimeoutMs / 1000);
  return {
    code: "E_SHOT_TIMEOUT",
    message: `no result within ${seconds} s (--shot-timeout); generation ${generationId} may still finish: render again to poll it instead of paying again`,
  };
}

export function toShotError(err: unknown): ShotError {
  if (err instanceof StoryreelError) return { code: err.code, message: err.message };
  if (err instanceof Error) return { code: "E_UNEXPECTED", message: err.message };
  return { code: "E_UNEXPECTED", message: String(err) };
}
