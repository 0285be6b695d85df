// How long a simulated generation takes: a fixed number of ms or a uniform range, drawn from a seeded RNG.
import { SimulatorConfigError } from "./errors.js";

export type LatencySpec = number | { minMs: number; maxMs: number };

export const DEFAULT_LATENCY: LatencySpec = { minMs: 2000, maxMs: 4000 };

export function checkLatency(spec: LatencySpec): LatencySpec {
  const [min, max] = typeof spec === "number" ? [spec, spec] : [spec.minMs, spec.maxMs];
  if (!Number.isFinite(min) || !Number.isFinite(max) || min < 0 || max < min) {
    throw new SimulatorConfigError(
      `latency ${JSON.stringify(spec)} is not allowed: use ms >= 0, or { minMs, maxMs } with 0 <= minMs <= maxMs`,
    );
  }
  return spec;
}

export function drawLatency(spec: LatencySpec, random: () => number): number {
  if (typeof spec === "number") return spec;
  return spec.minMs + random() * (spec.maxMs - spec.minMs);
}

/**
 * Parses a fixed latency ("3") or a uniform range ("2-4") in the given unit, e.g. from a CLI flag
 * (`storyreel sim --latency 2-4` speaks seconds).
 */
export function parseLatencySpec(text: string, opts: { unit: "s" | "ms" }): LatencySpec {
  const scale = opts.unit === "s" ? 1000 : 1;
  const number = String.raw`(\d+(?:\.\d+)?)`;
  const range = new RegExp(String.raw`^\s*${number}\s*-\s*${number}\s*$`).exec(text);
  if (range !== null)
    return checkLatency({ minMs: Number(range[1]) * scale, maxMs: Number(range[2]) * scale });
  const fixed = new RegExp(String.raw`^\s*${number}\s*$`).exec(text);
  if (fixed !== null) return checkLatency(Number(fixed[1]) * scale);
  const example = opts.unit === "s" ? '"3" or a range "2-4" (seconds)' : '"3000" or a range "2000-4000" (ms)';
  throw new SimulatorConfigError(`latency "${text}" is not allowed: use ${example}`);
}

export function describeLatency(spec: LatencySpec): string {
  return typeof spec === "number" ? `${spec} ms` : `${spec.minMs}–${spec.maxMs} ms`;
}
