// Parses and checks CLI option values; each message names the option, the value and what is allowed.
import { UsageError } from "./usage-error.js";
import type { Shard } from "../scheduler/index.js";
import { parseShardSpec } from "../scheduler/index.js";

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

/** --sim, --sim-latency and --base-url: options that would be silently ignored together are refused. */
export function backendFlags(flags: { sim?: boolean; simLatency?: string; baseUrl?: string }): void {
  if (flags.sim && flags.baseUrl !== undefined) {
    throw new UsageError(
      `--sim and --base-url do not go together: --sim renders on the built-in simulator, --base-url on the API at ${flags.baseUrl}; drop one (for a \`storyreel sim\` server, write --base-url <its URL> without --sim)`,
    );
  }
  if (flags.simLatency !== undefined && !flags.sim) {
    const instead =
      flags.baseUrl !== undefined
        ? "a `storyreel sim` server takes its latency as `storyreel sim --latency`"
        : "add --sim to render on the built-in simulator, or drop --sim-latency";
    throw new UsageError(`--sim-latency only applies with --sim: ${instead}`);
  }
}
