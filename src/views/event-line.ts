// One human line per scheduler event (used by the plain renderer and the live view's log).
import type { RunEvent } from "../scheduler/index.js";
import { bytes, credits, seconds } from "./format.js";

export function eventLine(event: RunEvent): string | null {
  switch (event.type) {
    case "run_started": {
      const parts = [`${event.toSubmit} to submit`];
      if (event.toResume) parts.push(`${event.toResume} to resume`);
      if (event.upToDate) parts.push(`${event.upToDate} up to date`);
      if (event.excluded) parts.push(`${event.excluded} not selected`);
      return `rendering ${event.total} shot${event.total === 1 ? "" : "s"}: ${parts.join(", ")} (${event.concurrency} at once)`;
    }
    case "shot_skipped":
      // An announcement: the reason says why ("up to date", "not selected (--only)", …). A shot the run itself
      // skipped (--max-credits) carries an `error`; the renderers show it apart (run-skip.ts).
      return `${event.id}  ${event.status === "completed" ? "kept" : "not rendered"}: ${event.reason}`;
    case "shot_waiting":
      return `${event.id}  waiting  for ${event.on.join(", ")} (starts from ${event.on.length === 1 ? "its" : "their"} clip)`;
    case "shot_submitted":
      return `${event.id}  ${event.resumed ? "resumed" : "submitted"}  generation ${event.generation_id}`;
    case "shot_polled":
      return null; // plain output shows state changes only
    case "shot_status":
      return `${event.id}  ${event.status}  (${event.polls} poll${event.polls === 1 ? "" : "s"}, ${seconds(event.elapsed_ms)})`;
    case "shot_completed": {
      if (event.from_cache) {
        return `${event.id}  completed  ${event.clip} (${bytes(event.bytes)} from the clip cache; no request sent)`;
      }
      const cost = event.credits_used === null ? "" : `, ${credits(event.credits_used)} credits`;
      const warn = event.warnings.length ? `; warning: ${event.warnings.join("; ")}` : "";
      return `${event.id}  completed  ${event.clip} (${bytes(event.bytes)}, ${event.polls} poll${event.polls === 1 ? "" : "s"}, ${seconds(event.elapsed_ms)}${cost})${warn}`;
    }
    case "shot_failed":
      return `${event.id}  ${event.status}  ${event.error.code}: ${event.error.message}`;
    case "shot_reconciled":
      return `${event.id}  reconciled  ${event.message}`;
    case "warning":
      return `${event.id ?? "storyreel"}  warning: ${event.message}`;
    case "run_finished": {
      const c = event.counts;
      const parts = [`${c.completed} completed`];
      if (c.upToDate) parts.push(`${c.upToDate} up to date`);
      if (c.failed) parts.push(`${c.failed} failed`);
      if (c.unknown) parts.push(`${c.unknown} unknown`);
      if (c.skipped) parts.push(`${c.skipped} skipped`);
      if (c.inFlight) parts.push(`${c.inFlight} still in flight`);
      if (c.pending) parts.push(`${c.pending} not submitted`);
      const how = event.fatal ? "stopped" : event.interrupted ? "interrupted" : "finished";
      return `${how} after ${seconds(event.elapsed_ms)}: ${parts.join(", ")}; ${credits(event.credits_used)} credits used`;
    }
  }
}
