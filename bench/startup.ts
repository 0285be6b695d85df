// Startup scenario: how long the built CLI takes to answer --help, validate and models, beside a bare `node` in the same run.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Clock } from "../src/util/clock.js";

export interface StartupCommand {
  name: string;
  args: string[];
}

export interface StartupFigure {
  name: string;
  /** Median wall time of the whole process, ms. */
  medianMs: number;
  /** Median minus bare node's median: what storyreel itself costs, ms. */
  overheadMs: number;
  /** Median over bare node's median. */
  overBareNode: number;
}

export interface StartupResult {
  runs: number;
  bareNodeMs: number;
  commands: StartupFigure[];
}

const BIN = resolve("dist/cli/bin.js");

export const STARTUP_COMMANDS: readonly StartupCommand[] = [
  { name: "--help", args: [BIN, "--help"] },
  { name: "validate harbour.yaml", args: [BIN, "validate", "examples/storyboards/harbour.yaml"] },
  { name: "models", args: [BIN, "models"] },
];

/**
 * Runs bare `node -e 0` and each command `runs` times, interleaved (so load on the machine hits all alike), and
 * takes medians. Needs the built package (npm run build; `npm ci` builds it).
 */
export async function runStartup(options: { runs: number; clock: Clock }): Promise<StartupResult> {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run npm run build first`);
  const bare: number[] = [];
  const times = new Map<string, number[]>(STARTUP_COMMANDS.map((c) => [c.name, []]));
  for (let i = 0; i < options.runs; i++) {
    bare.push(await timeProcess(["-e", "0"], options.clock));
    for (const command of STARTUP_COMMANDS) {
      times.get(command.name)?.push(await timeProcess(command.args, options.clock));
    }
  }
  const bareNodeMs = median(bare);
  return {
    runs: options.runs,
    bareNodeMs,
    commands: STARTUP_COMMANDS.map((c) => {
      const medianMs = median(times.get(c.name) ?? []);
      return {
        name: c.name,
        medianMs,
        overheadMs: medianMs - bareNodeMs,
        overBareNode: medianMs / bareNodeMs,
      };
    }),
  };
}

function timeProcess(args: readonly string[], clock: Clock): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const started = clock.now();
    const child = spawn(process.execPath, args, { stdio: "ignore", env: { ...process.env, NO_COLOR: "1" } });
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code !== 0) reject(new Error(`node ${args.join(" ")} exited ${code}`));
      else resolvePromise(clock.now() - started);
    });
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
