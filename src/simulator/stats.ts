// Counters a test or the benchmark reads after a run: requests per kind, 429s, in-flight maximum, job timings.
import type { FaultController } from "./faults.js";
import type { InFlightTracker } from "./in-flight.js";
import type { JobTiming } from "./job.js";
import type { RequestKind } from "./recorder.js";

export interface SimStats {
  /** Requests received per kind (all origins). */
  readonly requests: Readonly<Record<RequestKind, number>>;
  readonly totalRequests: number;
  /** Answers sent per HTTP status. */
  readonly responses: Readonly<Record<number, number>>;
  /** 429 answers (rate limit and scripted). */
  readonly rateLimited: number;
  readonly jobsCreated: number;
  /** Generations submitted and not yet completed/errored, now. */
  readonly inFlight: number;
  /** The most generations ever in flight at once. */
  readonly maxInFlight: number;
  /** Times each fault type fired. */
  readonly faultsFired: Readonly<Record<string, number>>;
  /** Per-job timings by generation id (every job, kept for the simulator's life). */
  readonly jobs: ReadonlyMap<string, JobTiming>;
}

export class StatsCollector implements SimStats {
  readonly requests: Record<RequestKind, number> = {
    submit: 0,
    poll: 0,
    download: 0,
    models: 0,
    logs: 0,
    billing: 0,
    other: 0,
  };
  readonly responses: Record<number, number> = {};
  readonly jobs = new Map<string, JobTiming>();
  totalRequests = 0;
  jobsCreated = 0;
  private readonly tracker: InFlightTracker;
  private readonly faults: FaultController;
  private readonly now: () => number;

  constructor(deps: { tracker: InFlightTracker; faults: FaultController; now: () => number }) {
    this.tracker = deps.tracker;
    this.faults = deps.faults;
    this.now = deps.now;
  }

  get rateLimited(): number {
    return this.responses[429] ?? 0;
  }

  get inFlight(): number {
    this.tracker.drain(this.now());
    return this.tracker.current;
  }

  get maxInFlight(): number {
    return this.tracker.maxSeen;
  }

  get faultsFired(): Readonly<Record<string, number>> {
    return this.faults.fired;
  }

  countRequest(kind: RequestKind): void {
    this.requests[kind] += 1;
    this.totalRequests += 1;
  }

  countResponse(status: number): void {
    this.responses[status] = (this.responses[status] ?? 0) + 1;
  }

  addJob(timing: JobTiming): void {
    this.jobsCreated += 1;
    this.jobs.set(timing.id, timing);
  }
}
