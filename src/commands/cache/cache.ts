// `storyreel cache …`: opening the cache a command names (--cache, STORYREEL_CACHE, the default) and its listings.
import { CacheConfigError, openCache, resolveCacheLocation } from "../../cache/index.js";
import type { CacheListing, CacheStats, ClipCache, PruneReport, VerifyReport } from "../../cache/index.js";
import type { Clock } from "../../util/clock.js";

export interface CacheTarget {
  /** --cache (a folder or s3://bucket/prefix); absent: STORYREEL_CACHE, else the user's cache folder. */
  flag?: string;
  /** Name of the option the location came from, for messages ("--to", "--from"). */
  setting?: string;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  clock?: Clock;
  /** Override STORYREEL_CACHE_READ_ONLY. */
  readOnly?: boolean;
}

/** Opens the named cache; throws CacheConfigError (exit 2) for a bad location or "off". */
export function openCacheAt(target: CacheTarget): ClipCache {
  const location = resolveCacheLocation({
    ...(target.flag !== undefined ? { flag: target.flag } : {}),
    ...(target.setting !== undefined ? { setting: target.setting } : {}),
    env: target.env,
    cwd: target.cwd,
  });
  if (location === null) {
    throw new CacheConfigError(
      "E_USAGE",
      `${target.flag !== undefined ? (target.setting ?? "--cache") : "STORYREEL_CACHE"} turns the cache off: give ${target.setting ?? "--cache"} <dir|s3://bucket/prefix>`,
    );
  }
  return openCache({
    location,
    env: target.env,
    ...(target.clock ? { clock: target.clock } : {}),
    ...(target.readOnly !== undefined ? { readOnly: target.readOnly } : {}),
  });
}

/** Runs `work` on the opened cache and closes it (S3 connections) whatever happens. */
export async function withCache<T>(target: CacheTarget, work: (cache: ClipCache) => Promise<T>): Promise<T> {
  const cache = openCacheAt(target);
  try {
    return await work(cache);
  } finally {
    cache.close();
  }
}

export interface CacheListResult {
  location: string;
  listing: CacheListing;
}

export function cacheList(target: CacheTarget): Promise<CacheListResult> {
  return withCache(target, async (cache) => ({ location: cache.description, listing: await cache.list() }));
}

export function cacheStats(target: CacheTarget): Promise<CacheStats> {
  return withCache(target, (cache) => cache.stats());
}

export function cacheVerify(target: CacheTarget): Promise<VerifyReport & { location: string }> {
  return withCache(target, async (cache) => ({ location: cache.description, ...(await cache.verify()) }));
}

export function cachePrune(
  target: CacheTarget,
  options: { olderThanMs?: number; maxBytes?: number; dryRun?: boolean },
): Promise<PruneReport & { location: string }> {
  if (options.olderThanMs === undefined && options.maxBytes === undefined) {
    throw new CacheConfigError("E_USAGE", "cache prune: give --older-than <age>, --max-size <size>, or both");
  }
  return withCache(target, async (cache) => ({
    location: cache.description,
    ...(await cache.prune(options)),
  }));
}
