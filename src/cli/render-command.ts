// `storyreel render`: options → render() → live/plain/JSON output → summary → exit code.
import { render } from "../commands/render.js";
import { RENDER_DEFAULTS } from "./render-defaults.js";
import type { RenderOptions } from "../commands/render.js";
import { quietSummaryText, summaryText } from "../report/index.js";
import type { NextStepsInput } from "../report/index.js";
import type { CliIo } from "./io.js";
import { parseLatencySpec } from "../simulator/index.js";
import { backendFlags, nonNegativeNumber, positiveSeconds, wholeNumber } from "./option-rules.js";
import { selectionFromFlags } from "./selection-flags.js";
import type { SelectionFlags } from "./selection-flags.js";
import { chooseReporter } from "./reporter-choice.js";
import { installStopHandlers } from "./signals.js";
import { reportToGithubActions } from "./github-actions.js";
import { runStoppedHint } from "./errors.js";
import { fromCwd } from "./paths.js";
import { nextRenderCommand } from "./next-command.js";

/** Commander's defaults for render's tuning options (a rerun command repeats only values that differ). */
export { RENDER_DEFAULTS };

export interface RenderFlags extends SelectionFlags {
  out?: string;
  sim?: boolean;
  simLatency?: string;
  concurrency?: string;
  pollInterval?: string;
  shotTimeout?: string;
  maxCredits?: string;
  baseUrl?: string;
  json?: boolean;
  quiet?: boolean;
}

export async function renderCommand(file: string, flags: RenderFlags, io: CliIo): Promise<number> {
  backendFlags(flags);
  const selection = selectionFromFlags(flags);
  const options: RenderOptions = {
    storyboard: fromCwd(io, file),
    env: io.env,
    cwd: io.cwd,
    selection,
    ...(flags.out !== undefined ? { outDir: fromCwd(io, flags.out) } : {}),
    ...(flags.concurrency !== undefined
      ? { concurrency: wholeNumber("--concurrency", flags.concurrency) }
      : {}),
    ...(flags.pollInterval !== undefined
      ? { pollInterval: positiveSeconds("--poll-interval", flags.pollInterval) }
      : {}),
    ...(flags.shotTimeout !== undefined
      ? { shotTimeout: positiveSeconds("--shot-timeout", flags.shotTimeout) }
      : {}),
    ...(flags.maxCredits !== undefined
      ? { maxCredits: nonNegativeNumber("--max-credits", flags.maxCredits) }
      : {}),
    ...(flags.baseUrl !== undefined ? { baseUrl: flags.baseUrl } : {}),
  };
  if (flags.sim) {
    options.sim =
      flags.simLatency !== undefined ? { latency: parseLatencySpec(flags.simLatency, { unit: "s" }) } : {};
  }
  const reporter = chooseReporter({ io, json: flags.json === true, quiet: flags.quiet === true });
  const stop =
    io.handleSignals || io.outputClosed
      ? installStopHandlers({ stderr: io.stderr, signals: io.handleSignals, outputClosed: io.outputClosed })
      : null;
  try {
    const result = await render({
      ...options,
      onEvent: (event) => reporter.onEvent(event),
      ...(stop ? { signal: stop.signal } : {}),
    });
    reporter.close();
    const next: NextStepsInput = {
      manifest: result.manifest,
      command: nextRenderCommand({
        storyboard: file,
        out: flags.out ?? null,
        manifest: result.manifest,
      }),
      only: selection.only ?? null,
      shard: selection.shard ?? null,
    };
    if (flags.quiet) {
      // --quiet is "errors only": what failed, was skipped or is unknown, and how to render it, on stderr.
      io.stderr.write(quietSummaryText(next));
    } else if (!flags.json) {
      io.stdout.write(summaryText({ ...next, counts: result.counts, removed: result.removed }));
    }
    if (result.fatal) {
      const hint = runStoppedHint(result.fatal.code);
      io.stderr.write(`error: ${result.fatal.message}\n${hint ? `${hint}\n` : ""}`);
    }
    // GitHub Actions: job summary + annotations on failed shots (only when the env says we run there).
    await reportToGithubActions({ io, result, next, json: flags.json === true });
    return result.exitCode;
  } finally {
    reporter.close();
    stop?.dispose();
  }
}
