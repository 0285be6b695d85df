// In GitHub Actions ($GITHUB_STEP_SUMMARY / GITHUB_ACTIONS set): after a render, a job summary and annotations.
import { relative } from "node:path";
import type { RenderResult } from "../commands/render/index.js";
import { writeGithubReport } from "../views/index.js";
import type { NextStepsInput } from "../views/index.js";
import type { CliIo } from "./io.js";

export async function reportToGithubActions(options: {
  io: CliIo;
  result: RenderResult;
  /** The command to type again (without selection flags) and the run's --only/--shard. */
  next: Pick<NextStepsInput, "command" | "only" | "shard">;
  /** --json: stdout carries NDJSON only, so annotations go to stderr. */
  json: boolean;
}): Promise<void> {
  const { io, result } = options;
  const stepSummaryPath = io.env.GITHUB_STEP_SUMMARY || null;
  const inActions = io.env.GITHUB_ACTIONS === "true" || stepSummaryPath !== null;
  if (!inActions) return;
  const root = io.env.GITHUB_WORKSPACE || io.cwd;
  const storyboardFile = relative(root, result.storyboard.path).split("\\").join("/");
  try {
    await writeGithubReport({
      manifest: result.manifest,
      counts: result.counts,
      command: options.next.command,
      only: options.next.only ?? null,
      shard: options.next.shard ?? null,
      storyboardFile,
      elapsedMs: result.elapsedMs,
      creditsUsed: result.creditsUsed,
      interrupted: result.interrupted,
      fatal: result.fatal ? { code: result.fatal.code, message: result.fatal.message } : null,
      stepSummaryPath,
      annotations: options.json ? io.stderr : io.stdout,
    });
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    io.stderr.write(`warning: could not write the GitHub job summary to ${stepSummaryPath}: ${reason}\n`);
  }
}
