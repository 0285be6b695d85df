// Parses and checks CLI option values; each message names the option, the value and what is allowed.
import { UsageError } from "./usage-error.js";
import type { Shard } from "../scheduler/index.js";
import { parseShardSpec } from "../scheduler/shard.js";

export { UsageError };

export function wholeNumber(option: string, raw: string, min = 1): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min) {
    throw new UsageError(`${option}: ${JSON.stringify(raw)} is not allowed (a whole number ≥ ${min})`);
  }
  return value;
}

export function positiveSeconds(option: string, raw: string): number {
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(value) || value <= 0) {
    throw new UsageError(
      `${option}: ${JSON.stringify(raw)} is not allowed (seconds, a number > 0; fractions allowed)`,
    );
  }
  return value;
}

export function nonNegativeNumber(option: string, raw: string): number {
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(value) || value < 0) {
    throw new UsageError(`${option}: ${JSON.stringify(raw)} is not allowed (a number ≥ 0)`);
  }
  return value;
}

export function idList(option: string, raw: string): string[] {
  const ids = raw
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (ids.length === 0)
    throw new UsageError(`${option}: ${JSON.stringify(raw)} names no shot (a comma-separated list of ids)`);
  return ids;
}

export function shard(option: string, raw: string): Shard {
  const parsed = parseShardSpec(raw.trim());
  if (parsed === null) {
    throw new UsageError(`${option}: ${JSON.stringify(raw)} is not allowed (i/n with 1 ≤ i ≤ n, e.g. 2/4)`);
  }
  return parsed;
}

/**
 * --sim and --base-url each choose the backend, and --sim-latency only tunes the simulator: a combination
 * that would silently ignore one of them is refused, with what to write instead.
 */
export function backendFlags(flags: { sim?: boolean; baseUrl?: string; simLatency?: string }): void {
  if (flags.sim && flags.baseUrl !== undefined) {
    throw new UsageError(
      `--sim and --base-url ${JSON.stringify(flags.baseUrl)} do not go together: --sim renders on the built-in simulator, --base-url on the API (or a simulator) at that address; keep one`,
    );
  }
  if (flags.simLatency !== undefined && !flags.sim) {
    throw new UsageError(
      `--sim-latency ${JSON.stringify(flags.simLatency)} only applies to the built-in simulator: add --sim, or drop --sim-latency (a simulator started with \`storyreel sim --latency\` sets its own)`,
    );
  }
}
