// Plain renderer (no TTY, CI=true): one timestamped line per state change, no ANSI codes.
import type { RunEvent } from "../scheduler/index.js";
import { eventLine } from "./event-line.js";
import { clockTime } from "./format.js";
import type { Reporter, Writable } from "./reporter.js";

export function createPlainReporter(options: {
  out: Writable;
  now?: () => Date;
  showExcluded?: boolean;
}): Reporter {
  const now = options.now ?? (() => new Date());
  return {
    onEvent(event: RunEvent) {
      if (event.type === "shot_skipped" && event.status !== "completed" && !options.showExcluded) return;
      const line = eventLine(event);
      if (line !== null) options.out.write(`${clockTime(now())}  ${line}\n`);
    },
    close() {},
  };
}
