// --json: every scheduler event as one NDJSON line on stdout, and nothing else there.
import type { RunEvent } from "../scheduler/index.js";
import type { Reporter, Writable } from "./reporter.js";

export function createJsonReporter(options: { out: Writable }): Reporter {
  return {
    onEvent(event: RunEvent) {
      options.out.write(`${JSON.stringify(published(event))}\n`);
    },
    close() {},
  };
}

/**
 * A shot the run skipped (--max-credits) is a `shot_skipped` line with status "skipped", never a `shot_failed`
 * one: the scheduler's older shape (shot_failed, status "skipped") is rewritten so consumers count it once,
 * as skipped, whichever shape the scheduler emits. The recorded error rides along.
 */
function published(event: RunEvent): object {
  if (event.type !== "shot_failed" || event.status !== "skipped") return event;
  return {
    type: "shot_skipped",
    t: event.t,
    id: event.id,
    index: event.index,
    reason: event.error.message,
    status: "skipped",
    error: event.error,
  };
}
