// What to run next: the one command that renders exactly what is left, and how to resubmit unknown shots safely.
import type { Manifest, ShotRecord } from "../manifest/index.js";
import { inShard, shardKeys } from "../scheduler/index.js";
import type { Shard } from "../scheduler/index.js";

/** A completed shot whose clip is not usable on disk (status checks it). */
export type ClipProblem = "missing" | "corrupt";

export interface NextStepsInput {
  manifest: Manifest;
  /** The render command with the flags that say where and how, without selection flags (--only/--failed/--force). */
  command: string;
  /** The run's --only: what is left is looked for among these shots, and the rerun keeps --only. */
  only?: readonly string[] | null;
  /** The run's --shard (already in `command`): other shards' shots are not this run's business. */
  shard?: Shard | null;
  /** Completed shots whose clip is missing or corrupt (status): they are left too. */
  clipProblems?: ReadonlyMap<string, ClipProblem> | null;
}

/** Whether a shot belongs to what the run was asked to render (its --shard and --only). */
export function inScope(
  shot: Pick<ShotRecord, "id">,
  input: Pick<NextStepsInput, "only" | "shard" | "manifest">,
): boolean {
  if (input.shard && !inShard(shardKeys(input.manifest.shots)(shot.id), input.shard)) return false;
  return !input.only || input.only.length === 0 || input.only.includes(shot.id);
}

/**
 * The rule. What is left = every shot in scope (--shard, --only) that is not completed with a usable clip.
 * - all of it failed, unknown or skipped → `--failed`, which selects exactly those (with --only kept: only those of
 *   them);
 * - anything pending, in flight, or completed with its clip missing/corrupt besides → a plain rerun (--only kept):
 *   it resumes in-flight generations (polled, not paid again), fetches lost clips again, submits pending shots and
 *   renders the failed/unknown/skipped ones again, where `--failed` would leave the unfinished ones behind;
 * - nothing but unknown shots → only the unknown line: its `--only <ids>` is that command.
 * Unknown shots may have been charged, so their line comes first and says to check the usage page before any of
 * these commands (which submit them again too). --force is never kept: it would pay again for completed shots.
 */
export function nextSteps(input: NextStepsInput): string[] {
  const { command } = input;
  const problems = input.clipProblems ?? new Map<string, ClipProblem>();
  const left = input.manifest.shots.filter(
    (s) => inScope(s, input) && (s.status !== "completed" || problems.has(s.id)),
  );
  const unknown = left.filter((s) => s.status === "unknown").map((s) => s.id);
  const unfinished = left.filter((s) => ["pending", "submitted", "completed"].includes(s.status));
  const redo = left.filter((s) => s.status === "failed" || s.status === "skipped");
  const only = input.only && input.only.length > 0 ? ` --only ${input.only.join(",")}` : "";
  const steps: string[] = [];
  if (unknown.length > 0) {
    const n = unknown.length;
    const them = n === 1 ? "it" : "them";
    const also = redo.length + unfinished.length > 0 ? ` (the command below handles ${them} too)` : "";
    steps.push(
      `${n} submission${n === 1 ? "" : "s"} had an unknown outcome and may have been charged (${unknown.join(", ")}): ` +
        `the next render looks ${them} up in the API's request logs first and pays again only for what made no generation${also}; ` +
        `to render only ${them}: ${command} --only ${unknown.join(",")}`,
    );
  }
  if (unfinished.length > 0) {
    steps.push(
      `resume and render what is left (in-flight generations are polled, not paid again): ${command}${only}`,
    );
  } else if (redo.length > 0) {
    steps.push(`render what failed again: ${command} --failed${only}`);
  }
  return steps;
}
