// Public API of the scheduler: plan a run (pure), then run it (bounded, parallel polls, events).
export { planRun } from "./plan.js";
export type { Plan, PlanAction, PlanEntry, PlanInput, Selection, ClipState } from "./plan.js";
export { runPlan } from "./run.js";
export type {
  RunOptions,
  RunResult,
  ShotTiming,
  GenerationClient,
  GenerationResult,
  DownloadJob,
  DownloadOutcome,
} from "./run-types.js";
export type { RunEvent, RunEventType, RunCounts } from "./events.js";
export type { SubmissionHooks, PreSubmit, BeforePost } from "./submission.js";
export { outcomeExitCode, zeroCounts } from "./counts.js";
export { shardOf, inShard, parseShardSpec, shardKeys } from "./shard.js";
export type { Shard } from "./shard.js";
export { PollPlanner } from "./poll-planner.js";
export { freshRecord, recordSeed } from "./fresh-record.js";
