// What the bench and its simulator child process say to each other over the IPC channel (plain JSON data).
import type { JobTiming, RequestKind } from "../src/simulator/index.js";

/** The simulator options the bench uses, in a form that survives JSON (no clock, no functions). */
export interface SimSpec {
  latency: { minMs: number; maxMs: number };
  seed: number;
  rateLimit: { requestsPerSecond: number } | null;
  /** Keep a compact log of every request (for timelines); off for the big scale runs. */
  recordRequests: boolean;
}

/** One request the simulator received: kind, arrival (simulator clock), HTTP status, generation id of a poll. */
export type LoggedRequest = [kind: RequestKind, at: number, status: number | null, id: string | null];

/** What the bench reads from a simulator after a run. */
export interface SimSnapshot {
  requests: { submit: number; poll: number; download: number; other: number };
  totalRequests: number;
  responses: Record<number, number>;
  rateLimited: number;
  jobsCreated: number;
  maxInFlight: number;
  jobs: JobTiming[];
  /** Every request, oldest first, when SimSpec.recordRequests was set; else null. */
  requestLog: LoggedRequest[] | null;
  /** The simulator process's own CPU time (ms) and peak RSS (bytes); null when it shares the bench process. */
  cpuMs: number | null;
  maxRssBytes: number | null;
}

export type ParentMessage = { id: number; type: "now" | "stats" | "close" };

export type ChildMessage =
  | { type: "ready"; url: string }
  | { type: "failed"; message: string }
  | { id: number; type: "now"; now: number }
  | { id: number; type: "stats"; snapshot: SimSnapshot }
  | { id: number; type: "closed" };
