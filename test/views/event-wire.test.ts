// The NDJSON wire form: run_started and run_finished in snake_case with the schema version; every other event as it is.
import { describe, expect, it } from "vitest";
import { EVENTS_SCHEMA_VERSION, createJsonReporter, toWireEvent } from "../../src/views/index.js";
import type { WireEvent } from "../../src/views/index.js";
import type { RunEvent } from "../../src/scheduler/index.js";

/** Keys (own and nested) of a wire event type that are not lower case: `never` when all are snake_case. */
type UpperKeys<E> = E extends readonly (infer I)[]
  ? UpperKeys<I>
  : E extends object
    ? { [K in keyof E & string]: (K extends Lowercase<K> ? never : K) | UpperKeys<E[K]> }[keyof E & string]
    : never;
// Compile-time: a camelCase key anywhere in the wire union is a type error here.
const noCamelCase: [UpperKeys<WireEvent>] extends [never] ? true : false = true;

const counts = {
  total: 4,
  completed: 1,
  failed: 1,
  unknown: 0,
  skipped: 0,
  upToDate: 1,
  excluded: 0,
  inFlight: 1,
  pending: 0,
};

describe("toWireEvent", () => {
  it("run_started: snake_case counts and schema_version", () => {
    const event: RunEvent = {
      type: "run_started",
      at: "2026-12-04T04:00:00.000Z",
      total: 4,
      toSubmit: 2,
      toResume: 1,
      upToDate: 1,
      excluded: 0,
      concurrency: 4,
      backend: "simulator",
      t: 0,
    };
    const copy = structuredClone(event);
    expect(noCamelCase).toBe(true);
    expect(toWireEvent(event)).toEqual({
      type: "run_started",
      schema_version: EVENTS_SCHEMA_VERSION,
      at: "2026-12-04T04:00:00.000Z",
      total: 4,
      to_submit: 2,
      to_resume: 1,
      up_to_date: 1,
      excluded: 0,
      concurrency: 4,
      backend: "simulator",
      t: 0,
    });
    expect(Object.keys(toWireEvent(event)).slice(0, 2)).toEqual(["type", "schema_version"]);
    expect(event).toEqual(copy); // pure
  });

  it("run_finished: snake_case counts, everything else as it is", () => {
    const event: RunEvent = {
      type: "run_finished",
      at: "2026-12-04T04:00:05.000Z",
      elapsed_ms: 5000,
      counts,
      credits_used: 800000,
      interrupted: true,
      fatal: null,
      t: 5000,
    };
    expect(toWireEvent(event)).toEqual({
      ...event,
      counts: {
        total: 4,
        completed: 1,
        failed: 1,
        unknown: 0,
        skipped: 0,
        up_to_date: 1,
        excluded: 0,
        in_flight: 1,
        pending: 0,
      },
    });
    expect(event.counts).toBe(counts); // the event is not changed
  });

  it("other events pass through unchanged (already snake_case)", () => {
    const events: RunEvent[] = [
      { type: "shot_submitted", id: "a", index: 0, generation_id: "g1", resumed: false, t: 3 },
      { type: "warning", id: null, message: "low balance", t: 1 },
      {
        type: "shot_reconciled",
        id: "a",
        index: 0,
        client_request_id: "sr:x:1",
        found: "succeeded",
        action: "adopted",
        generation_id: "g1",
        lookups: 1,
        message: "adopted",
        t: 9,
      },
    ];
    for (const e of events) expect(toWireEvent(e)).toBe(e);
  });

  it("the JSON reporter writes the wire form, one line per event", () => {
    const out: string[] = [];
    const reporter = createJsonReporter({ out: { write: (text: string) => out.push(text) } });
    reporter.onEvent({
      type: "run_finished",
      at: "2026-12-04T04:00:05.000Z",
      elapsed_ms: 1,
      counts,
      credits_used: 0,
      interrupted: false,
      fatal: null,
      t: 1,
    });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/\n$/);
    expect(out[0]).toContain('"up_to_date":1');
    expect(out[0]).toContain('"in_flight":1');
    expect(out[0]).not.toMatch(/upToDate|inFlight/);
  });
});
