// Registers `storyreel merge`: shard output folders of one storyboard combined into one folder.
import type { Command } from "commander";
import type { CommandContext } from "../command-context.js";
import type { CliIo } from "../io.js";
import { REFUSED, unlessRefused } from "../refusal.js";
import { fromCwd, shownPath } from "../paths.js";

interface MergeFlags {
  out: string;
  allowMismatch?: boolean;
  json?: boolean;
}

export function registerMerge(program: Command, ctx: CommandContext): void {
  program
    .command("merge")
    .description(
      "combine the output folders of render --shard i/n runs into one folder for stitch and report",
    )
    .argument("<dirs...>", "output folders of the shards (same storyboard)")
    .requiredOption("-o, --out <dir>", "the merged folder (new, or merged into before)")
    .option("--allow-mismatch", "merge even folders rendered from different storyboards (union of the shots)")
    .option("--json", "the result as JSON on stdout")
    .addHelpText(
      "after",
      `
For each shot the most advanced record wins: completed with an intact clip, then submitted (a paid
generation, resumed by the next render), then failed/unknown, then pending; ties go to the latest.
Clips are copied into <out>/clips/ and checked against their sha256.

Examples:
  storyreel render story.yaml --shard 1/2 --out shard-1     # on runner 1
  storyreel render story.yaml --shard 2/2 --out shard-2     # on runner 2
  storyreel merge shard-1 shard-2 --out film && storyreel stitch film

Exit codes: 0 every shot completed, 1 merged but some shots are not completed (listed),
2 refused (different storyboards, no manifest.json, --out is an input, folder locked).`,
    )
    .action(async (dirs: string[], flags: MergeFlags) => {
      ctx.setExitCode(await mergeCommand(dirs, flags, ctx.io));
    });
}

async function mergeCommand(dirs: string[], flags: MergeFlags, io: CliIo): Promise<number> {
  const { merge } = await import("../../commands/merge/index.js");
  const result = await unlessRefused(io, { json: flags.json }, async () => {
    return await merge({
      dirs: dirs.map((d) => fromCwd(io, d)),
      outDir: fromCwd(io, flags.out),
      ...(flags.allowMismatch ? { allowMismatch: true } : {}),
    });
  });
  if (result === REFUSED) return 2;
  const exitCode = result.missing.length === 0 ? 0 : 1;
  if (flags.json) {
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return exitCode;
  }
  const show = (path: string): string => shownPath(io, path);
  const counts = new Map<string, number>();
  for (const dir of Object.values(result.fromDir)) counts.set(dir, (counts.get(dir) ?? 0) + 1);
  const from = [...counts].map(([dir, n]) => `${n} from ${show(dir)}`).join(", ");
  io.stdout.write(
    `merged ${result.shots} shots into ${show(result.outDir)} (${from}); ${result.completed} completed, ${result.copied} clip${result.copied === 1 ? "" : "s"} copied\n`,
  );
  if (result.missing.length > 0) {
    io.stderr.write(
      `not completed in any folder: ${result.missing.join(", ")} (render them into ${show(result.outDir)}, or stitch --allow-missing)\n`,
    );
  }
  return exitCode;
}
