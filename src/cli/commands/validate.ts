// Registers `storyreel validate`.
import type { Command } from "commander";
import type { CommandContext } from "../command-context.js";

export function registerValidate(program: Command, ctx: CommandContext): void {
  program
    .command("validate")
    .description("check storyboards against the format and every model's rules; send nothing, write nothing")
    .argument("<files...>", "storyboard YAML files")
    .option("--json", "machine-readable result on stdout")
    .addHelpText(
      "after",
      `
Examples:
  storyreel validate story.yaml
  storyreel validate examples/storyboards/*.yaml --json

Exit codes: 0 all valid, 2 any problem.`,
    )
    .action(async (files: string[], flags: { json?: boolean }) => {
      const { validateCommand } = await import("../validate-command.js");
      ctx.setExitCode(await validateCommand(files, flags, ctx.io));
    });
}
