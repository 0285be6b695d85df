// Copies a simulator's live stats into plain data (the same shape in-process and across the IPC channel).
import type { Simulator } from "../src/simulator/index.js";
import type { LoggedRequest, SimSnapshot } from "./sim-protocol.js";

export function snapshotOf(
  sim: Simulator,
  options: { recorded: boolean; own: { cpuMs: number; maxRssBytes: number } | null },
): SimSnapshot {
  const { recorded, own } = options;
  const stats = sim.stats;
  return {
    requests: { ...stats.requests },
    totalRequests: stats.totalRequests,
    responses: { ...stats.responses },
    rateLimited: stats.rateLimited,
    jobsCreated: stats.jobsCreated,
    maxInFlight: stats.maxInFlight,
    jobs: [...stats.jobs.values()].map((job) => ({ ...job })),
    requestLog: recorded
      ? sim.requests.map((r): LoggedRequest => [r.kind, r.at, r.status, r.query["generation_id"] ?? null])
      : null,
    cpuMs: own?.cpuMs ?? null,
    maxRssBytes: own?.maxRssBytes ?? null,
  };
}
