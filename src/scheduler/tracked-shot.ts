// A generation the run follows (submitted in this run or resumed from an earlier one): what polling it needs to know.
import type { ShotRecord } from "../manifest/index.js";
import type { Clock } from "../util/clock.js";
import type { PlanEntry } from "./plan.js";
import type { FollowedShot } from "./recorder.js";
import type { ShotTiming } from "./run-types.js";

export interface Tracked extends FollowedShot {
  /** "resumed": the id comes from an earlier run; "submitted": this run paid for it. */
  origin: "resumed" | "submitted";
  /** Clock time it fails E_SHOT_TIMEOUT if still unfinished. */
  deadline: number;
  /** Clock time of the first of the 404s the latest polls answered; null when the last poll found it. */
  notFoundSince: number | null;
  /** Age at the last poll that found it still pending; null when none did. */
  lastPendingAge: number | null;
  /** The status the last answer reported ("submitted" before any). */
  lastStatus: string;
  /** Resolves once its id is durable in the manifest: it is never polled before. */
  durable: Promise<void>;
  timing: ShotTiming;
}

export interface TrackHow {
  origin: Tracked["origin"];
  /** Clock time it was submitted (earlier than this run for resumed shots). */
  submittedAt: number;
  /** Clock time this run started following it: its shot timeout counts from here. */
  trackedFrom: number;
  durable: Promise<void>;
}

/** `runStartedAt`: the clock time the run started (timings count from there). */
export function trackedShot(
  entry: PlanEntry,
  generationId: string,
  how: TrackHow,
  run: { startedAt: number; shotTimeoutMs: number },
): Tracked {
  const { shot } = entry;
  return {
    entry,
    generationId,
    origin: how.origin,
    notFoundSince: null,
    submittedAt: how.submittedAt,
    deadline: how.trackedFrom + run.shotTimeoutMs,
    lastPendingAge: null,
    lastStatus: "submitted",
    polls: 0,
    durable: how.durable,
    timing: {
      id: shot.id,
      model: shot.model,
      submittedMs: how.submittedAt - run.startedAt,
      detectedMs: null,
      polls: 0,
    },
  };
}

/** An earlier run's generation followed again from now: its age counts from its recorded submission time. */
export function resumedHow(previous: ShotRecord, clock: Clock): TrackHow {
  const now = clock.now();
  const submittedWall = previous.submitted_at ? Date.parse(previous.submitted_at) : Number.NaN;
  const ageAtStart = Number.isNaN(submittedWall) ? 0 : Math.max(0, clock.wallNow().getTime() - submittedWall);
  return { origin: "resumed", submittedAt: now - ageAtStart, trackedFrom: now, durable: Promise.resolve() };
}
