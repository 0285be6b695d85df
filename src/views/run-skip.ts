// A shot the run itself kept back (--max-credits) is a `shot_skipped` carrying its recorded error; announcements carry none.
import type { RunEvent } from "../scheduler/index.js";

/** A shot the run decided not to submit (e.g. --max-credits), as every renderer shows and counts it. */
export interface RunSkip {
  id: string;
  index: number;
  /** The error the scheduler recorded: E_MAX_CREDITS (over the cap) or E_PRICE_UNKNOWN. */
  code: string;
  message: string;
}

/**
 * The run skip an event reports, or null. Up-to-date and not-selected shots are announced as `shot_skipped`
 * without an `error`; neither they nor a run skip is a failure.
 */
export function runSkipOf(event: RunEvent): RunSkip | null {
  if (event.type !== "shot_skipped" || event.error === undefined) return null;
  return { id: event.id, index: event.index, code: event.error.code, message: event.reason };
}

/** "E_MAX_CREDITS: not submitted: …". */
export function codedMessage(problem: Pick<RunSkip, "code" | "message">): string {
  return problem.code ? `${problem.code}: ${problem.message}` : problem.message;
}
