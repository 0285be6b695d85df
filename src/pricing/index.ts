// Public surface of pricing: the live catalogue's prices (cached, revalidated), and what a shot costs in USD and credits.
export { parsePricing } from "./parse-pricing.js";
export type { ModelPricing, Rate, Variant } from "./parse-pricing.js";
export { buildPriceCatalogue } from "./price-catalogue.js";
export type { PriceCatalogue, PricedModel } from "./price-catalogue.js";
export { CREDITS_PER_USD, quote } from "./quote.js";
export type { PriceRequest, Quote } from "./quote.js";
export { catalogueFromBody, DEFAULT_MAX_AGE_MS, loadPriceCatalogue } from "./load-catalogue.js";
export type {
  CatalogueReader,
  CatalogueState,
  LoadCatalogueOptions,
  LoadedCatalogue,
} from "./load-catalogue.js";
export { resolveCacheDir } from "./cache-dir.js";
export { cacheFileFor } from "./catalogue-cache.js";
export { catalogueDate, catalogueLabel, describeLoaded } from "./label.js";
