// Registers `storyreel report`: a self-contained report.html of an output folder.
import type { Command } from "commander";
import type { CommandContext } from "../command-context.js";
import type { CliIo } from "../io.js";
import { REFUSED, unlessRefused } from "../refusal.js";
import { fromCwd, shownPath } from "../paths.js";

export function registerReport(program: Command, ctx: CommandContext): void {
  program
    .command("report")
    .description(
      "write report.html in an output folder: every shot with poster, clip, prompt, status and cost",
    )
    .argument("<out-dir>", "output folder of a render (or of merge), or the storyboard file")
    .option("--json", "the result as JSON on stdout")
    .addHelpText(
      "after",
      `
render writes the same report at the end of every run; use this after merge, or to refresh it.
Poster frames are cached in <out-dir>/.storyreel/posters, so running it again is cheap.

Examples:
  storyreel report renders/harbour
  xdg-open renders/harbour/report.html

Exit codes: 0 report written, 1 it could not be written, 2 no manifest.json in the folder (or an invalid one).`,
    )
    .action(async (outDir: string, flags: { json?: boolean }) => {
      ctx.setExitCode(await reportCommand(outDir, flags, ctx.io));
    });
}

async function reportCommand(outDir: string, flags: { json?: boolean }, io: CliIo): Promise<number> {
  const { writeReport } = await import("../../commands/report/index.js");
  const result = await unlessRefused(io, { json: flags.json }, async () => {
    const { outputArg } = await import("../../commands/shared/index.js");
    const folder = (await outputArg(fromCwd(io, outDir))).outDir;
    return await writeReport({ outDir: folder, cwd: io.cwd });
  });
  if (result === REFUSED) return 2;
  if (flags.json) {
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  }
  io.stdout.write(
    `wrote ${shownPath(io, result.path)}: ${result.cards} shot${result.cards === 1 ? "" : "s"}, ${result.posters} with a poster frame (${result.postersMade} new)\n`,
  );
  return 0;
}
