// Registers `storyreel status`: what an output folder holds, from its manifest (journal replayed).
import type { Command } from "commander";
import type { CommandContext } from "../command-context.js";
import type { CliIo } from "../io.js";
import { REFUSED, unlessRefused } from "../refusal.js";
import { fromCwd, shownPath } from "../paths.js";
import { nextRenderCommand } from "../next-command.js";

export function registerStatus(program: Command, ctx: CommandContext): void {
  program
    .command("status")
    .description("show an output folder's manifest: every shot's status, polls, credits, clip or error")
    .argument("<out-dir>", "output folder of a render (where manifest.json is), or the storyboard file")
    .option("--verify", "check every completed clip's sha256 too (reads every clip; default: its size only)")
    .option("--json", "the manifest and its counts as JSON on stdout")
    .addHelpText(
      "after",
      `
Reads manifest.json and replays manifest.journal, so it also shows generations a killed run had
already paid for. Safe to run while a render is writing the folder (from another terminal).
Each completed shot's clip is checked on disk: "clip missing", or "clip corrupt" when its size
(with --verify: its sha256) is not the recorded one; render fetches such clips again.

Examples:
  storyreel status renders/harbour
  storyreel status renders/harbour --verify
  storyreel status renders/harbour --json | jq '.counts'

Exit codes: 0 every shot completed with its clip intact, 1 some shot is not completed (failed,
unknown, skipped, in flight or not submitted) or its clip is missing or corrupt, 2 no manifest.json
in the folder (or an invalid one).`,
    )
    .action(async (outDir: string, flags: StatusFlags) => {
      ctx.setExitCode(await statusCommand(outDir, flags, ctx.io));
    });
}

interface StatusFlags {
  json?: boolean;
  verify?: boolean;
}

async function statusCommand(outDir: string, flags: StatusFlags, io: CliIo): Promise<number> {
  const { status } = await import("../../commands/status/index.js");
  const { statusText } = await import("../../views/index.js");
  const result = await unlessRefused(io, { json: flags.json }, async () => {
    const { outputArg } = await import("../../commands/shared/index.js");
    const folder = (await outputArg(fromCwd(io, outDir))).outDir;
    return await status({ outDir: folder, ...(flags.verify ? { verify: true } : {}) });
  });
  if (result === REFUSED) return 2;
  const exitCode = result.complete ? 0 : 1;
  if (flags.json) {
    const { manifest, counts, creditsUsed, complete } = result;
    const json = {
      outDir: result.outDir,
      manifestPath: result.manifestPath,
      storyboard: result.storyboardPath,
      counts,
      credits_used: creditsUsed,
      complete,
      clip_problems: result.clipProblems,
      verified: result.verified,
      simulator_origin: result.simulatorOrigin,
      backend: result.manifest.run?.backend ?? null,
      simulated_clips: result.manifest.shots
        .filter((s) => s.status === "completed" && s.backend === "simulator")
        .map((s) => s.id),
      shard: result.manifest.shard ?? null,
      manifest,
    };
    io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return exitCode;
  }
  const storyboard = shownPath(io, result.storyboardPath);
  const out = shownPath(io, result.outDir);
  // A folder from before manifests recorded their run: clips from a loopback host mean the simulator.
  const legacy = result.manifest.run ? null : result.simulatorOrigin;
  const { shard } = result;
  io.stdout.write(
    statusText({
      manifest: result.manifest,
      counts: result.counts,
      creditsUsed: result.creditsUsed,
      storyboard,
      outDir: out,
      command: nextRenderCommand({
        storyboard,
        out,
        manifest: result.manifest,
        legacySimulator: legacy !== null || result.manifest.shots.some((s) => s.backend === "simulator"),
      }),
      shard,
      clipProblems: new Map(result.clipProblems.map((p) => [p.id, p.problem])),
      simulatorOrigin: legacy,
    }),
  );
  return exitCode;
}
