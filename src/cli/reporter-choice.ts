// Picks the renderer: NDJSON with --json, nothing with --quiet, else plain timestamped lines on stderr.
import { createJsonReporter, createPlainReporter } from "../report/index.js";
import type { Reporter } from "../report/index.js";
import type { CliIo } from "./io.js";

export function chooseReporter(options: { io: CliIo; json: boolean; quiet: boolean }): Reporter {
  const { io } = options;
  if (options.json) return createJsonReporter({ out: io.stdout });
  if (options.quiet) return { onEvent() {}, close() {} };
  return createPlainReporter({ out: io.stderr });
}
