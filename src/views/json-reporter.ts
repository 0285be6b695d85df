// --json: every scheduler event as one NDJSON line on stdout (its wire form: schemas/events.schema.json), and nothing else there.
import type { RunEvent } from "../scheduler/index.js";
import { toWireEvent } from "./event-wire.js";
import type { Reporter, Writable } from "./reporter.js";

export function createJsonReporter(options: { out: Writable }): Reporter {
  return {
    onEvent(event: RunEvent) {
      options.out.write(`${JSON.stringify(toWireEvent(event))}\n`);
    },
    close() {},
  };
}
