// argv → bench options: which scenarios, their sizes and timings; every message names the flag, value and what is allowed.
import { parseArgs } from "node:util";
import { StoryreelError } from "../src/util/errors.js";

export type ScenarioName = "a" | "b" | "baseline" | "chain" | "scale" | "startup";
const SCENARIOS: readonly ScenarioName[] = ["a", "b", "baseline", "chain", "scale", "startup"];

export interface BenchOptions {
  scenarios: ScenarioName[];
  /** Scenarios A and B. */
  shots: number;
  concurrency: number;
  latency: { minMs: number; maxMs: number };
  pollIntervalMs: number;
  seed: number;
  /** Scenario B's simulator limit, requests/s. */
  rateLimit: number;
  baselineShots: number;
  /** The seeds poll every 10 s on ~60 s generations: 10/60 of the mean generation time by default. */
  baselinePollIntervalMs: number;
  /** Chain scenario: chains of `chainLength` shots, each starting on the previous shot's last frame. */
  chains: number;
  chainLength: number;
  chainConcurrency: number;
  scaleShots: number[];
  scaleConcurrency: number;
  scaleLatency: { minMs: number; maxMs: number };
  scalePollIntervalMs: number;
  /** Write a V8 CPU profile of each scale worker under bench/results/profiles/. */
  profile: boolean;
  /** Startup scenario: runs of each command (medians are reported). */
  startupRuns: number;
  out: string;
  help: boolean;
}

export class BenchUsageError extends StoryreelError {
  constructor(message: string) {
    super("E_BENCH_USAGE", message);
  }
}

export const USAGE = `npm run bench -- [options]
  --scenario LIST          a,b,baseline,chain,scale,startup (default: all)
  --shots N                shots in scenarios A and B (default 200; quick 40)
  --concurrency N          generations in flight in A and B (default 40; quick 10)
  --latency MIN-MAX        generation time in seconds, uniform (default 2-3)
  --poll-interval S        scheduler's minimum poll interval in seconds (default 0.25)
  --seed N                 simulator seed for generation times (default 1)
  --rate N                 scenario B's API limit in requests/s (default 40)
  --baseline-shots N       shots the sequential baseline really runs (default 20; quick 4)
  --baseline-poll S        baseline's fixed poll interval in seconds (default 10/60 of the mean generation time)
  --chains N               chains in the chain scenario (default 40; quick 8)
  --chain-length N         shots per chain (default 5)
  --chain-concurrency N    generations in flight in the chain scenario (default 20; quick 4)
  --scale-shots LIST       storyboard sizes for the scale runs (default 1000,10000; quick 200,1000)
  --scale-concurrency N    generations in flight in the scale runs (default 500)
  --scale-latency MIN-MAX  generation time in the scale runs, seconds (default 0.05-0.15)
  --scale-poll-interval S  minimum poll interval in the scale runs, seconds (default 0.05)
  --startup-runs N         runs of each command in the startup scenario (default 15; quick 5)
  --profile                write a CPU profile of each scale run to bench/results/profiles/
  --quick                  small sizes, for a smoke run (explicit options still win)
  --out FILE               JSON results (default bench/results/latest.json)
  --help`;

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        scenario: { type: "string" },
        shots: { type: "string" },
        concurrency: { type: "string" },
        latency: { type: "string" },
        "poll-interval": { type: "string" },
        seed: { type: "string" },
        rate: { type: "string" },
        "baseline-shots": { type: "string" },
        "baseline-poll": { type: "string" },
        chains: { type: "string" },
        "chain-length": { type: "string" },
        "chain-concurrency": { type: "string" },
        "scale-shots": { type: "string" },
        "scale-concurrency": { type: "string" },
        "scale-latency": { type: "string" },
        "scale-poll-interval": { type: "string" },
        profile: { type: "boolean" },
        "startup-runs": { type: "string" },
        quick: { type: "boolean" },
        out: { type: "string" },
        help: { type: "boolean" },
      },
    });
  } catch (err) {
    throw new BenchUsageError(`${(err as Error).message}\n${USAGE}`);
  }
  const v = parsed.values;
  const quick = v.quick === true;
  const latency =
    v.latency === undefined ? { minMs: 2000, maxMs: 3000 } : secondsRange("--latency", v.latency);
  const meanLatency = (latency.minMs + latency.maxMs) / 2;
  return {
    scenarios: v.scenario === undefined ? [...SCENARIOS] : scenarioList(v.scenario),
    shots: int("--shots", v.shots, quick ? 40 : 200),
    concurrency: int("--concurrency", v.concurrency, quick ? 10 : 40),
    latency,
    pollIntervalMs: secondsValue("--poll-interval", v["poll-interval"], 0.25),
    seed: int("--seed", v.seed, 1, 0),
    rateLimit: int("--rate", v.rate, 40),
    baselineShots: int("--baseline-shots", v["baseline-shots"], quick ? 4 : 20),
    baselinePollIntervalMs: secondsValue(
      "--baseline-poll",
      v["baseline-poll"],
      ((10 / 60) * meanLatency) / 1000,
    ),
    chains: int("--chains", v.chains, quick ? 8 : 40),
    chainLength: int("--chain-length", v["chain-length"], 5),
    chainConcurrency: int("--chain-concurrency", v["chain-concurrency"], quick ? 4 : 20),
    scaleShots:
      v["scale-shots"] === undefined
        ? quick
          ? [200, 1000]
          : [1000, 10_000]
        : intList("--scale-shots", v["scale-shots"]),
    scaleConcurrency: int("--scale-concurrency", v["scale-concurrency"], 500),
    scaleLatency:
      v["scale-latency"] === undefined
        ? { minMs: 50, maxMs: 150 }
        : secondsRange("--scale-latency", v["scale-latency"]),
    scalePollIntervalMs: secondsValue("--scale-poll-interval", v["scale-poll-interval"], 0.05),
    profile: v.profile === true,
    startupRuns: int("--startup-runs", v["startup-runs"], quick ? 5 : 15),
    out: v.out ?? "bench/results/latest.json",
    help: v.help === true,
  };
}

function scenarioList(text: string): ScenarioName[] {
  const names = text
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== "");
  for (const name of names) {
    if (!(SCENARIOS as readonly string[]).includes(name)) {
      throw new BenchUsageError(
        `--scenario ${JSON.stringify(text)} names "${name}"; allowed: ${SCENARIOS.join(", ")}`,
      );
    }
  }
  if (names.length === 0) throw new BenchUsageError(`--scenario is empty; allowed: ${SCENARIOS.join(", ")}`);
  return SCENARIOS.filter((s) => names.includes(s));
}

function int(flag: string, text: string | undefined, fallback: number, min = 1): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) {
    throw new BenchUsageError(`${flag} is ${JSON.stringify(text)}; allowed: an integer >= ${min}`);
  }
  return n;
}

function intList(flag: string, text: string): number[] {
  return text.split(",").map((part) => int(flag, part.trim(), 0));
}

function secondsValue(flag: string, text: string | undefined, fallbackSeconds: number): number {
  if (text === undefined) return fallbackSeconds * 1000;
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) {
    throw new BenchUsageError(`${flag} is ${JSON.stringify(text)}; allowed: a number of seconds > 0`);
  }
  return n * 1000;
}

function secondsRange(flag: string, text: string): { minMs: number; maxMs: number } {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(?:-\s*(\d+(?:\.\d+)?)\s*)?$/.exec(text);
  const min = Number(match?.[1]);
  const max = match?.[2] === undefined ? min : Number(match[2]);
  if (!match || !(max >= min)) {
    throw new BenchUsageError(
      `${flag} is ${JSON.stringify(text)}; allowed: seconds "S" or a range "MIN-MAX" with MIN <= MAX`,
    );
  }
  return { minMs: min * 1000, maxMs: max * 1000 };
}
