// Registers `storyreel init [dir]`: writes a starter storyboard and two frames, and says what to run next.
import type { Command } from "commander";
import type { InitResult } from "../../commands/init/index.js";
import type { CommandContext } from "../command-context.js";
import type { CliIo } from "../io.js";
import { fromCwd, shellWord, shownPath } from "../paths.js";

export function registerInit(program: Command, ctx: CommandContext): void {
  program
    .command("init")
    .description("write a starter storyboard.yaml and two frames that validate and render on --sim as is")
    .argument("[dir]", "folder to write into (created when missing)", ".")
    .option("--json", "the files written as JSON on stdout")
    .addHelpText(
      "after",
      `
It writes <dir>/storyboard.yaml (with its $schema line, so editors complete every key) and
<dir>/frames/first.png and last.png. It never overwrites: if any of them exists, nothing is written.

Examples:
  storyreel init my-film
  storyreel render my-film/storyboard.yaml --sim   # try it offline on the built-in simulator

Exit codes: 0 written, 1 it could not be written (e.g. no permission), 2 a file is already there
(or <dir> is a file): nothing was written.`,
    )
    .action(async (dir: string, flags: { json?: boolean }) => {
      ctx.setExitCode(await initCommand(dir, flags, ctx.io));
    });
}

async function initCommand(dir: string, flags: { json?: boolean }, io: CliIo): Promise<number> {
  const { InitRefusedError, initProject, refusal } = await import("../../commands/init/index.js");
  let result: InitResult;
  try {
    result = await initProject({ dir: fromCwd(io, dir) });
  } catch (err) {
    if (!(err instanceof InitRefusedError)) throw err;
    io.stderr.write(`error: ${refusal(shownPath(io, err.dir), err.existing)}\n`);
    return 2;
  }
  if (flags.json) {
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  }
  const shown = (path: string): string => shownPath(io, path);
  const storyboard = shellWord(shown(result.storyboard));
  io.stdout.write(
    [
      `wrote ${[result.storyboard, ...result.frames].map(shown).join(", ")}`,
      "next:",
      `  storyreel validate ${storyboard}`,
      `  storyreel render ${storyboard} --sim   # offline: real clips from the built-in simulator`,
      `  AIML_API_KEY=... storyreel render ${storyboard}`,
      "",
    ].join("\n"),
  );
  return 0;
}
