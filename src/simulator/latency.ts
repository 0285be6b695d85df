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

/** Parses "3000" (fixed ms) or "2000-4000" (uniform range), e.g. from a CLI flag. */
export function parseLatencySpec(text: string): LatencySpec {
  const range = /^\s*(\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)\s*$/.exec(text);
  if (range !== null) return checkLatency({ minMs: Number(range[1]), maxMs: Number(range[2]) });
  if (/^\s*\d+(?:\.\d+)?\s*$/.test(text)) return checkLatency(Number(text));
  throw new SimulatorConfigError(
    `latency "${text}" is not allowed: use milliseconds ("3000") or a range ("2000-4000")`,
  );
}

export function describeLatency(spec: LatencySpec): string {
  return typeof spec === "number" ? `${spec} ms` : `${spec.minMs}–${spec.maxMs} ms`;
}
