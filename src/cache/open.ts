// Opening a cache: a location and the environment → a ClipCache (the S3 client is built only when first used).
import type { Clock } from "../util/clock.js";
import type { BlobStore } from "./blob-store.js";
import { BlobClipCache } from "./clip-cache.js";
import type { ClipCache } from "./clip-cache.js";
import type { CacheWarning } from "./errors.js";
import { LocalBlobStore } from "./local-store.js";
import type { CacheLocation } from "./location.js";
import { readOnlyFromEnv } from "./location.js";
import { s3SettingsFromEnv } from "./s3-config.js";
import { S3BlobStore } from "./s3-store.js";

export interface OpenCacheOptions {
  /** From resolveCacheLocation() (null there means "off": do not open one). */
  location: CacheLocation;
  /** AWS_* settings for an S3 location, STORYREEL_CACHE_READ_ONLY; default process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Look up only; store() does nothing and says "read-only". Default: STORYREEL_CACHE_READ_ONLY. */
  readOnly?: boolean;
  /** Wall clock for entries' `created` and prune's ages. */
  clock?: Clock;
  /** Called once per distinct warning. */
  onWarning?: (warning: CacheWarning) => void;
  /** S3 timeouts (tests shorten them). */
  s3?: { connectTimeoutMs?: number; idleTimeoutMs?: number };
}

/**
 * Opens the cache at `location`. Reads nothing yet (a folder is created on the first store; the S3 client is loaded
 * on the first call). Throws CacheConfigError E_CACHE_CONFIG for an unusable AWS_ENDPOINT_URL.
 */
export function openCache(options: OpenCacheOptions): ClipCache {
  const env = options.env ?? process.env;
  const { location } = options;
  let blob: BlobStore;
  if (location.kind === "local") {
    blob = new LocalBlobStore(location.dir);
  } else {
    blob = new S3BlobStore({
      bucket: location.bucket,
      prefix: location.prefix,
      settings: s3SettingsFromEnv(env),
      ...options.s3,
    });
  }
  return new BlobClipCache({
    location,
    blob,
    readOnly: options.readOnly ?? readOnlyFromEnv(env),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.onWarning ? { onWarning: options.onWarning } : {}),
  });
}
