// `storyreel render`: its flags and help, turning flags into the render's options, and what it prints.
import { Option } from "commander";
import type { Command } from "commander";
import type { ClipMove, RenderOptions } from "../../commands/render/index.js";
import type { NextStepsInput } from "../../views/index.js";
import { USD_TO_CREDITS } from "../../catalog/price-table.js";
import { EXIT_CODES_HELP } from "../command-context.js";
import type { CommandContext } from "../command-context.js";
import type { CliIo } from "../io.js";
import { nextRenderCommand } from "../next-command.js";
import {
  backendFlags,
  nonNegativeNumber,
  positiveSeconds,
  UsageError,
  wholeNumber,
} from "../option-rules.js";
import { fromCwd, shellWord, shownPath } from "../paths.js";
import { RENDER_DEFAULTS } from "../render-defaults.js";
import { selectionFromFlags } from "../selection-flags.js";
import type { SelectionFlags } from "../selection-flags.js";

export function registerRender(program: Command, ctx: CommandContext): void {
  program
    .command("render")
    .description("validate, submit, poll and download every shot; write clips, manifest.json and concat.txt")
    .argument("<storyboard>", "storyboard YAML file")
    .option(
      "-o, --out <dir>",
      "output folder (default: the storyboard's output:, else renders/<name> beside it)",
    )
    .option("--sim", "render on the built-in simulator (no key, no network)")
    .option("--sim-latency <seconds>", "simulated generation time with --sim: 3, or a range like 2-4")
    .addOption(numeric("-c, --concurrency <n>", "generations in flight at most", RENDER_DEFAULTS.concurrency))
    .addOption(
      numeric(
        "--poll-interval <seconds>",
        "shortest wait between two polls of one shot (fractions allowed)",
        RENDER_DEFAULTS.pollInterval,
      ),
    )
    .addOption(
      numeric(
        "--shot-timeout <seconds>",
        "fail a shot still unfinished after this long",
        RENDER_DEFAULTS.shotTimeout,
      ),
    )
    .option("--max-credits <n>", "never submit a shot that could take spend past n credits")
    .option("--max-usd <usd>", "the same cap in US dollars ($1 = 2,000,000 credits)")
    .addOption(
      numeric(
        "--reconcile-grace <seconds>",
        "how long the API's request logs may lag behind a lost submission before it is paid again",
        "300",
      ),
    )
    .option("--ignore-balance", "submit even when the account balance is below the run's estimated cost")
    .option("--refresh-prices", "ask the price catalogue now, even if the cached copy is younger than 6 h")
    .option(
      "--resubmit-unknown",
      "submit shots of unknown outcome again even when the request logs cannot be read (may pay twice)",
    )
    .option("--only <ids>", "render just these shots (comma-separated ids)")
    .option("--force", "render again even shots that are up to date (pays again)")
    .option("--failed", "render only shots that failed, are unknown or were skipped in the manifest")
    .option("--shard <i/n>", "render only this runner's share of the shots (by id hash)")
    .option("--base-url <url>", "API base URL (env AIML_API_BASE; default https://api.aimlapi.com)")
    .option(
      "--cache <location>",
      "shared clip cache: a folder or s3://bucket/prefix (env STORYREEL_CACHE; default: the user's cache folder)",
    )
    .option("--no-cache", "do not use the clip cache")
    .option("--cache-read-only", "look clips up in the cache but never store any (untrusted jobs)")
    .option("--json", "NDJSON events on stdout, nothing else there")
    .option(
      "-q, --quiet",
      "errors only: failed, unknown and skipped shots and the command to rerun them, on stderr",
    )
    .addHelpText(
      "after",
      `
The API key comes from AIML_API_KEY (alias AIMLAPI_KEY) and is sent to the API host only.

Examples:
  storyreel render examples/storyboards/harbour.yaml --sim
  AIML_API_KEY=... storyreel render story.yaml -c 8
  storyreel render story.yaml --failed          # render again what failed last time
  storyreel render story.yaml --only open,mona  # just these shots
${EXIT_CODES_HELP}`,
    )
    .action(async (file: string, flags: RenderFlags) => {
      ctx.setExitCode(await renderCommand(file, flags, ctx.io));
    });
}

/** An option whose default is a number: shown as `(default: 4)`, not commander's quoted `(default: "4")`. */
function numeric(flags: string, description: string, value: string): Option {
  return new Option(flags, description).default(value, value);
}

export interface RenderFlags extends SelectionFlags {
  out?: string;
  sim?: boolean;
  simLatency?: string;
  concurrency?: string;
  pollInterval?: string;
  shotTimeout?: string;
  maxCredits?: string;
  maxUsd?: string;
  reconcileGrace?: string;
  resubmitUnknown?: boolean;
  ignoreBalance?: boolean;
  refreshPrices?: boolean;
  baseUrl?: string;
  /** --cache <location>, or false for --no-cache. */
  cache?: string | false;
  cacheReadOnly?: boolean;
  json?: boolean;
  quiet?: boolean;
}

export async function renderCommand(file: string, flags: RenderFlags, io: CliIo): Promise<number> {
  // The work and the renderers load only when render runs (`--help` and the other commands start without them).
  const { render } = await import("../../commands/render/index.js");
  const { quietSummaryText, summaryText } = await import("../../views/index.js");
  const { parseLatencySpec } = await import("../../simulator/index.js");
  const { chooseReporter } = await import("../reporter-choice.js");
  const { installStopHandlers } = await import("../signals.js");
  const { reportToGithubActions } = await import("../github-actions.js");
  const { runStoppedHint } = await import("../errors.js");
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
    ...spendingCap(flags),
    ...(flags.reconcileGrace !== undefined
      ? { reconcileGrace: nonNegativeNumber("--reconcile-grace", flags.reconcileGrace) }
      : {}),
    ...(flags.resubmitUnknown ? { resubmitUnknown: true } : {}),
    ...(flags.ignoreBalance ? { ignoreBalance: true } : {}),
    ...(flags.refreshPrices ? { refreshPrices: true } : {}),
    ...(flags.baseUrl !== undefined ? { baseUrl: flags.baseUrl } : {}),
    ...(flags.cache !== undefined ? { cache: flags.cache === false ? null : flags.cache } : {}),
    ...(flags.cacheReadOnly ? { cacheReadOnly: true } : {}),
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
      if (result.leftovers.length > 0) io.stdout.write(leftoversLine(result.leftovers));
      io.stdout.write(clipMovesText(result.clipMoves));
      if (result.cache && (result.cache.hits > 0 || result.cache.stored > 0)) {
        io.stdout.write(cacheLine(result.cache));
      }
      io.stdout.write(whereThingsWent(io, result));
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

/** The folder, its report and the command that makes the film: render's last lines. */
function whereThingsWent(io: CliIo, result: { outDir: string; reportPath: string }): string {
  const folder = shownPath(io, result.outDir);
  return [
    `output: ${folder}`,
    `report: ${shownPath(io, result.reportPath)}`,
    `film:   storyreel stitch ${shellWord(folder)}`,
    "",
  ].join("\n");
}

/** Clips renamed to their new position and clips moved aside, one line each (nothing when none moved). */
function clipMovesText(moves: { renamed: readonly ClipMove[]; movedAside: readonly ClipMove[] }): string {
  const list = (ms: readonly ClipMove[]): string => ms.map((m) => `${m.from} → ${m.to}`).join(", ");
  const lines: string[] = [];
  if (moves.renamed.length > 0) {
    const n = moves.renamed.length;
    lines.push(
      `renamed ${n} clip${n === 1 ? "" : "s"} to ${n === 1 ? "its shot's" : "their shots'"} new position: ${list(moves.renamed)}`,
    );
  }
  if (moves.movedAside.length > 0) {
    const n = moves.movedAside.length;
    lines.push(
      `moved ${n} clip${n === 1 ? "" : "s"} of shots no longer in the storyboard aside (kept, not deleted): ${list(moves.movedAside)}`,
    );
  }
  return lines.map((l) => `${l}\n`).join("");
}

/** What the clip cache saved and kept, in one line. */
function cacheLine(cache: {
  location: string | null;
  hits: number;
  stored: number;
  readOnly: boolean;
}): string {
  const parts: string[] = [];
  if (cache.hits > 0)
    parts.push(`${cache.hits} shot${cache.hits === 1 ? "" : "s"} from the cache (no request sent)`);
  if (cache.stored > 0) parts.push(`${cache.stored} new clip${cache.stored === 1 ? "" : "s"} stored`);
  return `clip cache ${cache.location ?? ""}${cache.readOnly ? " (read-only)" : ""}: ${parts.join(", ")}\n`;
}

/** One line naming what a dead run left behind and this run removed. */
function leftoversLine(paths: readonly string[]): string {
  const shown = paths.slice(0, 3).join(", ") + (paths.length > 3 ? `, … (${paths.length - 3} more)` : "");
  const what = paths.length === 1 ? "temporary file" : "temporary files";
  return `removed ${paths.length} ${what} an earlier run left when it was killed: ${shown}\n`;
}

/** --max-credits, or --max-usd in credits ($1 = 2,000,000 credits); both at once is refused. */
function spendingCap(flags: RenderFlags): { maxCredits?: number; maxUsd?: number } {
  if (flags.maxCredits !== undefined && flags.maxUsd !== undefined) {
    throw new UsageError(
      `--max-credits ${JSON.stringify(flags.maxCredits)} and --max-usd ${JSON.stringify(flags.maxUsd)} are two caps on one budget: keep one`,
    );
  }
  if (flags.maxUsd !== undefined) {
    const maxUsd = nonNegativeNumber("--max-usd", flags.maxUsd);
    return { maxCredits: Math.floor(maxUsd * USD_TO_CREDITS), maxUsd };
  }
  if (flags.maxCredits !== undefined)
    return { maxCredits: nonNegativeNumber("--max-credits", flags.maxCredits) };
  return {};
}
