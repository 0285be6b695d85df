// One measured scenario: write a storyboard, start a simulator, run storyreel on it, compute the figures.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Clock } from "../src/util/clock.js";
import { computeChainFigures } from "./chain-figures.js";
import type { ChainFigures } from "./chain-figures.js";
import { writeChainStoryboard } from "./chain-storyboard.js";
import type { ChainShape } from "./chain-storyboard.js";
import { computeFigures } from "./figures.js";
import type { RunFigures } from "./figures.js";
import type { Orchestrate, RunOutcome } from "./orchestrate.js";
import type { SimFactory } from "./sim-handle.js";
import { writeStoryboard } from "./storyboard-gen.js";
import type { StoryboardMix } from "./storyboard-gen.js";

/** Runs up to this size keep a request log (a per-second timeline in the JSON); bigger ones would bloat it. */
const RECORD_REQUESTS_UP_TO = 2000;

export interface ScenarioParams {
  name: string;
  shots: number;
  concurrency: number;
  latency: { minMs: number; maxMs: number };
  pollIntervalMs: number;
  seed: number;
  rateLimit: { requestsPerSecond: number } | null;
  mix: StoryboardMix;
  /** Chained shots instead of the mix: `shots` must be chains × length. */
  chain?: ChainShape;
}

export interface ScenarioResult {
  params: ScenarioParams;
  figures: RunFigures;
  run: Omit<RunOutcome, "record">;
  simKind: "child-process" | "in-process";
  simCpuMs: number | null;
  clockUncertaintyMs: number;
  storyboardBytes: number;
  /** The chain scenario's figures (ideal respecting dependencies, extraction); absent for other scenarios. */
  chain?: ChainFigures;
}

export interface ScenarioDeps {
  clock: Clock;
  startSim: SimFactory;
  orchestrate: Orchestrate;
}

export async function runScenario(params: ScenarioParams, deps: ScenarioDeps): Promise<ScenarioResult> {
  const dir = await mkdtemp(join(tmpdir(), "storyreel-bench-"));
  const sim = await deps.startSim({
    latency: params.latency,
    seed: params.seed,
    rateLimit: params.rateLimit,
    recordRequests: params.shots <= RECORD_REQUESTS_UP_TO,
  });
  try {
    const chained = params.chain ? await writeChainStoryboard({ dir, shape: params.chain }) : null;
    const storyboard = chained ?? (await writeStoryboard({ dir, shots: params.shots, mix: params.mix }));
    const offset = await sim.clockOffset();
    const { record, ...run } = await deps.orchestrate({
      storyboard: storyboard.path,
      outDir: join(dir, "out"),
      apiUrl: sim.url,
      concurrency: params.concurrency,
      pollIntervalMs: params.pollIntervalMs,
      clock: deps.clock,
    });
    const snapshot = await sim.snapshot();
    const figures = computeFigures({
      run: record,
      sim: snapshot,
      clockOffsetMs: offset.offsetMs,
      slots: params.concurrency,
      rateLimitPerSecond: params.rateLimit?.requestsPerSecond ?? null,
    });
    const chain =
      chained && params.chain
        ? computeChainFigures({
            run: record,
            sim: snapshot,
            dependencies: chained.dependencies,
            shape: params.chain,
            slots: params.concurrency,
            times: run.chain ?? { extractMs: [], prepareMs: [], maxConcurrent: 0 },
          })
        : null;
    return {
      params,
      figures,
      run,
      simKind: sim.kind,
      simCpuMs: snapshot.cpuMs,
      clockUncertaintyMs: offset.uncertaintyMs,
      storyboardBytes: storyboard.bytes,
      ...(chain ? { chain } : {}),
    };
  } finally {
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  }
}
