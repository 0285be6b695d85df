// The end-of-run summary: a table of every shot (of this shard) and the exact command that renders what is left.
import type { Manifest, ShotRecord } from "../manifest/index.js";
import type { RunCounts } from "../scheduler/index.js";
import { credits, table } from "./format.js";
import { inScope, nextSteps } from "./next-steps.js";
import type { NextStepsInput } from "./next-steps.js";
import { reconciliationLines } from "./reconciliation-text.js";
import { isSimulatedClip, simulatedNote } from "./simulated-note.js";

export interface SummaryInput extends NextStepsInput {
  counts: RunCounts;
  removed: readonly ShotRecord[];
}

export function summaryText(input: SummaryInput): string {
  const rows: string[][] = [["shot", "status", "duration", "polls", "credits", "clip or error"]];
  const problems = input.clipProblems;
  const shots = shardShots(input.manifest, input);
  for (const shot of shots) {
    const problem = problems?.get(shot.id);
    rows.push([
      shot.id,
      problem ? `clip ${problem}` : shot.status,
      shot.duration_seconds == null ? "-" : `${shot.duration_seconds} s`,
      String(shot.polls),
      credits(shot.credits_used),
      shotDetail(shot),
    ]);
  }
  const lines = [table(rows)];
  const others = input.manifest.shots.length - shots.length;
  if (others > 0) lines.push(`(${others} shot${others === 1 ? "" : "s"} of other shards not shown)`);
  lines.push(...reconciliationLines(shots));
  const simulated = simulatedNote(shots);
  if (simulated) lines.push(simulated);
  if (input.removed.length > 0) {
    const clips = input.removed.map((s) => (s.clip ? `${s.id} (${s.clip.path})` : s.id)).join(", ");
    lines.push(`no longer in the storyboard, dropped from the manifest (clips kept on disk): ${clips}`);
  }
  lines.push(...nextSteps(input));
  return `${lines.join("\n")}\n`;
}

/** The manifest's shots that belong to this run's shard (every shot without --shard). */
export function shardShots(manifest: Manifest, input: Pick<NextStepsInput, "shard">): ShotRecord[] {
  return manifest.shots.filter((s) => inScope(s, { shard: input.shard ?? null, manifest }));
}

/** A shot's clip (with warnings), its error, or its generation in flight, in a few words. */
export function shotDetail(shot: ShotRecord): string {
  if (shot.status === "completed" && shot.clip) {
    const clip = isSimulatedClip(shot) ? `${shot.clip.path} (simulated)` : shot.clip.path;
    return shot.warnings?.length ? `${clip} (warning: ${shot.warnings.join("; ")})` : clip;
  }
  if (shot.error) return `${shot.error.code}: ${shot.error.message}`;
  if (shot.status === "submitted") return `in flight: ${shot.generation_id ?? ""}`;
  const upstream = [...new Set(Object.values(shot.upstream ?? {}).map((ref) => ref.shot))];
  if (shot.status === "pending" && upstream.length > 0) {
    return `waiting for ${upstream.join(", ")} (starts from ${upstream.length === 1 ? "its" : "their"} clip)`;
  }
  return "";
}
