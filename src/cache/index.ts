// Public API of the clip cache: shots' clips by request and backend, in a folder or S3, shared by runs and runners.
export { openCache } from "./open.js";
export type { OpenCacheOptions } from "./open.js";
export type { ClipCache, LookupResult, FetchResult, StoreResult, StoreOptions } from "./clip-cache.js";
export { cacheKey, normalizeBackend, CACHE_FORMAT } from "./key.js";
export type { CacheKeyInput } from "./key.js";
export { entryInputFromShot } from "./entry.js";
export type { CacheEntry, CacheEntryInput, CachedClip } from "./entry.js";
export {
  parseCacheLocation,
  resolveCacheLocation,
  defaultCacheDir,
  describeLocation,
  sameLocation,
  readOnlyFromEnv,
} from "./location.js";
export type { CacheLocation } from "./location.js";
export { CacheError, CacheConfigError, CACHE_CONFIG_CODES } from "./errors.js";
export type { CacheWarning, CacheWarningCode } from "./errors.js";
export type {
  CacheListing,
  CacheStats,
  VerifyReport,
  CorruptClip,
  ListedEntry,
  InvalidEntry,
} from "./maintenance.js";
export type { PruneOptions, PruneReport, PrunedEntry } from "./prune.js";
export { parseDuration, parseSize } from "./units.js";
