// Registers `storyreel plan`.
import type { Command } from "commander";
import { planCommand } from "../plan-command.js";
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
    .option("--json", "the whole plan as JSON on stdout")
    .addHelpText(
      "after",
      `
Costs are in AIML credits ($1 = 2,000,000 credits): from the catalog's price table where a price is
published, else from credits_used reported for the same model by earlier renders into the same folder;
otherwise "unknown".

Examples:
  storyreel plan examples/storyboards/harbour.yaml
  storyreel plan story.yaml --failed --json

Exit codes: 0 planned, 2 invalid storyboard or usage.`,
    )
    .action(async (file: string, flags: PlanFlags) => {
      ctx.setExitCode(await planCommand(file, flags, ctx.io));
    });
}
