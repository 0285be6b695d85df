// What the orchestrator worker sends back: a RunOutcome with Maps as arrays and its start on the epoch scale.
import type { RunOutcome } from "./orchestrate.js";

export interface WorkerInput {
  storyboard: string;
  outDir: string;
  apiUrl: string;
  concurrency: number;
  pollIntervalMs: number;
}

export interface WireOutcome extends Omit<RunOutcome, "record"> {
  shotIds: string[];
  generationIds: [string, string][];
  /** performance.timeOrigin + the worker's startedAt: comparable across processes (to ~1 ms). */
  startedAtEpochMs: number;
  elapsedMs: number;
  shots: [string, { submittedMs: number; detectedMs: number | null; polls: number }][];
}

export type WorkerMessage = { type: "done"; outcome: WireOutcome } | { type: "failed"; message: string };
