// A simulated generation and its status as a pure function of the clock: no timer per job.

export type JobStatus = "queued" | "generating" | "completed" | "error";

/** Timings of one job on the simulator's clock (ms). */
export interface JobTiming {
  id: string;
  model: string;
  submittedAt: number;
  /** When the drawn latency elapses; null for a job that never finishes. */
  completesAt: number | null;
  /** When the job actually left "generating" (latency elapsed and clip rendered); null while in flight. */
  readyAt: number | null;
  /** First poll that saw "completed" (null until then, and for jobs that end in "error"). */
  firstCompletedPollAt: number | null;
}

export type RenderState =
  { state: "pending" } | { state: "done"; clip: ClipSource } | { state: "failed"; message: string };

/** Where a finished clip's bytes are: a shared in-memory buffer (fast mode) or a file. */
export type ClipSource = { kind: "buffer"; bytes: Buffer } | { kind: "file"; path: string; size: number };

export interface Job {
  id: string;
  /** Path-safe key of the clip under /files/. */
  fileKey: string;
  model: string;
  queuedUntil: number;
  completesAt: number;
  neverFinish: boolean;
  /** A scripted failure, reported from `failedAt` on. */
  error: { name: string; message: string } | null;
  failedAt: number;
  render: RenderState;
  credits: number;
  timing: JobTiming;
  /** Set once the in-flight tracker has seen the latency elapse. */
  due: boolean;
  /** Set once the job has left flight (completed or errored for good). */
  ended: boolean;
}

export function jobStatus(job: Job, now: number): JobStatus {
  if (job.error !== null && now >= job.failedAt) return "error";
  if (now < job.queuedUntil) return "queued";
  if (job.neverFinish || now < job.completesAt) return "generating";
  if (job.render.state === "failed") return "error";
  return job.render.state === "pending" ? "generating" : "completed";
}

/** The error a finished job reports, if it failed. */
export function jobError(job: Job): { name: string; message: string } | null {
  if (job.error !== null) return job.error;
  if (job.render.state === "failed") return { name: "GenerationError", message: job.render.message };
  return null;
}
