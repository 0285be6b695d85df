// How estimates name their price list: "catalogue of 2026-12-03 08:40 UTC", "the simulator's price list".
import type { PriceCatalogue } from "./price-catalogue.js";
import type { LoadedCatalogue } from "./load-catalogue.js";

/** "2026-12-03 08:40 UTC" */
export function catalogueDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function catalogueLabel(catalogue: PriceCatalogue): string {
  return catalogue.source === "simulator"
    ? "the simulator's price list (made up, not AIML's)"
    : `catalogue of ${catalogueDate(catalogue.checkedAt)}`;
}

/** One line on where prices came from this time, e.g. for `plan` and `models`. */
export function describeLoaded(loaded: LoadedCatalogue, options: { maxAgeHours: number }): string {
  const { catalogue, state, problem } = loaded;
  if (catalogue === null) {
    return `prices: no catalogue (${problem ?? "not available"})`;
  }
  const label = catalogueLabel(catalogue);
  switch (state) {
    case "cached":
      return `prices: ${label}, cached (asked again after ${options.maxAgeHours} h, or now with --refresh-prices)`;
    case "revalidated":
      return `prices: ${label}, unchanged (checked now)`;
    case "downloaded":
      return `prices: ${label} from ${catalogue.origin}`;
    default:
      return `prices: ${label}, cached copy: the catalogue could not be read now (${problem ?? "unknown error"})`;
  }
}
