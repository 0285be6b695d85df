// Estimates a generation's cost in AIML credits from the static price table; unknown stays unknown (null), never
// guessed. Live prices (the API's catalogue) are src/pricing's job; plan and render price shots through it.
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

/** A null duration or resolution means "not sent": the model's documented server default is priced instead. */
export function estimateCost(model: ModelSpec, opts: CostInput): CostEstimate {
  const price = model.price;
  if (price === null) return unknown(`no published price for ${model.id}`, null);
  const resolution = opts.resolution ?? model.defaults.resolution ?? null;
  const durationSeconds = opts.durationSeconds ?? model.defaults.duration ?? null;
  const setting = describeSetting(resolution, opts);
  const rate = price.rates.find((r) => rateMatches(r, resolution, opts.audio));
  if (rate === undefined) return unknown(`no published price for ${model.id} at ${setting}`, price.source);
  let usd = rate.usd;
  if (price.per === "second") {
    if (durationSeconds === null) return unknown(`per second, ${setting}, duration unknown`, price.source);
    usd = rate.usd * durationSeconds;
  }
  return {
    credits: Math.round(usd * USD_TO_CREDITS),
    usd,
    basis: `per ${price.per}, ${setting}`,
    source: price.source,
  };
}

function rateMatches(rate: PriceRate, resolution: string | null, audio: boolean): boolean {
  if (rate.audio !== undefined && rate.audio !== audio) return false;
  if (rate.resolution === undefined) return true;
  return resolution !== null && matchAllowed(resolution, [rate.resolution]) !== undefined;
}

function describeSetting(resolution: string | null, opts: CostInput): string {
  const shown = resolution === null ? "resolution unknown" : resolution;
  const note = opts.resolution === null && resolution !== null ? " (server default)" : "";
  return `${shown}${note}, ${opts.audio ? "with audio" : "without audio"}`;
}

function unknown(basis: string, source: string | null): CostEstimate {
  return { credits: null, usd: null, basis, source };
}
