// One face for the simulator whether it runs in a child process (the bench) or in-process (the smoke test).
import { startSimulator } from "../src/simulator/index.js";
import type { Clock } from "../src/util/clock.js";
import type { SimSnapshot, SimSpec } from "./sim-protocol.js";
import { snapshotOf } from "./sim-snapshot.js";

export interface SimHandle {
  kind: "child-process" | "in-process";
  url: string;
  /** Stats and per-job timings so far (timings on the simulator's clock). */
  snapshot(): Promise<SimSnapshot>;
  /** simulator clock − bench clock, in ms (add it to a bench time to get the simulator time). */
  clockOffset(): Promise<{ offsetMs: number; uncertaintyMs: number }>;
  close(): Promise<void>;
}

export type SimFactory = (spec: SimSpec) => Promise<SimHandle>;

/** The simulator on the bench's own event loop and clock (offset 0): for tests, not for CPU figures. */
export function inProcessSim(clock: Clock): SimFactory {
  return async (spec) => {
    const sim = await startSimulator({
      render: "fast",
      latency: spec.latency,
      seed: spec.seed,
      recordRequests: spec.recordRequests ? Infinity : 0,
      clock,
      ...(spec.rateLimit ? { rateLimit: spec.rateLimit } : {}),
    });
    return {
      kind: "in-process",
      url: sim.url,
      snapshot: () => Promise.resolve(snapshotOf(sim, { recorded: spec.recordRequests, own: null })),
      clockOffset: () => Promise.resolve({ offsetMs: 0, uncertaintyMs: 0 }),
      close: () => sim.close(),
    };
  };
}
