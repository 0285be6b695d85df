// The end-of-run summary: a table of every shot and the exact command that renders what is left.
import type { Manifest, ShotRecord } from "../manifest/index.js";
import type { RunCounts } from "../scheduler/index.js";
import { credits, table } from "./format.js";

export interface SummaryInput {
  manifest: Manifest;
  counts: RunCounts;
  removed: readonly ShotRecord[];
  /** The render command as the user typed it, without selection flags, e.g. "storyreel render story.yaml". */
  command: string;
}

export function summaryText(input: SummaryInput): string {
  const rows: string[][] = [["shot", "status", "duration", "polls", "credits", "clip or error"]];
  for (const shot of input.manifest.shots) {
    rows.push([
      shot.id,
      shot.status,
      shot.duration_seconds == null ? "-" : `${shot.duration_seconds} s`,
      String(shot.polls),
      credits(shot.credits_used),
      shotDetail(shot),
    ]);
  }
  const lines = [table(rows)];
  if (input.removed.length > 0) {
    const clips = input.removed.map((s) => (s.clip ? `${s.id} (${s.clip.path})` : s.id)).join(", ");
    lines.push(`no longer in the storyboard, dropped from the manifest (clips left on disk): ${clips}`);
  }
  lines.push(...nextSteps(input));
  return `${lines.join("\n")}\n`;
}

export function nextSteps(input: Pick<SummaryInput, "manifest" | "counts" | "command">): string[] {
  const { counts, command, manifest } = input;
  const steps: string[] = [];
  const unknown = manifest.shots.filter((s) => s.status === "unknown").map((s) => s.id);
  if (unknown.length > 0) {
    steps.push(
      `${unknown.length} submission${unknown.length === 1 ? "" : "s"} had an unknown outcome and may have been charged (${unknown.join(", ")}): check your AIML usage page, then submit again with: ${command} --only ${unknown.join(",")}`,
    );
  }
  if (counts.failed + counts.skipped > 0) steps.push(`render what failed again: ${command} --failed`);
  if (counts.inFlight + counts.pending > 0) {
    steps.push(`resume (in-flight generations are polled, not paid again): ${command}`);
  }
  return steps;
}

/** A shot's clip (with warnings), its error, or its generation in flight, in a few words. */
export function shotDetail(shot: ShotRecord): string {
  if (shot.status === "completed" && shot.clip) {
    return shot.warnings?.length
      ? `${shot.clip.path} (warning: ${shot.warnings.join("; ")})`
      : shot.clip.path;
  }
  if (shot.error) return `${shot.error.code}: ${shot.error.message}`;
  if (shot.status === "submitted") return `in flight: ${shot.generation_id ?? ""}`;
  return "";
}
