// What a render records about itself in the manifest (`run`): its backend and options, for every suggested next command.
import type { RunRecord } from "../../manifest/index.js";
import type { LatencySpec, SimulatorOptions } from "../../simulator/index.js";

export interface RunRecordInput {
  backend: string;
  /** The API base URL used (null on the simulator). */
  baseUrl: string | null;
  sim: SimulatorOptions | null;
  concurrency?: number;
  pollInterval?: number;
  shotTimeout?: number;
  maxCredits?: number | null;
  /** --max-usd as written (the cap in credits is maxCredits). */
  maxUsd?: number;
  reconcileGrace?: number;
  /** --cache <location>, or false for --no-cache; absent: the default cache. */
  cache?: string | false;
  cacheReadOnly?: boolean;
}

export function runRecord(input: RunRecordInput): RunRecord {
  const latency = input.sim?.latency;
  return {
    backend: input.backend,
    base_url: input.sim ? null : input.baseUrl,
    sim_latency: input.sim && latency !== undefined ? latencySeconds(latency) : null,
    concurrency: input.concurrency ?? null,
    poll_interval: input.pollInterval ?? null,
    shot_timeout: input.shotTimeout ?? null,
    max_credits: input.maxCredits ?? null,
    ...(input.maxUsd !== undefined ? { max_usd: input.maxUsd } : {}),
    ...(input.reconcileGrace !== undefined ? { reconcile_grace: input.reconcileGrace } : {}),
    ...(input.cache !== undefined ? { cache: input.cache } : {}),
    ...(input.cacheReadOnly ? { cache_read_only: true } : {}),
  };
}

/** A latency as --sim-latency writes it: "3" or "2-4" (seconds). */
function latencySeconds(spec: LatencySpec): string {
  const s = (ms: number): string => String(ms / 1000);
  return typeof spec === "number" ? s(spec) : `${s(spec.minMs)}-${s(spec.maxMs)}`;
}
