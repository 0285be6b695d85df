// What a run reports: plain data events, the only thing renderers (terminal, CI, NDJSON) ever see.
import type { ReconciliationRecord, ShotError, ShotStatus } from "../manifest/index.js";

interface EventBase {
  /** Milliseconds since the run started. */
  t: number;
}

/**
 * How this run ended each shot. A shot the run was to submit but did not — held back by --max-credits
 * (`skipped`), or refused before any generation existed (`failed`) — counts as that even when its record keeps
 * an earlier result (a finished shot never goes backwards: the manifest may still say `completed`).
 */
export interface RunCounts {
  total: number;
  completed: number;
  failed: number;
  unknown: number;
  skipped: number;
  upToDate: number;
  excluded: number;
  /** Generations still in flight at the end (interrupted runs): resumed by the next run. */
  inFlight: number;
  pending: number;
}

export type RunEvent =
  | (EventBase & {
      type: "run_started";
      at: string;
      total: number;
      toSubmit: number;
      toResume: number;
      upToDate: number;
      excluded: number;
      concurrency: number;
      /** Where the run renders: "simulator" (--sim) or the API origin (always emitted). */
      backend?: string;
    })
  /**
   * A shot not submitted: announced after run_started for up-to-date and not-selected shots (no `error`; `status`
   * its record's), or held back by the run itself (--max-credits: status "skipped", `error` E_MAX_CREDITS or
   * E_PRICE_UNKNOWN, `reason` its message). A held-back shot's record keeps an earlier result (completed, in
   * flight, unknown, failed) as it was; only one without a result records the skip.
   */
  | (EventBase & {
      type: "shot_skipped";
      id: string;
      index: number;
      reason: string;
      status: ShotStatus;
      error?: ShotError;
    })
  /**
   * A shot that starts from another shot's frame waits (holding no slot) until each shot in `on` has its clip
   * downloaded and verified; then it is submitted (shot_submitted), or skipped with E_UPSTREAM_FAILED.
   */
  | (EventBase & {
      type: "shot_waiting";
      id: string;
      index: number;
      on: string[];
    })
  | (EventBase & {
      type: "shot_submitted";
      id: string;
      index: number;
      generation_id: string;
      resumed: boolean;
    })
  | (EventBase & {
      type: "shot_status";
      id: string;
      index: number;
      status: string;
      polls: number;
      elapsed_ms: number;
    })
  /** Every poll answer that left a shot pending (for live views; plain output only shows status changes). */
  | (EventBase & {
      type: "shot_polled";
      id: string;
      index: number;
      status: string;
      polls: number;
      elapsed_ms: number;
    })
  | (EventBase & {
      type: "shot_completed";
      id: string;
      index: number;
      generation_id: string;
      clip: string;
      bytes: number;
      polls: number;
      credits_used: number | null;
      elapsed_ms: number;
      warnings: string[];
      /** The built-in simulator made this clip: a placeholder, not a paid generation (always emitted). */
      simulated?: boolean;
      /** The clip came from the shared clip cache: no request was sent for it (credits_used null). */
      from_cache?: boolean;
    })
  | (EventBase & {
      type: "shot_failed";
      id: string;
      index: number;
      status: ShotStatus;
      generation_id: string | null;
      error: ShotError;
      polls: number;
      elapsed_ms: number;
    })
  /**
   * Before a shot whose last submission's answer was lost is paid for again, the API's request logs were asked
   * about it: what they found and what the run did (adopted its generation, submitted again, waits for the logs
   * within --reconcile-grace, or keeps it unknown because the logs cannot be read). Also on the shot's record.
   */
  | (EventBase & {
      type: "shot_reconciled";
      id: string;
      index: number;
      client_request_id: string;
      found: ReconciliationRecord["found"];
      action: ReconciliationRecord["action"];
      generation_id: string | null;
      lookups: number;
      message: string;
    })
  | (EventBase & { type: "warning"; id: string | null; message: string })
  | (EventBase & {
      type: "run_finished";
      at: string;
      elapsed_ms: number;
      counts: RunCounts;
      credits_used: number;
      interrupted: boolean;
      fatal: ShotError | null;
    });

export type RunEventType = RunEvent["type"];
