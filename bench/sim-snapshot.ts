// Copies a simulator's live stats into plain data (the same shape in-process and across the IPC channel).
import type { Simulator } from "../src/simulator/index.js";
import type { SimSnapshot } from "./sim-protocol.js";

export function snapshotOf(sim: Simulator, own: { cpuMs: number; maxRssBytes: number } | null): SimSnapshot {
  const stats = sim.stats;
  return {
    requests: { ...stats.requests },
    totalRequests: stats.totalRequests,
    responses: { ...stats.responses },
    rateLimited: stats.rateLimited,
    jobsCreated: stats.jobsCreated,
    maxInFlight: stats.maxInFlight,
    jobs: [...stats.jobs.values()].map((job) => ({ ...job })),
    cpuMs: own?.cpuMs ?? null,
    maxRssBytes: own?.maxRssBytes ?? null,
  };
}
