// `models`: the model catalog as rows a user can scan (frames, durations, sizes, price, storyboard-ready), and one
// model's full card (every request field, its storyboard key or params:, price); data only.
import { getModel, isSemanticComplete, listModels, unreachableRequiredFields } from "../../catalog/index.js";
import type { DurationRange, FrameRequirement, ModelSpec } from "../../catalog/index.js";
import { catalogueLabel } from "../../pricing/index.js";
import type { PriceCatalogue } from "../../pricing/index.js";
import { cardFields, type CardField } from "./model-card.js";

/** A model's prices as its price list gives them: one entry per variant (a fixed price is one without settings). */
export interface ModelPriceInfo {
  known: boolean;
  /** catalogue: the API's list; simulator: the simulator's made-up list; null: unknown. */
  basis: "catalogue" | "simulator" | null;
  /** e.g. "catalogue of 2026-12-03 08:40 UTC"; null when there is no list. */
  priceList: string | null;
  /** Why the price is unknown; null when known. */
  reason: string | null;
  /** Settings (e.g. resolution 1080p) → USD for `per` units of `unit`; several rates add up. */
  variants: { when: Record<string, string>; rates: { usd: number; unit: string; per: number }[] }[];
}

export interface ModelInfo {
  id: string;
  /** Route as documented (informational). */
  endpoint: string;
  frames: { first: FrameRequirement; last: FrameRequirement };
  /** Allowed seconds; null: the model takes no duration. */
  durations: readonly number[] | DurationRange | null;
  resolutions: readonly string[] | null;
  aspectRatios: readonly string[] | null;
  /** The model takes generate_audio. */
  audio: boolean;
  /** A price is known for it (from the price list given; else plan/--max-credits learn it from renders). */
  priceKnown: boolean;
  price: ModelPriceInfo;
  /** Every required request field can be filled from storyboard fields alone. */
  semanticComplete: boolean;
  /** Required request fields no storyboard field fills: they go under the shot's `params:`. */
  needsParams: string[];
}

export interface ModelCard extends ModelInfo {
  /** Required request fields besides `model`. */
  required: string[];
  /** Every request field, `model` first. */
  fields: CardField[];
}

export interface ModelsOptions {
  /** Keep models whose id contains each of these (case-insensitive). */
  filter?: readonly string[];
  /** The price list to show prices from (loadPriceSource); omitted: prices unknown. */
  catalogue?: PriceCatalogue | null;
}

/** Every catalog model (sorted by id) whose id contains each of `filter` (case-insensitive). */
export function models(options: ModelsOptions = {}): ModelInfo[] {
  const terms = (options.filter ?? []).map((t) => t.trim().toLowerCase()).filter((t) => t !== "");
  return listModels()
    .filter((model) => terms.every((term) => model.id.toLowerCase().includes(term)))
    .map((model) => modelInfo(model, options.catalogue ?? null));
}

/**
 * The full card of one model, by its id (or an alias the price list knows); undefined when there is none.
 */
export function modelCard(
  id: string,
  options: { catalogue?: PriceCatalogue | null } = {},
): ModelCard | undefined {
  const catalogue = options.catalogue ?? null;
  const model = getModel(id) ?? aliasTarget(id, catalogue);
  if (model === undefined) return undefined;
  return {
    ...modelInfo(model, catalogue),
    required: [...model.required],
    fields: cardFields(model),
  };
}

function aliasTarget(name: string, catalogue: PriceCatalogue | null): ModelSpec | undefined {
  const found = catalogue?.find(name);
  return found === undefined ? undefined : getModel(found.id);
}

function modelInfo(model: ModelSpec, catalogue: PriceCatalogue | null): ModelInfo {
  const price = priceInfo(model.id, catalogue);
  return {
    id: model.id,
    endpoint: model.endpoint,
    frames: { first: model.frames.first, last: model.frames.last },
    durations: model.durations,
    resolutions: model.resolutions,
    aspectRatios: model.aspectRatios,
    audio: model.fields.generate_audio !== undefined,
    priceKnown: price.known,
    price,
    semanticComplete: isSemanticComplete(model),
    needsParams: unreachableRequiredFields(model),
  };
}

function priceInfo(id: string, catalogue: PriceCatalogue | null): ModelPriceInfo {
  const unknown = (reason: string, list: string | null = null): ModelPriceInfo => ({
    known: false,
    basis: null,
    priceList: list,
    reason,
    variants: [],
  });
  if (catalogue === null) return unknown("no price catalogue");
  const list = catalogueLabel(catalogue);
  const priced = catalogue.find(id);
  if (priced === undefined) return unknown(`not in the ${list.replace(/^the /, "")}`, list);
  const pricing = priced.pricing;
  if (pricing === null) return unknown(`listed without a price in the ${list.replace(/^the /, "")}`, list);
  if (pricing.kind === "unpriceable") return unknown(`${pricing.reason} (${list})`, list);
  const variants = (pricing.kind === "fixed" ? [{ when: {}, rates: pricing.rates }] : pricing.variants).map(
    (v) => ({
      when: Object.fromEntries(Object.entries(v.when).map(([k, value]) => [k, String(value)])),
      rates: v.rates.map((r) => ({ usd: r.price, unit: r.unit, per: r.per })),
    }),
  );
  return {
    known: true,
    basis: catalogue.source === "simulator" ? "simulator" : "catalogue",
    priceList: list,
    reason: null,
    variants,
  };
}
