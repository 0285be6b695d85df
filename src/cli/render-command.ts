// `storyreel render`: options → render() → live/plain/JSON output → summary → exit code.
import { render } from "../commands/render.js";
import { RENDER_DEFAULTS } from "./render-defaults.js";
import type { RenderOptions } from "../commands/render.js";
import type { ClipMove } from "../commands/clip-order.js";
import { quietSummaryText, summaryText } from "../report/index.js";
import type { NextStepsInput } from "../report/index.js";
import type { CliIo } from "./io.js";
import { parseLatencySpec } from "../simulator/index.js";
import { backendFlags, nonNegativeNumber, positiveSeconds, UsageError, wholeNumber } from "./option-rules.js";
import { USD_TO_CREDITS } from "../catalog/index.js";
import { selectionFromFlags } from "./selection-flags.js";
import type { SelectionFlags } from "./selection-flags.js";
import { chooseReporter } from "./reporter-choice.js";
import { installStopHandlers } from "./signals.js";
import { reportToGithubActions } from "./github-actions.js";
import { runStoppedHint } from "./errors.js";
import { fromCwd, shellWord, shownPath } from "./paths.js";
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
