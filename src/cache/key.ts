// The cache key: one shot's exact request (its input_hash), who rendered it, and the cache format.
import { canonicalJson, sha256Hex } from "../util/hash.js";

/** Bumped when the entry format or the key's ingredients change: older entries are then simply never found. */
export const CACHE_FORMAT = 1;

export interface CacheKeyInput {
  /** The shot's input_hash: sha256 of its canonical request, frames by content. */
  inputHash: string;
  /** "simulator", or the API origin ("https://api.aimlapi.com"): a simulated clip never serves an API run. */
  backend: string;
}

/** sha256 (hex) of the canonical { format, input_hash, backend }. */
export function cacheKey(input: CacheKeyInput): string {
  return sha256Hex(
    canonicalJson({
      format: CACHE_FORMAT,
      input_hash: input.inputHash,
      backend: normalizeBackend(input.backend),
    }),
  );
}

/** "simulator" as is; an http(s) URL as its origin (lowercase host, no default port, no path or slash). */
export function normalizeBackend(backend: string): string {
  if (backend === "simulator") return backend;
  try {
    const url = new URL(backend);
    if (url.protocol === "http:" || url.protocol === "https:") return url.origin;
  } catch {
    // not a URL: kept as given (it still never equals "simulator" or an origin)
  }
  return backend;
}

const HEX64 = /^[0-9a-f]{64}$/;

/** A sha256 in lowercase hex: every cache key and clip name is one (so no name can leave the cache). */
export function isHex64(value: unknown): value is string {
  return typeof value === "string" && HEX64.test(value);
}
