// `storyreel plan`: its flags and help, and the table (or JSON, or dependency graph) of what render would do and cost; submits nothing.
import type { Command } from "commander";
import type { PlannedShot, PlanResult } from "../../commands/plan/index.js";
import { USD_TO_CREDITS, USD_TO_CREDITS_SOURCE } from "../../catalog/price-table.js";
import { table } from "../../views/format.js";
import { graphText } from "../../views/graph-text.js";
import type { GraphFormat } from "../../views/graph-text.js";
import type { CommandContext } from "../command-context.js";
import type { CliIo } from "../io.js";
import { UsageError } from "../option-rules.js";
import { fromCwd } from "../paths.js";
import { selectionFromFlags } from "../selection-flags.js";
import type { SelectionFlags } from "../selection-flags.js";

export function registerPlan(program: Command, ctx: CommandContext): void {
  program
    .command("plan")
    .description(
      "show what render would do — per shot: request, up to date / resume / render, seconds, cost; sends nothing",
    )
    .argument("<storyboard>", "storyboard YAML file")
    .option("-o, --out <dir>", "output folder to compare against (as for render)")
    .option("--only <ids>", "plan just these shots (comma-separated ids)")
    .option("--force", "plan to render again even shots that are up to date")
    .option("--failed", "plan only shots that failed, are unknown or were skipped in the manifest")
    .option("--shard <i/n>", "plan only this runner's share of the shots")
    .option("--sim", "price with the built-in simulator's list (what render --sim runs against)")
    .option(
      "--base-url <url>",
      "API whose price catalogue to use (env AIML_API_BASE; default https://api.aimlapi.com)",
    )
    .option("--cache <location>", "the clip cache to look shots up in (as render's; env STORYREEL_CACHE)")
    .option("--no-cache", "do not look shots up in the clip cache")
    .option("--refresh-prices", "ask the price catalogue now, even if the cached copy is younger than 6 h")
    .option("--json", "the whole plan as JSON on stdout")
    .option(
      "--graph [format]",
      "print the shots' dependency graph (frames handed from shot to shot) instead: mermaid (default) or dot",
    )
    .addHelpText(
      "after",
      `
Costs are in USD and AIML credits ($1 = 2,000,000 credits), each with its basis: the API's price
catalogue (GET /v1/models?include=pricing, no key; cached in $XDG_CACHE_HOME/storyreel and asked again
at most every 6 h, or now with --refresh-prices; offline, the cached copy and its date), the simulator's
made-up list with --sim, else what earlier renders into the same folder on the same backend were charged
(credits_used per second), otherwise "unknown" with the reason.

Examples:
  storyreel plan examples/storyboards/harbour.yaml
  storyreel plan story.yaml --sim
  storyreel plan story.yaml --refresh-prices
  storyreel plan story.yaml --failed --json
  storyreel plan examples/storyboards/chain.yaml --sim --graph   # Mermaid; --graph dot for Graphviz

Exit codes: 0 planned, 2 invalid storyboard or usage.`,
    )
    .action(async (file: string, flags: PlanFlags) => {
      ctx.setExitCode(await planCommand(file, flags, ctx.io));
    });
}

export interface PlanFlags extends SelectionFlags {
  out?: string;
  json?: boolean;
  /** Price with the built-in simulator's list (the backend `render --sim` uses). */
  sim?: boolean;
  baseUrl?: string;
  refreshPrices?: boolean;
  /** --cache <location>, or false for --no-cache. */
  cache?: string | false;
  /** --graph [format]: true for the default (mermaid). */
  graph?: string | boolean;
}

const ACTION_LABEL: Readonly<Record<PlannedShot["action"], string>> = {
  submit: "render",
  resume: "resume",
  skip: "up to date",
  cache: "from cache",
  excluded: "not selected",
};

export async function planCommand(file: string, flags: PlanFlags, io: CliIo): Promise<number> {
  const { plan } = await import("../../commands/plan/index.js");
  if (typeof flags.graph === "string" && !GRAPH_FORMATS.includes(flags.graph as GraphFormat)) {
    throw new UsageError(`--graph takes mermaid or dot, not ${JSON.stringify(flags.graph)}`);
  }
  const result = await plan({
    storyboard: fromCwd(io, file),
    selection: selectionFromFlags(flags),
    ...(flags.out !== undefined ? { outDir: fromCwd(io, flags.out) } : {}),
    prices: await priceFlags(flags, io),
    env: io.env,
    cwd: io.cwd,
    ...(flags.cache !== undefined ? { cache: flags.cache === false ? null : flags.cache } : {}),
  });
  if (flags.graph !== undefined && flags.graph !== false) {
    io.stdout.write(graphOf(result, flags.graph === true ? "mermaid" : flags.graph));
    return 0;
  }
  if (flags.json) {
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  }
  io.stdout.write(planText(result));
  return 0;
}

const GRAPH_FORMATS: readonly GraphFormat[] = ["mermaid", "dot"];

/** The plan as a dependency graph: each shot with what the plan does with it, each frame handed over. */
function graphOf(result: PlanResult, format: string): string {
  const shots = result.shots.map((shot) => ({
    id: shot.id,
    note: shot.after.length > 0 ? `render (after ${shot.after.join(", ")})` : ACTION_LABEL[shot.action],
    needs: shot.needs.map((n) => ({
      shot: n.shot,
      field: n.field,
      frame: typeof n.frame === "number" ? `${n.frame} s` : `${n.frame} frame`,
    })),
  }));
  return graphText(shots, format as GraphFormat);
}

/** --sim, or the API's catalogue at --base-url / AIML_API_BASE / the default, cached in the user's cache folder. */
async function priceFlags(flags: PlanFlags, io: CliIo) {
  if (flags.sim && flags.baseUrl !== undefined) {
    throw new UsageError(
      "--sim and --base-url do not go together: --sim prices with the built-in simulator's list; drop one",
    );
  }
  const { resolveCacheDir } = await import("../../pricing/index.js");
  const cacheDir = resolveCacheDir(io.env);
  const refresh = flags.refreshPrices === true;
  if (flags.sim) return { sim: true, cacheDir, refresh };
  const from = flags.baseUrl !== undefined ? "--base-url" : "AIML_API_BASE";
  const baseUrl = (flags.baseUrl ?? io.env.AIML_API_BASE)?.trim();
  if (baseUrl === undefined || baseUrl === "") return { cacheDir, refresh };
  // Checked like render checks it (https, or http on a loopback host), so a typo is exit 2, not "no catalogue".
  const { parseBaseUrl } = await import("../../api/index.js");
  parseBaseUrl(baseUrl, from);
  return { baseUrl, cacheDir, refresh };
}

export function planText(result: PlanResult): string {
  // Each estimate's basis once, as a numbered footnote: shots of one model and setting share it.
  const bases: string[] = [];
  const footnote = (basis: string): string => {
    const at = bases.indexOf(basis);
    return `[${(at === -1 ? bases.push(basis) : at + 1).toString()}]`;
  };
  const rows = [["shot", "action", "model", "seconds", "est. USD", "est. credits", "request", "why"]];
  for (const shot of result.shots) {
    const submits = shot.action === "submit";
    rows.push([
      shot.id,
      shot.after.length > 0 ? `render (after ${shot.after.join(", ")})` : ACTION_LABEL[shot.action],
      shot.model,
      shot.durationSeconds === null ? "?" : String(shot.durationSeconds),
      !submits ? "-" : shot.estimate.usd === null ? "unknown" : usd(shot.estimate.usd),
      !submits ? "-" : `${creditsCell(shot)} ${footnote(shot.estimate.detail)}`,
      summarise(shot.request, shot.needs),
      shot.reason === ACTION_LABEL[shot.action] ? "" : shot.reason,
    ]);
  }
  const t = result.totals;
  const notes = bases.map((basis, i) => `[${i + 1}] ${basis}`);
  return (
    `${table(rows)}\n\n` +
    (notes.length > 0 ? `${notes.join("\n")}\n\n` : "") +
    `${t.toSubmit} to render (${t.secondsToGenerate} s of video), ${t.toResume} to resume, ${t.upToDate} up to date, ${t.fromCache > 0 ? `${t.fromCache} from cache (no cost), ` : ""}${t.excluded} not selected\n` +
    `estimated cost: ${costText(t)}\n` +
    (result.prices === null ? "" : `${result.prices.note}\n`) +
    `credits are AIML credits: $1 = ${USD_TO_CREDITS.toLocaleString("en-US")} credits (${USD_TO_CREDITS_SOURCE})\n` +
    `output: ${result.outDir}\nnothing was submitted.\n`
  );
}

function creditsCell(shot: PlannedShot): string {
  return shot.estimate.credits === null ? "unknown" : shot.estimate.credits.toLocaleString("en-US");
}

/**
 * "$3.25 (6,500,000 credits): 2 from the catalogue, 1 observed", "… + 2 shots of unknown price",
 * or "unknown (3 shots of unknown price)".
 */
function costText(totals: PlanResult["totals"]): string {
  const n = totals.unknownPrice;
  const unknown = `${n} shot${n === 1 ? "" : "s"} of unknown price`;
  if (n > 0 && n === totals.toSubmit) return `unknown (${unknown})`;
  const b = totals.byBasis;
  const parts = [
    b.catalogue > 0 ? `${b.catalogue} priced by the catalogue` : "",
    b.simulator > 0 ? `${b.simulator} by the simulator's list` : "",
    b.observed > 0 ? `${b.observed} by earlier renders (observed)` : "",
  ].filter((p) => p !== "");
  const known = `${usd(totals.estimatedUsd)} (${totals.estimatedCredits.toLocaleString("en-US")} credits)`;
  const how = parts.length > 0 ? `: ${parts.join(", ")}` : "";
  return n > 0 ? `${known}${how} + ${unknown}` : `${known}${how}`;
}

/** $3.25; amounts under a cent keep their digits ($0.0042). */
function usd(amount: number): string {
  if (amount !== 0 && Math.abs(amount) < 0.01) return `$${amount.toPrecision(2)}`;
  return `$${amount.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** The request in one short line: fields other than the prompt, frames by file name. */
function summarise(request: Record<string, unknown>, needs: PlannedShot["needs"]): string {
  const parts: string[] = [];
  const taken = new Map(needs.map((n) => [n.field, n]));
  for (const [key, value] of Object.entries(request)) {
    if (key === "model" || key === "prompt") continue;
    const need = taken.get(key);
    if (need) {
      // A bound upstream frame: say whose clip it is, not the cached PNG's name.
      parts.push(`${key}=${frameOf(need)}`);
      taken.delete(key);
      continue;
    }
    if (value !== null && typeof value === "object" && "source" in value) {
      const source = String(value.source);
      parts.push(`${key}=${source.startsWith("data:") ? "data:…" : source.split("/").pop()}`);
    } else {
      parts.push(`${key}=${JSON.stringify(value)}`);
    }
  }
  for (const need of taken.values()) parts.push(`${need.field}=${frameOf(need)}`);
  return parts.join(" ");
}

/** "dawn:last", "dawn@2.5s": the shot and frame a field takes. */
function frameOf(need: PlannedShot["needs"][number]): string {
  return typeof need.frame === "number" ? `${need.shot}@${need.frame}s` : `${need.shot}:${need.frame}`;
}
