// The bench's core on tiny scenarios: the figures it computes are consistent (not timing targets).
import { describe, expect, it } from "vitest";
import { runScenario } from "../../bench/scenario.js";
import type { ScenarioParams, ScenarioResult } from "../../bench/scenario.js";
import { runStoryreel } from "../../bench/orchestrate.js";
import type { Orchestrate } from "../../bench/orchestrate.js";
import type { RunRecord } from "../../bench/figures.js";
import { inProcessSim } from "../../bench/sim-handle.js";
import { childProcessSim } from "../../bench/sim-process.js";
import { checkTargets } from "../../bench/targets.js";
import { renderReport } from "../../bench/table.js";
import { machineInfo } from "../../bench/machine.js";
import { systemClock } from "../../src/util/clock.js";

const TINY: ScenarioParams = {
  name: "smoke",
  shots: 10,
  concurrency: 4,
  latency: { minMs: 40, maxMs: 60 },
  pollIntervalMs: 20,
  seed: 3,
  rateLimit: null,
  mix: "mixed-models",
};

function expectSane(result: ScenarioResult, params: ScenarioParams): void {
  const f = result.figures;
  expect(f.shots).toBe(params.shots);
  // a failed shot says why (code and an example), so a failure on a loaded CI machine can be told apart
  expect(result.run.failures, JSON.stringify(result.run.failures)).toEqual({});
  expect(f.completed).toBe(params.shots);
  expect(result.run.failedShots).toBe(0);
  // The zero-overhead schedule can only be beaten by nothing.
  expect(f.greedyMs).toBeGreaterThan(0);
  expect(f.idealMs).toBeLessThanOrEqual(f.makespanMs);
  expect(f.makespanOverIdeal).toBeGreaterThanOrEqual(1);
  expect(f.slotUtilisation).toBeGreaterThan(0);
  expect(f.slotUtilisation).toBeLessThanOrEqual(1);
  // Every shot was polled at least once and every poll answer the scheduler counted reached the simulator.
  expect(f.pollsPerShot.count).toBe(params.shots);
  expect(f.pollsPerShot.mean).toBeGreaterThanOrEqual(1);
  expect(f.pollsPerShot.mean * params.shots).toBeLessThanOrEqual(f.requests.poll);
  expect(f.requests).toMatchObject({ submit: params.shots, download: params.shots });
  expect(f.requests.api).toBe(f.requests.submit + f.requests.poll);
  expect(f.requests.total).toBe(f.requests.api + f.requests.download);
  expect(f.maxInFlight).toBeLessThanOrEqual(params.concurrency);
  // Clocks line up: a submission is seen by the scheduler after the simulator made it, completion likewise.
  expect(f.clockCheckMs).toBeGreaterThanOrEqual(-result.clockUncertaintyMs - 1);
  expect(f.detectionMs.count).toBe(params.shots);
  expect(f.detectionMs.p50).toBeGreaterThanOrEqual(0);
  expect(f.pollWaitMs.p50).toBeLessThanOrEqual(f.detectionMs.p50 + result.clockUncertaintyMs + 1);
  const manifest = result.run.manifest;
  expect(manifest.snapshots).toBeGreaterThanOrEqual(2);
  expect(manifest.journalBytes).toBeGreaterThan(0);
}

describe("bench core", () => {
  it("measures a tiny run against an in-process simulator", async () => {
    const deps = { clock: systemClock, startSim: inProcessSim(systemClock), orchestrate: runStoryreel };
    const result = await runScenario(TINY, deps);
    expectSane(result, TINY);
    expect(result.simKind).toBe("in-process");
    expect(result.figures.rateLimited).toBe(0);
    const checks = checkTargets({ a: result });
    expect(checks.map((c) => c.figure)).toContain("makespan / ideal");
    const report = renderReport({
      timestamp: "now",
      machine: machineInfo(),
      revision: { commit: "abc1234", dirtySrcFiles: [] },
      results: { a: result },
      checks,
    });
    expect(report).toContain("| makespan / ideal |");
    expect(report).toMatch(/\| A \| polls per shot \(mean\) \| [\d.]+ \| ≤ 3 \| (PASS|\*\*FAIL\*\*) \|/);
  });

  it("measures a tiny chain run: dependents start after their upstream, every frame extracted and timed", async () => {
    const params: ScenarioParams = { ...TINY, name: "chain", shots: 6, chain: { chains: 3, length: 2 } };
    let record: RunRecord | undefined;
    const orchestrate: Orchestrate = async (options) => {
      const outcome = await runStoryreel(options);
      record = outcome.record;
      return outcome;
    };
    const result = await runScenario(params, {
      clock: systemClock,
      startSim: inProcessSim(systemClock),
      orchestrate,
    });
    expectSane(result, params);
    for (const chain of ["c1", "c2", "c3"]) {
      const head = record!.shots.get(`${chain}-1`)!;
      expect(record!.shots.get(`${chain}-2`)!.submittedMs).toBeGreaterThanOrEqual(head.detectedMs!);
    }
    const c = result.chain!;
    expect(c.extractionMs.count).toBe(3);
    expect(c.prepareMs.count).toBe(3);
    expect(c.extractionMs.total).toBeGreaterThan(0);
    expect(c.longestChainMs).toBeGreaterThan(0);
    expect(c.idealMs).toBeGreaterThanOrEqual(c.longestChainMs);
    expect(c.idealMs).toBeLessThanOrEqual(result.figures.makespanMs);
    expect(c.makespanOverIdeal).toBeGreaterThanOrEqual(1);
    const checks = checkTargets({ chain: result });
    expect(checks.map((check) => check.figure)).toContain("makespan / ideal (respecting dependencies)");
    const report = renderReport({
      timestamp: "now",
      machine: machineInfo(),
      revision: { commit: "abc1234", dirtySrcFiles: [] },
      results: { chain: result },
      checks,
    });
    expect(report).toContain("### Chains");
    expect(report).toMatch(
      /\| frame extraction: frames \/ total \/ most at once \| 3 \/ [\d.]+ s \/ [1-3] \|/,
    );
  });

  it("measures a tiny run against the simulator in a child process, clocks mapped over IPC", async () => {
    const params = { ...TINY, shots: 5, mix: "single-model" as const };
    const deps = { clock: systemClock, startSim: childProcessSim(systemClock), orchestrate: runStoryreel };
    const result = await runScenario(params, deps);
    expectSane(result, params);
    expect(result.simKind).toBe("child-process");
    expect(result.simCpuMs).toBeGreaterThan(0);
    expect(result.clockUncertaintyMs).toBeLessThan(250); // an IPC round trip; generous for a loaded machine
  });
});
