// GitHub Actions output: a Markdown job summary of the run and workflow-command annotations on failed shots.
import { appendFile } from "node:fs/promises";
import type { Manifest, ShotError, ShotRecord } from "../manifest/index.js";
import type { RunCounts, Shard } from "../scheduler/index.js";
import { eventLine } from "./event-line.js";
import { credits } from "./format.js";
import type { Writable } from "./reporter.js";
import { inScope, nextSteps } from "./next-steps.js";
import { simulatedNote } from "./simulated-note.js";
import { shardShots, shotDetail } from "./summary.js";

export interface GithubReportInput {
  manifest: Manifest;
  counts: RunCounts;
  /** The render command to type again, without selection flags (as in summaryText). */
  command: string;
  /** The storyboard as GitHub should point at it: relative to the workspace, POSIX separators. */
  storyboardFile: string;
  elapsedMs: number;
  creditsUsed: number;
  interrupted: boolean;
  /** The error that stopped the run (401/403, …), if any. */
  fatal: ShotError | null;
  /** The run's --only (kept by the command to run next). */
  only?: readonly string[] | null;
  /** The run's --shard: other shards' shots are left out of the table, the annotations and what is left. */
  shard?: Shard | null;
}

const STATUS_MARK: Readonly<Record<ShotRecord["status"], string>> = {
  completed: "✅ completed",
  failed: "❌ failed",
  unknown: "⚠️ unknown",
  skipped: "⏭️ skipped",
  submitted: "⏳ in flight",
  pending: "⏸️ not submitted",
};

/** The Markdown appended to $GITHUB_STEP_SUMMARY: title, counts, one table row per shot, what to run next. */
export function githubStepSummary(input: GithubReportInput): string {
  const { manifest } = input;
  const title = manifest.title ?? input.storyboardFile;
  const outcome = eventLine({
    type: "run_finished",
    t: input.elapsedMs,
    at: "",
    elapsed_ms: input.elapsedMs,
    counts: input.counts,
    credits_used: input.creditsUsed,
    interrupted: input.interrupted,
    fatal: input.fatal,
  });
  const lines = [
    `### storyreel: ${cell(title)}`,
    "",
    `${cell(outcome ?? "")} (storyboard ${cell(input.storyboardFile)})`,
    "",
  ];
  if (input.fatal) lines.push(`**Stopped:** ${cell(`${input.fatal.code}: ${input.fatal.message}`)}`, "");
  lines.push(
    "| shot | status | duration | polls | credits | clip or error |",
    "| --- | --- | --- | --- | --- | --- |",
  );
  const shots = shardShots(manifest, input);
  for (const shot of shots) {
    const row = [
      shot.id,
      STATUS_MARK[shot.status],
      shot.duration_seconds == null ? "-" : `${shot.duration_seconds} s`,
      String(shot.polls),
      credits(shot.credits_used),
      shotDetail(shot),
    ];
    lines.push(`| ${row.map(cell).join(" | ")} |`);
  }
  const others = manifest.shots.length - shots.length;
  if (others > 0) lines.push("", `${others} shot${others === 1 ? "" : "s"} of other shards not shown.`);
  const simulated = simulatedNote(shots);
  if (simulated) lines.push("", `**${cell(simulated)}**`);
  const steps = nextSteps(input);
  lines.push("");
  if (steps.length > 0) lines.push("Next:", "", ...fenced(steps.join("\n")));
  else lines.push("Every shot is rendered.");
  return `${lines.join("\n")}\n\n`;
}

/** One `::error` (failed, unknown) or `::warning` (skipped) workflow command per shot, pointing at its line. */
export function githubAnnotations(
  input: Pick<GithubReportInput, "manifest" | "storyboardFile" | "fatal" | "only" | "shard">,
): string[] {
  const out: string[] = [];
  if (input.fatal) {
    out.push(`::error title=storyreel::${escapeWorkflowData(`${input.fatal.code}: ${input.fatal.message}`)}`);
  }
  for (const shot of input.manifest.shots) {
    const level = shot.status === "skipped" ? "warning" : "error";
    if (shot.status !== "failed" && shot.status !== "unknown" && shot.status !== "skipped") continue;
    if (!inScope(shot, input)) continue;
    const props = [`file=${escapeWorkflowProperty(input.storyboardFile)}`];
    if (shot.line !== undefined) props.push(`line=${shot.line}`);
    props.push(`title=${escapeWorkflowProperty(`storyreel ${shot.id}`)}`);
    const error = shot.error ? `${shot.error.code}: ${shot.error.message}` : "no error recorded";
    out.push(`::${level} ${props.join(",")}::${escapeWorkflowData(`${shot.status}: ${error}`)}`);
  }
  return out;
}

/** Appends the step summary (when a path is given) and prints the annotations (when a stream is given). */
export async function writeGithubReport(
  input: GithubReportInput & { stepSummaryPath: string | null; annotations: Writable | null },
): Promise<void> {
  if (input.annotations) {
    for (const line of githubAnnotations(input)) input.annotations.write(`${line}\n`);
  }
  if (input.stepSummaryPath) await appendFile(input.stepSummaryPath, githubStepSummary(input), "utf8");
}

/** Workflow-command message text: % CR LF escaped, as GitHub's toolkit does. */
export function escapeWorkflowData(text: string): string {
  return text.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}

/** Workflow-command property value: like escapeWorkflowData, plus ":" and ",". */
export function escapeWorkflowProperty(text: string): string {
  return escapeWorkflowData(text).replaceAll(":", "%3A").replaceAll(",", "%2C");
}

/** Text safe inside a Markdown table cell: no HTML, no column breaks, one line. */
function cell(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll("|", "\\|")
    .replace(/\r?\n|\r/g, " ");
}

/** A fenced code block whose fence is longer than any backtick run inside. */
function fenced(text: string): string[] {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return [`${fence}text`, text, fence];
}
