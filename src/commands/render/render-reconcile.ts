// Before a shot of unknown outcome is paid for again, the API's request logs say whether its last submission made a generation.
import { listAllLogs } from "../../api/index.js";
import type { AimlClient, LogRow } from "../../api/index.js";
import type { ReconciliationRecord, ShotRecord } from "../../manifest/index.js";
import type { BeforePost, PlanEntry } from "../../scheduler/index.js";
import type { Clock } from "../../util/clock.js";
import { StoryreelError } from "../../util/errors.js";

/** The default --reconcile-grace: how long the logs may lag behind a submission before it counts as lost. */
export const DEFAULT_RECONCILE_GRACE_S = 300;

/** Logs rows are looked for this long before the submission started (clocks differ) and after the run began. */
const WINDOW_MARGIN_MS = 5 * 60_000;

/** What reconciliation found for one shot, for the render's result. */
export interface Reconciliation {
  id: string;
  clientRequestId: string;
  found: ReconciliationRecord["found"];
  action: ReconciliationRecord["action"];
  generationId: string | null;
  message: string;
}

/** A shot whose outcome stays unknown this run: not paid for again (its record keeps E_SUBMIT_*). */
export class ReconcileError extends StoryreelError {
  constructor(
    code: "E_RECONCILE_PENDING" | "E_LOGS_UNREADABLE",
    message: string,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }
}

export interface ReconcilerOptions {
  client: Pick<AimlClient, "logs">;
  clock: Clock;
  /** Seconds the logs may lag behind a submission before it is taken as lost and submitted again. */
  graceSeconds: number;
  /** Submit again when the logs cannot be read (--resubmit-unknown). */
  resubmitUnknown: boolean;
  /** Where this run renders: a record from elsewhere has no row in these logs. */
  backend: string;
  /** Every outcome, as it is decided (the scheduler records it and emits shot_reconciled too). */
  onReconciled?: (r: Reconciliation) => void;
}

/** The `beforePost` hook: "generation" adopts the id the logs name; a throw keeps the shot unknown. */
export function createReconciler(
  options: ReconcilerOptions,
): (
  entry: PlanEntry,
  before: ShotRecord,
  reconciled: (found: ReconciliationRecord) => void,
) => Promise<BeforePost> {
  const startedMs = options.clock.wallNow().getTime();
  // One listing per model (and hour of submission) serves every unknown shot of that model.
  const listings = new Map<string, Promise<LogRow[]>>();
  const rowsFor = (model: string, sinceMs: number): Promise<LogRow[]> => {
    if (sinceMs >= startedMs - 1000) {
      // A submission of this run (its answer lost moments ago): a fresh listing around it.
      const now = options.clock.wallNow().getTime();
      return listAllLogs(options.client, {
        model: [model],
        start: new Date(sinceMs - WINDOW_MARGIN_MS),
        end: new Date(now + WINDOW_MARGIN_MS),
        limit: 100,
      }).then((l) => l.rows);
    }
    // Earlier runs' submissions: one listing per model and hour of submission, from that hour to now, so
    // every shot's window covers its own submission (a shot from an older run is never looked for too late).
    const hour = Math.floor(sinceMs / 3_600_000) * 3_600_000;
    const key = `${model}\u0000${hour}`;
    let listing = listings.get(key);
    if (!listing) {
      listing = listAllLogs(options.client, {
        model: [model],
        start: new Date(hour - WINDOW_MARGIN_MS),
        end: new Date(startedMs + WINDOW_MARGIN_MS),
        limit: 100,
      }).then((l) => l.rows);
      listings.set(key, listing);
    }
    return listing;
  };

  return async (entry, before, reconciled) => {
    const requestId = before.client_request_id;
    if (
      before.status !== "unknown" ||
      !requestId ||
      (before.backend ?? options.backend) !== options.backend
    ) {
      return { kind: "submit" };
    }
    const id = entry.shot.id;
    const sentMs = before.submitted_at ? Date.parse(before.submitted_at) : Number.NaN;
    const since = Number.isFinite(sentMs) ? sentMs : startedMs - 24 * 3600_000;
    // Looked for again (a later run, or the same run after a lost answer): the count goes on.
    const lookups =
      (before.reconciliation?.client_request_id === requestId ? before.reconciliation.lookups : 0) + 1;
    const report = (r: Omit<Reconciliation, "id" | "clientRequestId">): void => {
      reconciled({
        at: options.clock.wallNow().toISOString(),
        client_request_id: requestId,
        found: r.found,
        action: r.action,
        generation_id: r.generationId,
        lookups,
        message: r.message,
      });
      options.onReconciled?.({ id, clientRequestId: requestId, ...r });
    };
    let rows: LogRow[];
    try {
      rows = await rowsFor(before.model, since);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      if (options.resubmitUnknown) {
        report({
          found: "unreadable",
          action: "resubmitted",
          generationId: null,
          message: `the request logs cannot be read (${why}); submitting again (--resubmit-unknown)`,
        });
        return { kind: "submit" };
      }
      const message = `cannot tell whether its last submission (request ${requestId}) made a generation: the request logs cannot be read (${why}); not paying again — render with --resubmit-unknown to submit it anyway`;
      report({ found: "unreadable", action: "kept_unknown", generationId: null, message });
      throw new ReconcileError("E_LOGS_UNREADABLE", message, { cause: err });
    }
    const mine = rows.filter((r) => r.clientRequestId === requestId);
    // A retried POST carries the same request id: one succeeded row means a generation exists.
    const row = mine.find((r) => r.status === "succeeded" && r.inferenceId) ?? mine[0];
    if (row?.status === "succeeded" && row.inferenceId) {
      report({
        found: "succeeded",
        action: "adopted",
        generationId: row.inferenceId,
        message: `the request logs show its last submission (request ${requestId}) created generation ${row.inferenceId}: polling it, not paying again`,
      });
      return { kind: "generation", generationId: row.inferenceId };
    }
    if (row?.status === "failed") {
      report({
        found: "failed",
        action: "resubmitted",
        generationId: null,
        message: `the request logs show its last submission (request ${requestId}) failed, nothing was charged: submitting again`,
      });
      return { kind: "submit" };
    }
    const ageS = Math.max(0, (options.clock.wallNow().getTime() - since) / 1000);
    if (ageS < options.graceSeconds) {
      const message = `its last submission (request ${requestId}, ${Math.round(ageS)} s ago) is not in the request logs yet, which may lag behind: not paying again within ${options.graceSeconds} s — render again later (or lower --reconcile-grace)`;
      report({ found: "none", action: "waiting", generationId: null, message });
      throw new ReconcileError("E_RECONCILE_PENDING", message);
    }
    report({
      found: "none",
      action: "resubmitted",
      generationId: null,
      message: `its last submission (request ${requestId}) is not in the request logs ${Math.round(ageS)} s later: it made no generation; submitting again`,
    });
    return { kind: "submit" };
  };
}
