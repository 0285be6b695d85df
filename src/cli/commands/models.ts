// Registers `storyreel models`: the catalog of AIML video models and what a storyboard can ask of each.
import type { Command } from "commander";
import { models } from "../../commands/models.js";
import { modelsText } from "../../report/index.js";
import type { CommandContext } from "../command-context.js";
import type { CliIo } from "../io.js";

export function registerModels(program: Command, ctx: CommandContext): void {
  program
    .command("models")
    .description(
      "list the video models storyreel knows: frames, durations, resolutions, aspect ratios, price",
    )
    .argument("[filter...]", "show only models whose id contains every one of these words (case-insensitive)")
    .option("--json", "the models as JSON on stdout")
    .addHelpText(
      "after",
      `
Columns: first/last = the frame images the model takes (required, optional or none); seconds =
allowed durations; price = whether the catalog has a published price (else plan/--max-credits
treat the cost as unknown); fields = "storyboard" when storyboard keys fill every required field,
"+params: x" when x must be set under the shot's params:.

Examples:
  storyreel models
  storyreel models veo
  storyreel models kling i2v --json

Exit codes: 0 models listed, 1 no model id matches the filter.`,
    )
    .action((filter: string[], flags: { json?: boolean }) => {
      ctx.setExitCode(modelsCommand(filter, flags, ctx.io));
    });
}

function modelsCommand(filter: string[], flags: { json?: boolean }, io: CliIo): number {
  const rows = models({ filter });
  if (flags.json) {
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return rows.length > 0 ? 0 : 1;
  }
  if (rows.length === 0) {
    io.stderr.write(`no model id contains ${filter.map((f) => JSON.stringify(f)).join(" and ")}\n`);
    return 1;
  }
  io.stdout.write(modelsText(rows));
  return 0;
}
