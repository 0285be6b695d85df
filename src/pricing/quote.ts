// The price of one generation from a catalogue: match the model and the variant, multiply out the units, or say why not.
import { USD_TO_CREDITS } from "../catalog/index.js";
import type { Rate, Variant } from "./parse-pricing.js";
import type { PriceCatalogue } from "./price-catalogue.js";

/** "$1 USD = 2,000,000 credits" (AIML FAQ; the catalog keeps the figure and its source). */
export const CREDITS_PER_USD = USD_TO_CREDITS;

/** What a request asks for, as far as a price can depend on it. */
export interface PriceRequest {
  model: string;
  /** The request body's fields (dimensions such as `resolution` are matched against these values). */
  fields: Readonly<Record<string, unknown>>;
  /** Seconds of video; null when unknown. */
  durationSeconds: number | null;
  /** The resolution the server will use (the request's, else the model's default); null when unknown. */
  resolution: string | null;
  audio: boolean;
}

export type Quote =
  | {
      known: true;
      usd: number;
      credits: number;
      /** The catalogue's id of the model (the request may have named an alias). */
      model: string;
      /** How it was computed, e.g. "0.65 USD per second × 5 s (resolution 1080p)". */
      detail: string;
      /** The rate alone, shared by shots of one setting, e.g. "0.65 USD per second (resolution 1080p)". */
      rate: string;
    }
  | { known: false; reason: string };

const SECONDS = new Set(["second", "seconds", "sec", "secs", "s"]);
const MINUTES = new Set(["minute", "minutes", "min", "mins"]);
const EACH = new Set([
  "video",
  "videos",
  "clip",
  "clips",
  "generation",
  "generations",
  "request",
  "requests",
  "item",
  "items",
  "output",
  "outputs",
  "call",
  "calls",
  "unit",
  "units",
]);
const AUDIO_DIMENSIONS = new Set(["audio", "generate_audio", "sound", "with_audio"]);

export function quote(catalogue: PriceCatalogue, request: PriceRequest): Quote {
  const model = catalogue.find(request.model);
  if (model === undefined) return { known: false, reason: `${request.model} is not in the catalogue` };
  const pricing = model.pricing;
  if (pricing === null) return { known: false, reason: `the catalogue lists no price for ${model.id}` };
  if (pricing.kind === "unpriceable") return { known: false, reason: `${model.id}: ${pricing.reason}` };
  let rates: readonly Rate[];
  let setting = "";
  if (pricing.kind === "fixed") {
    rates = pricing.rates;
  } else {
    const picked = pickVariant(pricing.dimensions, pricing.variants, request);
    if (typeof picked === "string") return { known: false, reason: `${model.id}: ${picked}` };
    rates = picked.variant.rates;
    setting = picked.setting;
  }
  let usd = 0;
  const parts: string[] = [];
  const rateParts: string[] = [];
  for (const rate of rates) {
    const quantity = quantityOf(rate.unit, request.durationSeconds);
    if (typeof quantity === "string") return { known: false, reason: `${model.id}: ${quantity}` };
    usd += (rate.price / rate.per) * quantity.amount;
    const each = `${rate.price} USD per ${rate.per === 1 ? "" : `${rate.per} `}${rate.unit}`;
    rateParts.push(each);
    parts.push(`${each}${quantity.label}`);
  }
  usd = Math.round(usd * 1e9) / 1e9;
  const where = setting === "" ? "" : ` (${setting})`;
  return {
    known: true,
    usd,
    credits: Math.round(usd * CREDITS_PER_USD),
    model: model.id,
    detail: `${parts.join(" + ")}${where}`,
    rate: `${rateParts.join(" + ")}${where}`,
  };
}

/** The first variant whose every named dimension matches the request (case-insensitively), or why none does. */
function pickVariant(
  dimensions: readonly string[],
  variants: readonly Variant[],
  request: PriceRequest,
): { variant: Variant; setting: string } | string {
  const names = new Set(dimensions);
  for (const variant of variants) for (const key of Object.keys(variant.when)) names.add(key);
  const values = new Map<string, string>();
  for (const name of names) {
    const value = requestValue(name, request);
    if (value === undefined) return `priced by ${name}, which the request does not set`;
    values.set(name, value);
  }
  const variant = variants.find((v) =>
    Object.entries(v.when).every(([name, wanted]) => normalise(wanted) === values.get(name)),
  );
  const setting = [...values].map(([name, value]) => `${name} ${value}`).join(", ");
  if (variant === undefined) return `no listed price for ${setting}`;
  return { variant, setting };
}

/** The request's value of a pricing dimension, normalised for comparison; undefined when it has none. */
function requestValue(dimension: string, request: PriceRequest): string | undefined {
  const lower = dimension.toLowerCase();
  const field = Object.keys(request.fields).find((key) => key.toLowerCase() === lower);
  if (lower === "resolution" && request.resolution !== null) return normalise(request.resolution);
  if (field !== undefined && request.fields[field] !== undefined && request.fields[field] !== null) {
    return normalise(request.fields[field]);
  }
  if (AUDIO_DIMENSIONS.has(lower)) return normalise(request.audio);
  if (lower === "duration" && request.durationSeconds !== null) return normalise(request.durationSeconds);
  return undefined;
}

function normalise(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim().toLowerCase();
  if (typeof value === "boolean" || typeof value === "number") return String(value);
  return undefined;
}

function quantityOf(unit: string, seconds: number | null): { amount: number; label: string } | string {
  const name = unit.toLowerCase();
  if (EACH.has(name)) return { amount: 1, label: "" };
  if (SECONDS.has(name) || MINUTES.has(name)) {
    if (seconds === null) return `priced per ${unit}, and the duration is unknown`;
    return { amount: SECONDS.has(name) ? seconds : seconds / 60, label: ` × ${seconds} s` };
  }
  return `priced per ${unit}, which a video request does not measure`;
}
