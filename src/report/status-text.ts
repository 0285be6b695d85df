// `storyreel status` as text: where the folder came from, how far it got, the per-shot table, what to run next.
import type { Manifest, ShotStatus } from "../manifest/index.js";
import type { RunCounts } from "../scheduler/index.js";
import { credits } from "./format.js";
import { summaryText } from "./summary.js";

export interface StatusTextInput {
  manifest: Manifest;
  counts: Record<ShotStatus, number> & { total: number };
  creditsUsed: number;
  /** How to show the storyboard and the folder (e.g. relative to the working directory). */
  storyboard: string;
  outDir: string;
  /** The render command that continues this folder, e.g. "storyreel render story.yaml --out renders/x". */
  command: string;
}

const ORDER: readonly [ShotStatus, string][] = [
  ["completed", "completed"],
  ["failed", "failed"],
  ["unknown", "unknown"],
  ["skipped", "skipped"],
  ["submitted", "in flight"],
  ["pending", "not submitted"],
];

export function statusText(input: StatusTextInput): string {
  const { manifest, counts } = input;
  const ended = manifest.finished_at
    ? `ended ${manifest.finished_at}`
    : "not ended (a render is running, or the last one was killed)";
  const parts = ORDER.filter(([status]) => counts[status] > 0).map(
    ([status, label]) => `${counts[status]} ${label}`,
  );
  const head = [
    ...(manifest.title ? [manifest.title] : []),
    `storyboard  ${input.storyboard}`,
    `output      ${input.outDir}`,
    `last run    started ${manifest.started_at}, ${ended}`,
    `${counts.total} shot${counts.total === 1 ? "" : "s"}: ${parts.join(", ") || "none"}; ${credits(input.creditsUsed)} credits used`,
    "",
  ];
  const runCounts: RunCounts = {
    total: counts.total,
    completed: counts.completed,
    failed: counts.failed,
    unknown: counts.unknown,
    skipped: counts.skipped,
    upToDate: 0,
    excluded: 0,
    inFlight: counts.submitted,
    pending: counts.pending,
  };
  return `${head.join("\n")}\n${summaryText({ manifest, counts: runCounts, removed: [], command: input.command })}`;
}
