// The simulator's request log behind GET /v2/logs: one entry per submission it answered, made visible after a delay.
import type { Job } from "./job.js";
import { jobStatus } from "./job.js";

export interface LogEntry {
  seq: number;
  /** Wall-clock time of the request (ms since the epoch): what `created` says and windows filter on. */
  createdWallMs: number;
  /** Simulator clock at the request: a row appears `logsDelayMs` after it. */
  createdAt: number;
  model: string;
  clientRequestId: string | null;
  requestId: string;
  inferenceId: string;
  /** The generation it created; null when the request failed (nothing created, nothing charged). */
  job: Job | null;
}

export class RequestLog {
  readonly #entries: LogEntry[] = [];

  add(entry: Omit<LogEntry, "seq">): void {
    this.#entries.push({ ...entry, seq: this.#entries.length });
  }

  get size(): number {
    return this.#entries.length;
  }

  /** Entries whose row has appeared by `now` (the simulator clock) given a delay of `delayMs`, oldest first. */
  visible(now: number, delayMs: number): LogEntry[] {
    return this.#entries.filter((e) => e.createdAt + delayMs <= now);
  }
}

/** "failed": nothing was created, or the generation ended in error (never charged); else "succeeded". */
export function rowStatus(entry: LogEntry, now: number): "succeeded" | "failed" {
  if (entry.job === null) return "failed";
  return jobStatus(entry.job, now) === "error" ? "failed" : "succeeded";
}

/** The row as GET /v2/logs answers it; cost is booked once the generation has completed. */
export function rowJson(entry: LogEntry, now: number): Record<string, unknown> {
  const status = rowStatus(entry, now);
  const credits = entry.job !== null && jobStatus(entry.job, now) === "completed" ? entry.job.credits : 0;
  return {
    created: new Date(entry.createdWallMs).toISOString(),
    status,
    origin: "api",
    model: entry.model,
    cost: { usd: credits / 2_000_000, credits },
    tokens: { input: 0, output: 0, total: 0 },
    request_id: entry.requestId,
    inference_id: entry.inferenceId,
    client_request_id: entry.clientRequestId,
  };
}
