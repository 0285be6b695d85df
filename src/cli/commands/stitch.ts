// Registers `storyreel stitch`: the completed clips of an output folder, in storyboard order, as one film.
import type { Command } from "commander";
import type { CommandContext } from "../command-context.js";
import type { CliIo } from "../io.js";
import { REFUSED, unlessRefused } from "../refusal.js";
import { fromCwd, shownPath } from "../paths.js";

interface StitchFlags {
  output?: string;
  allowMissing?: boolean;
  json?: boolean;
}

export function registerStitch(program: Command, ctx: CommandContext): void {
  program
    .command("stitch")
    .description("join the completed clips, in storyboard order, into one film (stream copy when they match)")
    .argument("<out-dir>", "output folder of a render (or of merge), or the storyboard file")
    .option("-o, --output <file>", "where to write the film (default: <out-dir>/film.mp4)")
    .option("--allow-missing", "leave out shots without a usable clip instead of refusing")
    .option("--json", "the result as JSON on stdout")
    .addHelpText(
      "after",
      `
Clips that share codec, size, frame rate, pixel format and audio format are joined by stream copy
(fast, lossless). Otherwise they are re-encoded (H.264 yuv420p + AAC) to the most common size
(others letterboxed, aspect kept) and frame rate, with silence added to clips without audio.

Examples:
  storyreel stitch renders/harbour
  storyreel stitch renders/harbour -o harbour.mp4
  storyreel stitch renders/harbour --allow-missing   # film of what is done so far

Exit codes: 0 film written, 1 ffmpeg failed, 2 refused (a shot has no usable clip, no manifest.json, usage).`,
    )
    .action(async (outDir: string, flags: StitchFlags) => {
      ctx.setExitCode(await stitchCommand(outDir, flags, ctx.io));
    });
}

async function stitchCommand(outDir: string, flags: StitchFlags, io: CliIo): Promise<number> {
  const { stitch } = await import("../../commands/stitch/index.js");
  const result = await unlessRefused(io, { json: flags.json }, async () => {
    const { outputArg } = await import("../../commands/shared/index.js");
    return await stitch({
      outDir: (await outputArg(fromCwd(io, outDir))).outDir,
      ...(flags.output !== undefined ? { output: fromCwd(io, flags.output) } : {}),
      ...(flags.allowMissing ? { allowMissing: true } : {}),
    });
  });
  if (result === REFUSED) return 2;
  if (flags.json) {
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  }
  if (result.skippedDetails.length > 0) {
    const list = result.skippedDetails.map(
      (p) => `${p.id} (${p.status}${p.problem === "not completed" ? "" : `, ${p.problem}`})`,
    );
    io.stderr.write(
      `left out ${list.length} shot${list.length === 1 ? "" : "s"} without a usable clip (--allow-missing): ${list.join(", ")}\n`,
    );
  }
  if (result.simulated.length > 0) {
    const n = result.simulated.length;
    io.stderr.write(
      `warning: ${n === result.clips ? "every clip" : `${n} of ${result.clips} clips`} in this film came from the built-in simulator (--sim): placeholders, not real video (${result.simulated.join(", ")}); render without --sim to replace them\n`,
    );
  }
  const { target } = result;
  const how =
    result.mode === "copy"
      ? "by stream copy"
      : `by re-encoding to ${target.width}x${target.height} at ${target.fps} fps${target.audio ? " with audio" : ""} (${result.mismatches.join("; ")})`;
  io.stdout.write(
    `stitched ${result.clips} clip${result.clips === 1 ? "" : "s"} ${how} → ${shownPath(io, result.output)} (${result.durationSeconds.toFixed(1)} s)\n`,
  );
  return 0;
}
