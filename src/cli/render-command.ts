// `storyreel render`: options → render() → live/plain/JSON output → summary → exit code.
import { render } from "../commands/render.js";
import type { RenderOptions } from "../commands/render.js";
import { summaryText } from "../report/index.js";
import type { CliIo } from "./io.js";
import { parseLatencySpec } from "../simulator/index.js";
import { nonNegativeNumber, positiveSeconds, wholeNumber } from "./option-rules.js";
import { selectionFromFlags } from "./selection-flags.js";
import type { SelectionFlags } from "./selection-flags.js";
import { chooseReporter } from "./reporter-choice.js";
import { installStopHandlers } from "./signals.js";
import { reportToGithubActions } from "./github-actions.js";
import { runStoppedHint } from "./errors.js";

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
  const selection = selectionFromFlags(flags);
  const options: RenderOptions = {
    storyboard: file,
    env: io.env,
    selection,
    ...(flags.out !== undefined ? { outDir: flags.out } : {}),
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
  const stop = io.handleSignals ? installStopHandlers(io.stderr) : null;
  try {
    const result = await render({
      ...options,
      onEvent: (event) => reporter.onEvent(event),
      ...(stop ? { signal: stop.signal } : {}),
    });
    reporter.close();
    if (!flags.json && !flags.quiet) {
      io.stdout.write(
        summaryText({
          manifest: result.manifest,
          counts: result.counts,
          removed: result.removed,
          command: rerunCommand(file, flags),
        }),
      );
    }
    if (result.fatal) {
      const hint = runStoppedHint(result.fatal.code);
      io.stderr.write(`error: ${result.fatal.message}\n${hint ? `${hint}\n` : ""}`);
    }
    // GitHub Actions: job summary + annotations on failed shots (only when the env says we run there).
    await reportToGithubActions({
      io,
      result,
      command: rerunCommand(file, flags),
      json: flags.json === true,
    });
    return result.exitCode;
  } finally {
    reporter.close();
    stop?.dispose();
  }
}

/** The command to type again, keeping the flags that say where and how (not which shots). */
function rerunCommand(file: string, flags: RenderFlags): string {
  const parts = ["storyreel", "render", quote(file)];
  if (flags.out !== undefined) parts.push("--out", quote(flags.out));
  if (flags.sim) parts.push("--sim");
  if (flags.shard !== undefined) parts.push("--shard", flags.shard);
  if (flags.baseUrl !== undefined) parts.push("--base-url", quote(flags.baseUrl));
  return parts.join(" ");
}

function quote(value: string): string {
  return /^[\w./:@%+=,-]+$/.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`;
}
