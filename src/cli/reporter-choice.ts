// Picks the renderer: NDJSON with --json, nothing with --quiet, the live view in a terminal, else plain lines.
import { canDrawLive, createJsonReporter, createLiveReporter, createPlainReporter } from "../views/index.js";
import type { LiveStream, Reporter } from "../views/index.js";
import type { CliIo } from "./io.js";

export type ReporterKind = "json" | "quiet" | "live" | "plain";

/**
 * --json → NDJSON; --quiet → nothing; stderr a TTY with a size (not 0 columns or rows), not CI (CI=true/1)
 * nor TERM=dumb → live; else plain.
 */
export function reporterKind(options: { io: CliIo; json: boolean; quiet: boolean }): ReporterKind {
  if (options.json) return "json";
  if (options.quiet) return "quiet";
  const { io } = options;
  const stderr = io.stderr as LiveStream;
  const terminal = { isTTY: io.isTTY, columns: stderr.columns, rows: stderr.rows };
  return canDrawLive({ ...terminal, env: io.env }) ? "live" : "plain";
}

export function chooseReporter(options: { io: CliIo; json: boolean; quiet: boolean }): Reporter {
  const { io } = options;
  switch (reporterKind(options)) {
    case "json":
      return createJsonReporter({ out: io.stdout });
    case "quiet":
      return { onEvent() {}, close() {} };
    case "live":
      return createLiveReporter({ out: io.stderr, env: io.env });
    case "plain":
      return createPlainReporter({ out: io.stderr });
  }
}
