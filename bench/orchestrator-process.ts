// Runs each storyreel run in a fresh plain-node child process (the compiled worker) and maps its answer back.
import { fork } from "node:child_process";
import type { Orchestrate, RunOutcome } from "./orchestrate.js";
import type { WorkerInput, WorkerMessage } from "./worker-protocol.js";

/**
 * An Orchestrate that forks `entry` (see compile.ts) per run; times come back on this process's clock, which
 * must be the system clock (performance.now). `execArgv` e.g. ["--cpu-prof", "--cpu-prof-dir=…"].
 */
export function workerOrchestrate(entry: string, spawn: { execArgv?: string[] } = {}): Orchestrate {
  return async (options) => {
    const input: WorkerInput = {
      storyboard: options.storyboard,
      outDir: options.outDir,
      apiUrl: options.apiUrl,
      concurrency: options.concurrency,
      pollIntervalMs: options.pollIntervalMs,
    };
    const child = fork(entry, [JSON.stringify(input)], {
      execArgv: spawn.execArgv ?? [],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const message = await new Promise<WorkerMessage>((resolve, reject) => {
      child.once("message", (m: WorkerMessage) => resolve(m));
      child.once("exit", (code) =>
        reject(new Error(`orchestrator worker exited (code ${code}) without a result`)),
      );
    });
    await new Promise<void>((resolve) =>
      child.exitCode === null ? child.once("exit", () => resolve()) : resolve(),
    );
    if (message.type === "failed") throw new Error(`orchestrator worker failed: ${message.message}`);
    const { shotIds, generationIds, startedAtEpochMs, elapsedMs, shots, ...rest } = message.outcome;
    const outcome: RunOutcome = {
      ...rest,
      record: {
        shotIds,
        generationIds: new Map(generationIds),
        // The worker's clock is performance.now() of another process: map via the shared epoch origin.
        startedAt: startedAtEpochMs - performance.timeOrigin,
        elapsedMs,
        shots: new Map(shots),
      },
    };
    return outcome;
  };
}
