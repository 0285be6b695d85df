// A plausible `credits_used` per job: the catalog's estimate when it knows a price, else a flat per-second rate.
import { estimateCost, USD_TO_CREDITS } from "../catalog/index.js";
import type { ModelSpec } from "../catalog/index.js";

/** Fallback price the simulator bills when the catalog has no published price: $0.10 per second of video. */
export const SIM_FALLBACK_USD_PER_SECOND = 0.1;

export function creditsFor(
  model: ModelSpec,
  opts: { durationSeconds: number; resolution: string | null; audio: boolean },
): number {
  const estimate = estimateCost(model, opts);
  if (estimate.credits !== null) return estimate.credits;
  return Math.round(opts.durationSeconds * SIM_FALLBACK_USD_PER_SECOND * USD_TO_CREDITS);
}
