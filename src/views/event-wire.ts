// The NDJSON wire form of a run event (`render --json`, schemas/events.schema.json): snake_case keys and a schema version.
import type { RunCounts, RunEvent } from "../scheduler/index.js";

/** The event stream's format version: `run_started.schema_version`, and `version` in schemas/events.schema.json. */
export const EVENTS_SCHEMA_VERSION = 1;

/** RunCounts as written on the wire. */
export interface WireCounts {
  total: number;
  completed: number;
  failed: number;
  unknown: number;
  skipped: number;
  up_to_date: number;
  excluded: number;
  in_flight: number;
  pending: number;
}

type Started = Extract<RunEvent, { type: "run_started" }>;
type Finished = Extract<RunEvent, { type: "run_finished" }>;

/** One line of the NDJSON stream: a RunEvent with every key in snake_case, and run_started's schema_version. */
export type WireEvent =
  | Exclude<RunEvent, { type: "run_started" | "run_finished" }>
  | (Omit<Started, "toSubmit" | "toResume" | "upToDate"> & {
      schema_version: typeof EVENTS_SCHEMA_VERSION;
      to_submit: number;
      to_resume: number;
      up_to_date: number;
    })
  | (Omit<Finished, "counts"> & { counts: WireCounts });

/** The wire form of `counts`. */
export function toWireCounts(counts: RunCounts): WireCounts {
  return {
    total: counts.total,
    completed: counts.completed,
    failed: counts.failed,
    unknown: counts.unknown,
    skipped: counts.skipped,
    up_to_date: counts.upToDate,
    excluded: counts.excluded,
    in_flight: counts.inFlight,
    pending: counts.pending,
  };
}

/** The wire form of `event` (pure; the event is not changed). */
export function toWireEvent(event: RunEvent): WireEvent {
  switch (event.type) {
    case "run_started": {
      const { type, at, total, toSubmit, toResume, upToDate, ...rest } = event;
      return {
        type,
        schema_version: EVENTS_SCHEMA_VERSION,
        at,
        total,
        to_submit: toSubmit,
        to_resume: toResume,
        up_to_date: upToDate,
        ...rest,
      };
    }
    case "run_finished":
      return { ...event, counts: toWireCounts(event.counts) };
    default:
      return event;
  }
}
