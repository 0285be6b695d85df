// What the live view knows about a run, folded from RunEvents alone (no clock, no terminal): a pure reducer.
import type { RunEvent } from "../scheduler/index.js";
import { runSkipOf } from "./run-skip.js";

type Finished = Extract<RunEvent, { type: "run_finished" }>;

export interface LiveShot {
  id: string;
  index: number;
  /** Last status seen: "submitted", "resumed", then the API's (queued, generating, …) and "downloading". */
  status: string;
  polls: number;
  /** The shot's elapsed time as of `asOfT` (run time, ms). For a resumed shot: 0 until its first status. */
  elapsedMs: number;
  asOfT: number;
  /** Latest warning about this shot since its last status change (e.g. a poll that failed and is retried). */
  warning: string | null;
}

export interface LiveFailure {
  id: string;
  index: number;
  status: string;
  code: string;
  message: string;
}

export interface LiveState {
  /** run_started seen: the counts below are meaningful. */
  started: boolean;
  /** Shots in the storyboard (selected or not). */
  total: number;
  /** Shots this run renders: submitted fresh or resumed. */
  work: number;
  upToDate: number;
  excluded: number;
  concurrency: number;
  inFlight: Map<string, LiveShot>;
  /** Shots waiting for the clips they start from (shot_waiting), with the shot ids they wait on. */
  waiting: Map<string, { id: string; index: number; on: string[] }>;
  completed: number;
  /** Shots that failed or whose outcome is unknown (never the skipped ones). */
  failures: LiveFailure[];
  /** Shots the run decided not to submit (--max-credits): counted apart from failures. */
  skipped: LiveFailure[];
  /** Credits reported by completed generations so far (the final figure comes with run_finished). */
  credits: number;
  /** Warnings not tied to a shot in flight, oldest first (bounded). */
  notes: string[];
  /** Run time (ms) of the latest event. */
  lastT: number;
  finished: Finished | null;
}

const MAX_NOTES = 3;

export function createLiveState(): LiveState {
  return {
    started: false,
    total: 0,
    work: 0,
    upToDate: 0,
    excluded: 0,
    concurrency: 0,
    inFlight: new Map(),
    waiting: new Map(),
    completed: 0,
    failures: [],
    skipped: [],
    credits: 0,
    notes: [],
    lastT: 0,
    finished: null,
  };
}

/** Folds one event into the state (in place) and returns it. */
export function applyLiveEvent(state: LiveState, event: RunEvent): LiveState {
  state.lastT = Math.max(state.lastT, event.t);
  const skip = runSkipOf(event);
  if (skip) {
    state.inFlight.delete(skip.id);
    state.waiting.delete(skip.id);
    state.skipped.push({ ...skip, status: "skipped" });
    return state;
  }
  switch (event.type) {
    case "run_started":
      state.started = true;
      state.total = event.total;
      state.work = event.toSubmit + event.toResume;
      state.upToDate = event.upToDate;
      state.excluded = event.excluded;
      state.concurrency = event.concurrency;
      break;
    case "shot_skipped":
      break;
    case "shot_waiting":
      state.waiting.set(event.id, { id: event.id, index: event.index, on: event.on });
      break;
    case "shot_submitted":
      state.waiting.delete(event.id);
      state.inFlight.set(event.id, {
        id: event.id,
        index: event.index,
        status: event.resumed ? "resumed" : "submitted",
        polls: 0,
        elapsedMs: 0,
        asOfT: event.t,
        warning: null,
      });
      break;
    case "shot_polled":
    case "shot_status": {
      const shot = state.inFlight.get(event.id);
      if (!shot) break;
      shot.status = event.status;
      shot.polls = event.polls;
      shot.elapsedMs = event.elapsed_ms;
      shot.asOfT = event.t;
      shot.warning = null;
      break;
    }
    case "shot_completed":
      state.inFlight.delete(event.id);
      state.completed += 1;
      state.credits += event.credits_used ?? 0;
      break;
    case "shot_failed":
      state.inFlight.delete(event.id);
      state.failures.push({
        id: event.id,
        index: event.index,
        status: event.status,
        code: event.error.code,
        message: event.error.message,
      });
      break;
    case "shot_reconciled":
    case "warning": {
      const shot = event.id === null ? undefined : state.inFlight.get(event.id);
      if (shot) {
        shot.warning = event.message;
      } else {
        state.notes.push(event.id === null ? event.message : `${event.id}: ${event.message}`);
        if (state.notes.length > MAX_NOTES) state.notes.shift();
      }
      break;
    }
    case "run_finished":
      state.finished = event;
      state.credits = event.credits_used;
      break;
  }
  return state;
}

/** Shots not yet submitted (nor finished, nor waiting for another shot's clip): what the run can start. */
export function queuedCount(state: LiveState): number {
  const finished = state.completed + state.failures.length + state.skipped.length;
  return Math.max(0, state.work - finished - state.inFlight.size - state.waiting.size);
}
