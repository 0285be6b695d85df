// Gets the price catalogue: the cached copy while it is young, else revalidated (If-None-Match) or downloaded;
// offline or on error the cached copy (with its date), else none.
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { Dispatcher } from "undici";
import type { ListModelsOptions, ModelsListing } from "../api/index.js";
// The body reader alone, not the API's index: that one loads undici, which a young cached catalogue never needs.
import { readCatalogue } from "../api/models-body.js";
import { systemClock, type Clock } from "../util/clock.js";
import {
  cacheFileFor,
  readCachedCatalogue,
  writeCachedCatalogue,
  type CachedCatalogue,
} from "./catalogue-cache.js";
import { buildPriceCatalogue, type PriceCatalogue } from "./price-catalogue.js";

/** The catalogue is asked again at most this often (unless forced): prices change rarely. */
export const DEFAULT_MAX_AGE_MS = 6 * 3600 * 1000;
/** After the catalogue could not be reached, it is not asked again for this long (unless forced): offline stays quick. */
export const DEFAULT_RETRY_AFTER_FAILURE_MS = 10 * 60 * 1000;

export interface CatalogueReader {
  listModels(options?: ListModelsOptions): Promise<ModelsListing>;
}

export interface LoadCatalogueOptions {
  /** The API base URL whose catalogue prices the run. */
  baseUrl: string;
  /** The user's cache folder (see resolveCacheDir); null: nothing is cached or read from a cache. */
  cacheDir: string | null;
  /** The age rule's clock (wall time). */
  clock?: Clock;
  /** Ask the API again once the cached copy is older than this; default 6 h. */
  maxAgeMs?: number;
  /** Revalidate now, whatever the cached copy's age or a recent failure (--refresh-prices). */
  refresh?: boolean;
  /** After a failed request, answer from the cache (or with none) without asking for this long; default 10 min. */
  retryAfterFailureMs?: number;
  /**
   * Cache a loopback API's catalogue too. Default false: a local simulator's port and prices come and go, so its
   * list is asked every time (and no file per ephemeral port piles up in the user's cache).
   */
  cacheLoopback?: boolean;
  /** The catalogue route's client; default a keyless client for baseUrl (loaded only when a request is needed). */
  reader?: CatalogueReader;
  dispatcher?: Dispatcher;
  signal?: AbortSignal;
}

/**
 * cached: the cached copy was young enough, nothing was asked; revalidated: the API answered 304;
 * downloaded: a new list; stale: the API could not be read, the cached copy is used; none: no list at all.
 */
export type CatalogueState = "cached" | "revalidated" | "downloaded" | "stale" | "none";

export interface LoadedCatalogue {
  catalogue: PriceCatalogue | null;
  state: CatalogueState;
  /** Why the API's catalogue could not be read (state "stale" or "none"), else null. */
  problem: string | null;
  /** Requests made to the catalogue route (0 or 1). */
  requests: number;
}

export async function loadPriceCatalogue(options: LoadCatalogueOptions): Promise<LoadedCatalogue> {
  const clock = options.clock ?? systemClock;
  const origin = originOf(options.baseUrl);
  // A loopback API is a local simulator whose port and prices come and go: not cached unless asked.
  const skip = origin === null || (isLoopback(origin) && options.cacheLoopback !== true);
  const file = options.cacheDir === null || skip ? null : cacheFileFor(options.cacheDir, origin);
  const cached = file === null || origin === null ? null : await readCachedCatalogue(file, origin);
  const fromCache =
    cached === null
      ? null
      : catalogueFromBody(cached.body, { origin: cached.origin, checkedAt: cached.checkedAt });
  const maxAgeMs = options.maxAgeMs ?? DEFAULT_MAX_AGE_MS;
  if (fromCache !== null && cached !== null && options.refresh !== true) {
    const age = clock.wallNow().getTime() - Date.parse(cached.checkedAt);
    if (age >= 0 && age < maxAgeMs)
      return { catalogue: fromCache, state: "cached", problem: null, requests: 0 };
  }
  const usable = fromCache === null ? null : cached;
  const failedFile = file === null ? null : `${file}.failed.json`;
  const failure = failedFile === null || options.refresh === true ? null : await readFailure(failedFile);
  const retryAfter = options.retryAfterFailureMs ?? DEFAULT_RETRY_AFTER_FAILURE_MS;
  const sinceFailure = failure === null ? Infinity : clock.wallNow().getTime() - Date.parse(failure.at);
  if (failure !== null && sinceFailure >= 0 && sinceFailure < retryAfter) {
    const problem = `${failure.problem} (at ${failure.at}; asked again ${Math.round(retryAfter / 60_000)} min later, or with --refresh-prices)`;
    return fromCache === null
      ? { catalogue: null, state: "none", problem, requests: 0 }
      : { catalogue: fromCache, state: "stale", problem, requests: 0 };
  }
  let listing: ModelsListing;
  try {
    listing = await ask(options, usable?.etag ?? null);
  } catch (err) {
    const problem = err instanceof Error ? err.message : String(err);
    if (failedFile !== null) {
      const at = clock.wallNow().toISOString();
      await mkdir(dirname(failedFile), { recursive: true })
        .then(() => writeFile(failedFile, JSON.stringify({ at, problem })))
        .catch(() => undefined);
    }
    return fromCache === null
      ? { catalogue: null, state: "none", problem, requests: 1 }
      : { catalogue: fromCache, state: "stale", problem, requests: 1 };
  }
  if (failedFile !== null) await rm(failedFile, { force: true }).catch(() => undefined);
  const now = clock.wallNow().toISOString();
  const resolvedOrigin = origin ?? options.baseUrl;
  if (listing.notModified && usable !== null && fromCache !== null) {
    await save(file, { ...usable, checkedAt: now });
    return {
      catalogue: catalogueFromBody(usable.body, { origin: resolvedOrigin, checkedAt: now }),
      state: "revalidated",
      problem: null,
      requests: 1,
    };
  }
  if (listing.notModified) {
    return {
      catalogue: null,
      state: "none",
      problem: "the API answered 304 to a request without an ETag",
      requests: 1,
    };
  }
  const catalogue = catalogueFromBody(listing.body, { origin: resolvedOrigin, checkedAt: now });
  if (catalogue === null) {
    return {
      catalogue: fromCache,
      state: fromCache === null ? "none" : "stale",
      problem: "the catalogue's answer could not be read",
      requests: 1,
    };
  }
  await save(file, {
    origin: resolvedOrigin,
    etag: listing.etag,
    fetchedAt: now,
    checkedAt: now,
    body: listing.body,
  });
  return { catalogue, state: "downloaded", problem: null, requests: 1 };
}

/** A catalogue from a /v1/models body (a cached one, or the simulator's); null when the body cannot be read. */
export function catalogueFromBody(
  body: string,
  meta: { origin: string; checkedAt: string },
): PriceCatalogue | null {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return null;
  }
  const read = readCatalogue(json);
  if (!read.ok) return null;
  return buildPriceCatalogue(read.value.models, { ...meta, simulated: read.value.simulated });
}

async function ask(options: LoadCatalogueOptions, etag: string | null): Promise<ModelsListing> {
  const request = {
    ...(etag === null ? {} : { etag }),
    ...(options.signal ? { signal: options.signal } : {}),
  };
  if (options.reader !== undefined) return options.reader.listModels(request);
  // Loaded here, not at import time: a young cached catalogue needs no HTTP client at all.
  const { createCatalogueClient } = await import("../api/index.js");
  const client = createCatalogueClient({
    baseUrl: options.baseUrl,
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
  });
  try {
    return await client.listModels(request);
  } finally {
    await client.close();
  }
}

/** The last failed request for this catalogue, if it is recorded and readable. */
async function readFailure(file: string): Promise<{ at: string; problem: string } | null> {
  try {
    const value = JSON.parse(await readFile(file, "utf8")) as { at?: unknown; problem?: unknown };
    return typeof value.at === "string" && typeof value.problem === "string"
      ? { at: value.at, problem: value.problem }
      : null;
  } catch {
    return null;
  }
}

/** A cache that cannot be written is only a slower next run: never a reason to fail. */
async function save(file: string | null, entry: CachedCatalogue): Promise<void> {
  if (file === null) return;
  await writeCachedCatalogue(file, entry).catch(() => undefined);
}

function originOf(baseUrl: string): string | null {
  try {
    return new URL(baseUrl).origin;
  } catch {
    return null; // the client refuses it with its own message
  }
}

function isLoopback(origin: string): boolean {
  const host = new URL(origin).hostname.toLowerCase();
  return host === "localhost" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);
}
