// The simulator's made-up but plausible price list: per second, per resolution (and audio), deterministic per model.
import type { ModelSpec } from "../catalog/index.js";

/** AIML bills in credits: $1 = 2,000,000 credits (AIML FAQ). */
const CREDITS_PER_USD = 2_000_000;
/** Models that take no duration are priced per clip, as this many seconds of the per-second price. */
const CLIP_SECONDS = 5;
/** With audio a clip costs this much more. */
const AUDIO_FACTOR = 1.5;
/** Price ∝ (height / 720)^1.26: 720p at 0.39 gives 1080p at 0.65, as in the reference's example. */
const HEIGHT_EXPONENT = 1.26;

const NAMED_HEIGHTS: Readonly<Record<string, number>> = { hd: 720, fhd: 1080, "2k": 1440, "4k": 2160 };

export interface PriceVariant {
  when: Record<string, string | boolean>;
  price: number;
  unit: string;
  per: number;
}

export type SimulatedPricing =
  | { kind: "fixed"; currency: "USD"; units: { price: number; unit: string; per: number }[] }
  | { kind: "variants"; currency: "USD"; dimensions: string[]; variants: PriceVariant[] };

export interface PriceInput {
  durationSeconds: number;
  /** As requested (any case); null: the model's default. */
  resolution: string | null;
  audio: boolean;
}

/** USD per second at 720p without audio: 0.05–0.40 by a hash of the id, so every model has its own price. */
export function basePricePerSecond(modelId: string): number {
  return 0.05 + (fnv1a(modelId) % 36) / 100;
}

export function simulatedPricing(model: ModelSpec, scale = 1): SimulatedPricing {
  const base = basePricePerSecond(model.id) * scale;
  const unit = model.durations === null ? "video" : "second";
  const perUnit = unit === "video" ? base * CLIP_SECONDS : base;
  const dimensions: string[] = [];
  if (model.resolutions !== null && model.resolutions.length > 0) dimensions.push("resolution");
  if (model.fields.generate_audio !== undefined) dimensions.push("generate_audio");
  if (dimensions.length === 0) {
    return { kind: "fixed", currency: "USD", units: [{ price: cents(perUnit), unit, per: 1 }] };
  }
  const resolutions = model.resolutions ?? [null];
  const audios = model.fields.generate_audio === undefined ? [null] : [false, true];
  const variants: PriceVariant[] = [];
  for (const resolution of resolutions) {
    for (const audio of audios) {
      const when: Record<string, string | boolean> = {};
      if (resolution !== null) when.resolution = resolution;
      if (audio !== null) when.generate_audio = audio;
      const price = perUnit * heightFactor(resolution) * (audio === true ? AUDIO_FACTOR : 1);
      variants.push({ when, price: cents(price), unit, per: 1 });
    }
  }
  return { kind: "variants", currency: "USD", dimensions, variants };
}

/** What the simulator charges for a job, in credits: its listed price × `chargeScale` (1 = as listed). */
export function simulatedCredits(
  model: ModelSpec,
  input: PriceInput,
  options: { priceScale: number; chargeScale: number },
): number {
  const pricing = simulatedPricing(model, options.priceScale);
  const rate = rateFor(pricing, model, input);
  const quantity = rate.unit === "second" ? input.durationSeconds : 1;
  return Math.round((rate.price / rate.per) * quantity * CREDITS_PER_USD * options.chargeScale);
}

function rateFor(
  pricing: SimulatedPricing,
  model: ModelSpec,
  input: PriceInput,
): { price: number; unit: string; per: number } {
  if (pricing.kind === "fixed") return pricing.units[0]!;
  const resolution = (input.resolution ?? model.defaults.resolution ?? "").toLowerCase();
  const hit = pricing.variants.find(
    (v) =>
      (v.when.resolution === undefined || String(v.when.resolution).toLowerCase() === resolution) &&
      (v.when.generate_audio === undefined || v.when.generate_audio === input.audio),
  );
  // An unlisted resolution (never accepted by validation) is billed like the first variant.
  return hit ?? pricing.variants[0]!;
}

function heightFactor(resolution: string | null): number {
  if (resolution === null) return 1;
  const key = resolution.toLowerCase();
  const height = NAMED_HEIGHTS[key] ?? Number(/^(\d+)p$/.exec(key)?.[1] ?? NaN);
  return Number.isFinite(height) && height > 0 ? (height / 720) ** HEIGHT_EXPONENT : 1;
}

function cents(usd: number): number {
  return Math.max(0.01, Math.round(usd * 100) / 100);
}

/** 32-bit FNV-1a: a stable hash, so the same model gets the same price in every run. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
