// `storyreel status` as text: where the folder came from, how far it got, the per-shot table, what to run next.
import type { Manifest, ShotStatus } from "../manifest/index.js";
import type { RunCounts, Shard } from "../scheduler/index.js";
import { credits } from "./format.js";
import { summaryText } from "./summary.js";
import { nextSteps } from "./next-steps.js";
import type { ClipProblem } from "./next-steps.js";

export interface StatusTextInput {
  manifest: Manifest;
  counts: Record<ShotStatus, number> & { total: number };
  creditsUsed: number;
  /** How to show the storyboard and the folder (e.g. relative to the working directory). */
  storyboard: string;
  outDir: string;
  /** The render command that continues this folder, e.g. "storyreel render story.yaml --out renders/x". */
  command: string;
  /** Completed shots whose clip is missing or corrupt on disk. */
  clipProblems?: ReadonlyMap<string, ClipProblem>;
  /** Loopback origin the clips came from (rendered on the simulator), if the manifest shows one. */
  simulatorOrigin?: string | null;
  /** The manifest's --shard: only this runner's shots are counted, listed and left to render. */
  shard?: Shard | null;
}

/** Statuses after "completed" (counted apart: its clip may be missing or corrupt), in the order shown. */
const ORDER: readonly [Exclude<ShotStatus, "completed">, string][] = [
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
  const problems = input.clipProblems ?? new Map<string, ClipProblem>();
  const withProblem = (p: ClipProblem): number => [...problems.values()].filter((v) => v === p).length;
  const parts: string[] = [];
  const add = (n: number, label: string): void => void (n > 0 && parts.push(`${n} ${label}`));
  add(counts.completed - problems.size, "completed");
  add(withProblem("missing"), "clip missing");
  add(withProblem("corrupt"), "clip corrupt");
  for (const [status, label] of ORDER) add(counts[status], label);
  const head = [
    ...(manifest.title ? [manifest.title] : []),
    `storyboard  ${input.storyboard}`,
    `output      ${input.outDir}`,
    ...(input.shard
      ? [
          `shard       ${input.shard.index}/${input.shard.count}: ${counts.total} of ${manifest.shots.length} shots are this runner's (storyreel merge combines the runners' folders)`,
        ]
      : []),
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
  const next = { manifest, command: input.command, clipProblems: problems, shard: input.shard ?? null };
  const summary = summaryText({ ...next, counts: runCounts, removed: [] });
  // The manifest does not record the API a folder was rendered against; clips from a loopback host tell.
  const note =
    input.simulatorOrigin && nextSteps(next).length > 0
      ? `note: this folder was rendered on the simulator (its clips came from ${input.simulatorOrigin}), so the command above has --sim; for a \`storyreel sim\` server still running, use --base-url <its URL> instead.\n`
      : "";
  return `${head.join("\n")}\n${summary}${note}`;
}
