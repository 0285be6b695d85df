// Where `plan` and `models` take prices from: the simulator's own list (--sim), or the API's catalogue (cached).
import type { Dispatcher } from "undici";
import {
  catalogueFromBody,
  catalogueLabel,
  DEFAULT_MAX_AGE_MS,
  describeLoaded,
  loadPriceCatalogue,
  type LoadedCatalogue,
  type PriceCatalogue,
} from "../../pricing/index.js";
import { systemClock, type Clock } from "../../util/clock.js";

export interface PriceSourceOptions {
  /** Price with the built-in simulator's list (what `--sim` renders against); no request is made. */
  sim?: boolean;
  /** The API base URL whose catalogue prices the run (GET /v1/models, no key). Ignored with `sim`. */
  baseUrl?: string;
  /** The user's cache folder (resolveCacheDir); null: no cache. */
  cacheDir: string | null;
  /** Ask the catalogue now even if the cached copy is young (--refresh-prices). */
  refresh?: boolean;
  /** Ask again once the cached copy is this old; default 6 h. */
  maxAgeMs?: number;
  /** Cache a loopback API's catalogue too (tests). */
  cacheLoopback?: boolean;
  clock?: Clock;
  dispatcher?: Dispatcher;
}

export interface PriceSource {
  /** "simulator" or the API origin: whose observed prices may be used alongside. */
  backend: string;
  catalogue: PriceCatalogue | null;
  /** How the list was had this time (state "none": no list). */
  state: LoadedCatalogue["state"];
  /** Why there is no list, or why a cached copy was used. */
  problem: string | null;
  /** One line for the output, e.g. "prices: catalogue of 2026-12-03 08:40 UTC, cached (…)". */
  note: string;
}

export async function loadPriceSource(options: PriceSourceOptions): Promise<PriceSource> {
  const clock = options.clock ?? systemClock;
  if (options.sim === true) {
    // The same answer the simulator serves at /v1/models, without starting it.
    const { simulatorCatalogue } = await import("../../simulator/index.js");
    const { body } = simulatorCatalogue({ includePricing: true, id: null, type: null, priceScale: 1 });
    const catalogue = catalogueFromBody(body, {
      origin: "simulator",
      checkedAt: clock.wallNow().toISOString(),
    });
    return {
      backend: "simulator",
      catalogue,
      state: "downloaded",
      problem: null,
      note: `prices: ${catalogue === null ? "none" : catalogueLabel(catalogue)}, what --sim renders are billed; a real render is priced by AIML's catalogue`,
    };
  }
  const baseUrl = options.baseUrl ?? "https://api.aimlapi.com";
  const maxAgeMs = options.maxAgeMs ?? DEFAULT_MAX_AGE_MS;
  const loaded = await loadPriceCatalogue({
    baseUrl,
    cacheDir: options.cacheDir,
    clock,
    maxAgeMs,
    ...(options.refresh ? { refresh: true } : {}),
    ...(options.cacheLoopback ? { cacheLoopback: true } : {}),
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
  });
  return {
    backend: originOf(baseUrl),
    catalogue: loaded.catalogue,
    state: loaded.state,
    problem: loaded.problem,
    note: describeLoaded(loaded, { maxAgeHours: Math.round((maxAgeMs / 3_600_000) * 10) / 10 }),
  };
}

function originOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).origin;
  } catch {
    return baseUrl;
  }
}
