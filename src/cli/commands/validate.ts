// `storyreel validate <file...>`: its flags and help; problems to stderr (or JSON to stdout), exit 2 if any file has one.
import type { Command } from "commander";
import type { CommandContext } from "../command-context.js";
import type { CliIo } from "../io.js";
import { fromCwd } from "../paths.js";

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
      ctx.setExitCode(await validateCommand(files, flags, ctx.io));
    });
}

export async function validateCommand(
  files: string[],
  flags: { json?: boolean },
  io: CliIo,
): Promise<number> {
  const { validate } = await import("../../commands/validate/index.js");
  const { formatDiagnostic } = await import("../../storyboard/index.js");
  const result = await validate({ files: files.map((f) => fromCwd(io, f)) });
  if (flags.json) {
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return result.valid ? 0 : 2;
  }
  for (const file of result.files) {
    if (file.valid) {
      io.stdout.write(`${file.file}: ok\n`);
      continue;
    }
    for (const d of file.diagnostics) io.stderr.write(`${formatDiagnostic(d)}\n`);
    const n = file.diagnostics.length;
    io.stderr.write(`${file.file}: ${n} problem${n === 1 ? "" : "s"}\n`);
  }
  return result.valid ? 0 : 2;
}
