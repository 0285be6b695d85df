// A catalogue's prices by model: looked up by id or alias, with where and when the list came from.
import type { CatalogueModel } from "../api/index.js";
import { parsePricing, type ModelPricing } from "./parse-pricing.js";

export interface PricedModel {
  id: string;
  aliases: readonly string[];
  /** null: the catalogue lists the model without a price. */
  pricing: ModelPricing | null;
}

export interface PriceCatalogue {
  /** "simulator": storyreel's simulator made these prices up. */
  source: "api" | "simulator";
  /** Origin the list came from (or "simulator" for the in-process simulator's list). */
  origin: string;
  /** When the list was last confirmed current (downloaded, or revalidated with 304), ISO-8601. */
  checkedAt: string;
  /** Looks a request's model up by id, then by alias (each exactly, then ignoring case). */
  find(model: string): PricedModel | undefined;
  readonly size: number;
}

export function buildPriceCatalogue(
  models: readonly CatalogueModel[],
  meta: { simulated: boolean; origin: string; checkedAt: string },
): PriceCatalogue {
  const byId = new Map<string, PricedModel>();
  const byAlias = new Map<string, PricedModel>();
  const folded = new Map<string, PricedModel>();
  for (const model of models) {
    const priced: PricedModel = {
      id: model.id,
      aliases: model.aliases,
      pricing: parsePricing(model.pricing),
    };
    if (!byId.has(model.id)) byId.set(model.id, priced);
    for (const alias of model.aliases) if (!byAlias.has(alias)) byAlias.set(alias, priced);
  }
  for (const [name, priced] of [...byId, ...byAlias]) {
    const key = name.toLowerCase();
    if (!folded.has(key)) folded.set(key, priced);
  }
  return {
    source: meta.simulated ? "simulator" : "api",
    origin: meta.origin,
    checkedAt: meta.checkedAt,
    find: (model) => byId.get(model) ?? byAlias.get(model) ?? folded.get(model.toLowerCase()),
    size: byId.size,
  };
}
