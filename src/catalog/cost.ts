// Estimates a generation's cost in AIML credits from the price table; unknown stays unknown (null), never guessed.
import { matchAllowed } from "./allowed-values.js";
import type { ModelSpec } from "./model-spec.js";
import { USD_TO_CREDITS, type PriceRate } from "./price-table.js";

export interface CostEstimate {
  /** AIML credits ($1 = 2,000,000 credits); null: unknown. */
  credits: number | null;
  usd: number | null;
  /** How the estimate was made, e.g. "per second, 1080p, with audio", or why it is unknown. */
  basis: string;
  /** URL the price was read from; null when unknown. */
  source: string | null;
}

export interface CostInput {
  durationSeconds: number | null;
  resolution: string | null;
  audio: boolean;
}

export function estimateCost(model: ModelSpec, opts: CostInput): CostEstimate {
  const price = model.price;
  if (price === null) return unknown(`no published price for ${model.id}`, null);
  const rate = price.rates.find((r) => rateMatches(r, opts));
  const setting = describeSetting(opts);
  if (rate === undefined) return unknown(`no published price for ${model.id} at ${setting}`, price.source);
  let usd = rate.usd;
  if (price.per === "second") {
    if (opts.durationSeconds === null)
      return unknown(`per second, ${setting}, duration unknown`, price.source);
    usd = rate.usd * opts.durationSeconds;
  }
  return {
    credits: Math.round(usd * USD_TO_CREDITS),
    usd,
    basis: `per ${price.per}, ${setting}`,
    source: price.source,
  };
}

function rateMatches(rate: PriceRate, opts: CostInput): boolean {
  if (rate.audio !== undefined && rate.audio !== opts.audio) return false;
  if (rate.resolution === undefined) return true;
  return opts.resolution !== null && matchAllowed(opts.resolution, [rate.resolution]) !== undefined;
}

function describeSetting(opts: CostInput): string {
  return `${opts.resolution ?? "default resolution"}, ${opts.audio ? "with audio" : "without audio"}`;
}

function unknown(basis: string, source: string | null): CostEstimate {
  return { credits: null, usd: null, basis, source };
}
