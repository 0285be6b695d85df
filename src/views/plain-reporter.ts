// Plain renderer (no TTY, CI=true): one timestamped line per state change, no ANSI codes.
import type { RunEvent } from "../scheduler/index.js";
import { eventLine } from "./event-line.js";
import { clockTime } from "./format.js";
import type { Reporter, Writable } from "./reporter.js";
import { codedMessage, runSkipOf } from "./run-skip.js";

export function createPlainReporter(options: {
  out: Writable;
  now?: () => Date;
  showExcluded?: boolean;
}): Reporter {
  const now = options.now ?? (() => new Date());
  const write = (line: string): void => void options.out.write(`${clockTime(now())}  ${line}\n`);
  return {
    onEvent(event: RunEvent) {
      const skip = runSkipOf(event);
      if (skip) return write(`${skip.id}  skipped  ${codedMessage(skip)}`);
      if (event.type === "shot_skipped" && event.status !== "completed" && !options.showExcluded) return;
      const line = eventLine(event);
      if (line !== null) write(line);
    },
    close() {},
  };
}
