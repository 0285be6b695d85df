// Tells a shot the run itself skipped (--max-credits) from the up-to-date / not-selected announcements, in both scheduler shapes.
import type { RunEvent } from "../scheduler/index.js";

type Event<T extends RunEvent["type"]> = Extract<RunEvent, { type: T }>;

/** A shot the run decided not to submit (e.g. --max-credits), as every renderer shows and counts it. */
export interface RunSkip {
  id: string;
  index: number;
  /** The error the scheduler recorded (E_MAX_CREDITS, E_PRICE_UNKNOWN), or "" when the event carries none. */
  code: string;
  message: string;
}

/** How many `shot_skipped` announcements are still to come (set by run_started). */
export interface SkipTracking {
  announcing: number;
}

/**
 * The scheduler announces every up-to-date and not-selected shot (`shot_skipped` without an `error`) right after
 * `run_started`, before anything is submitted: `upToDate + excluded` of them. A shot the run itself skipped
 * (--max-credits) is, in the scheduler's new shape, a `shot_skipped` carrying the recorded `error` — or, should
 * the error be missing, any `shot_skipped` beyond the announcements; in the old shape, a `shot_failed` with
 * status "skipped". Neither is a failure. Feed every event in order; returns the run skip it reports, or null.
 */
export function runSkipOf(tracking: SkipTracking, event: RunEvent): RunSkip | null {
  if (event.type === "run_started") {
    tracking.announcing = event.upToDate + event.excluded;
    return null;
  }
  if (event.type === "shot_failed") return event.status === "skipped" ? fromFailed(event) : null;
  if (event.type !== "shot_skipped") return null;
  const skip = fromSkipped(event);
  if (skip.code !== "") return skip;
  if (tracking.announcing > 0) {
    tracking.announcing -= 1;
    return null;
  }
  return skip;
}

function fromFailed(event: Event<"shot_failed">): RunSkip {
  return { id: event.id, index: event.index, code: event.error.code, message: event.error.message };
}

function fromSkipped(event: Event<"shot_skipped">): RunSkip {
  return { id: event.id, index: event.index, code: event.error?.code ?? "", message: event.reason };
}

/** "E_MAX_CREDITS: not submitted: …" (or E_PRICE_UNKNOWN), or just the message when there is no code. */
export function codedMessage(problem: Pick<RunSkip, "code" | "message">): string {
  return problem.code ? `${problem.code}: ${problem.message}` : problem.message;
}
