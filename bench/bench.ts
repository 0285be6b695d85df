// The bench's core: run the chosen scenarios in order and collect figures, checks and the machine.
import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import type { Clock } from "../src/util/clock.js";
import type { BenchOptions } from "./args.js";
import { runBaseline } from "./baseline.js";
import { compileWorker } from "./compile.js";
import { machineInfo } from "./machine.js";
import type { MachineInfo } from "./machine.js";
import { runStoryreel } from "./orchestrate.js";
import { workerOrchestrate } from "./orchestrator-process.js";
import { runScenario } from "./scenario.js";
import { runStartup } from "./startup.js";
import type { ScenarioParams } from "./scenario.js";
import { currentRevision } from "./revision.js";
import type { Revision } from "./revision.js";
import type { SimFactory } from "./sim-handle.js";
import { checkTargets } from "./targets.js";
import type { BenchResults, TargetCheck } from "./targets.js";

export interface BenchReport {
  timestamp: string;
  machine: MachineInfo;
  revision: Revision;
  options: BenchOptions;
  results: BenchResults;
  checks: TargetCheck[];
}

export async function runBench(
  options: BenchOptions,
  deps: { clock: Clock; startSim: SimFactory; log: (line: string) => void },
): Promise<BenchReport> {
  const timestamp = deps.clock.wallNow().toISOString();
  const machine = machineInfo();
  const revision = await currentRevision(process.cwd());
  const results: BenchResults = {};
  const inProcess = { clock: deps.clock, startSim: deps.startSim, orchestrate: runStoryreel };
  const base: Omit<ScenarioParams, "name" | "rateLimit"> = {
    shots: options.shots,
    concurrency: options.concurrency,
    latency: options.latency,
    pollIntervalMs: options.pollIntervalMs,
    seed: options.seed,
    mix: "single-model",
  };
  if (options.scenarios.includes("a")) {
    deps.log(`A: ${options.shots} shots, ${options.concurrency} in flight …`);
    results.a = await runScenario({ ...base, name: "A", rateLimit: null }, inProcess);
  }
  if (options.scenarios.includes("b")) {
    deps.log(
      `B: ${options.shots} shots, ${options.concurrency} in flight, ${options.rateLimit} req/s limit …`,
    );
    results.b = await runScenario(
      { ...base, name: "B", rateLimit: { requestsPerSecond: options.rateLimit } },
      inProcess,
    );
  }
  if (options.scenarios.includes("baseline")) {
    deps.log(`baseline: ${options.baselineShots} shots one after another …`);
    results.baseline = await runBaseline(
      {
        sampleShots: options.baselineShots,
        extrapolateTo: options.shots,
        slots: options.concurrency,
        latency: options.latency,
        pollIntervalMs: options.baselinePollIntervalMs,
        seed: options.seed,
      },
      deps,
    );
  }
  if (options.scenarios.includes("chain")) {
    const shape = { chains: options.chains, length: options.chainLength };
    deps.log(
      `chain: ${shape.chains} chains of ${shape.length} shots, ${options.chainConcurrency} in flight …`,
    );
    results.chain = await runScenario(
      {
        ...base,
        name: "chain",
        shots: shape.chains * shape.length,
        concurrency: options.chainConcurrency,
        rateLimit: null,
        chain: shape,
      },
      inProcess,
    );
  }
  if (options.scenarios.includes("scale")) {
    deps.log("scale: compiling the orchestrator worker …");
    const worker = await compileWorker();
    try {
      const profileDir = resolve("bench/results/profiles");
      if (options.profile) await mkdir(profileDir, { recursive: true });
      const orchestrate = workerOrchestrate(worker.entry, {
        execArgv: options.profile ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [],
      });
      results.scale = [];
      for (const shots of options.scaleShots) {
        deps.log(`scale: ${shots} shots, ${options.scaleConcurrency} in flight …`);
        results.scale.push(
          await runScenario(
            {
              name: `scale-${shots}`,
              shots,
              concurrency: options.scaleConcurrency,
              latency: options.scaleLatency,
              pollIntervalMs: options.scalePollIntervalMs,
              seed: options.seed,
              rateLimit: null,
              mix: "mixed-models",
            },
            { clock: deps.clock, startSim: deps.startSim, orchestrate },
          ),
        );
      }
    } finally {
      await worker.cleanup();
    }
  }
  if (options.scenarios.includes("startup")) {
    deps.log(`startup: --help, validate and models, ${options.startupRuns} runs each beside a bare node …`);
    results.startup = await runStartup({ runs: options.startupRuns, clock: deps.clock });
  }
  return { timestamp, machine, revision, options, results, checks: checkTargets(results) };
}
