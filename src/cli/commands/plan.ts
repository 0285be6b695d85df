// Registers `storyreel plan`.
import type { Command } from "commander";
import type { PlanFlags } from "../plan-command.js";
import type { CommandContext } from "../command-context.js";

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
      const { planCommand } = await import("../plan-command.js");
      ctx.setExitCode(await planCommand(file, flags, ctx.io));
    });
}
