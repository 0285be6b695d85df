// The chain scenario's own figures (pure): ideal respecting dependencies, makespan / ideal, frame extraction cost.
import type { BindTimes } from "./chain-binder.js";
import type { RunRecord } from "./figures.js";
import { greedyChainMakespan } from "./ideal-schedule.js";
import type { ChainJob } from "./ideal-schedule.js";
import type { SimSnapshot } from "./sim-protocol.js";
import { summarize } from "./stats.js";
import type { Summary } from "./stats.js";

export interface ChainFigures {
  chains: number;
  length: number;
  /** Greedy list schedule of the simulator's generation times on the slots, respecting dependencies, no overhead. */
  greedyChainMs: number;
  /** The longest dependency path of generation times (no schedule can beat it). */
  longestChainMs: number;
  /** max(greedyChainMs, longestChainMs). */
  idealMs: number;
  makespanOverIdeal: number;
  /** One entry per frame extracted (clipFrame). */
  extractionMs: Summary & { total: number };
  /** Most extractions under way at once. */
  extractionsAtOnce: number;
  /** One entry per chained shot's prepare (extraction + binding, inside the shot's slot). */
  prepareMs: Summary & { total: number };
  /** Total prepare time ÷ (slots × makespan): the share of slot capacity spent getting frames. */
  prepareSlotShare: number;
}

export function computeChainFigures(input: {
  run: RunRecord;
  sim: SimSnapshot;
  dependencies: ReadonlyMap<string, readonly string[]>;
  shape: { chains: number; length: number };
  slots: number;
  times: BindTimes;
}): ChainFigures {
  const jobsById = new Map(input.sim.jobs.map((job) => [job.id, job]));
  const jobs: ChainJob[] = [];
  for (const id of input.run.shotIds) {
    const generationId = input.run.generationIds.get(id);
    const job = generationId === undefined ? undefined : jobsById.get(generationId);
    if (job?.completesAt == null) continue;
    jobs.push({ id, duration: job.completesAt - job.submittedAt, after: input.dependencies.get(id) ?? [] });
  }
  const greedyChainMs = jobs.length === 0 ? 0 : greedyChainMakespan(jobs, input.slots);
  const longestChainMs = longestPath(jobs);
  const idealMs = Math.max(greedyChainMs, longestChainMs);
  const makespanMs = input.run.elapsedMs;
  const prepare = withTotal(input.times.prepareMs);
  return {
    ...input.shape,
    greedyChainMs,
    longestChainMs,
    idealMs,
    makespanOverIdeal: makespanMs / idealMs,
    extractionMs: withTotal(input.times.extractMs),
    extractionsAtOnce: input.times.maxConcurrent,
    prepareMs: prepare,
    prepareSlotShare: prepare.total / (input.slots * makespanMs),
  };
}

/** The largest sum of durations along a dependency path (upstream jobs missing from `jobs` count as done). */
export function longestPath(jobs: readonly ChainJob[]): number {
  const byId = new Map(jobs.map((j) => [j.id, j]));
  const memo = new Map<string, number>();
  const finish = (job: ChainJob, seen: ReadonlySet<string>): number => {
    const known = memo.get(job.id);
    if (known !== undefined) return known;
    if (seen.has(job.id)) throw new RangeError(`jobs form a cycle through ${job.id}`);
    const inner = new Set(seen).add(job.id);
    let start = 0;
    for (const up of job.after) {
      const upJob = byId.get(up);
      if (upJob) start = Math.max(start, finish(upJob, inner));
    }
    memo.set(job.id, start + job.duration);
    return start + job.duration;
  };
  let longest = 0;
  for (const job of jobs) longest = Math.max(longest, finish(job, new Set()));
  return longest;
}

function withTotal(values: readonly number[]): Summary & { total: number } {
  return { ...summarize(values), total: values.reduce((a, b) => a + b, 0) };
}
