// The clip cache's errors and warnings: stable codes, so callers branch on `code`, never on message text.
import { StoryreelError } from "../util/errors.js";

/**
 * Why the cache could not do something. As a thrown error only from the maintenance calls (`list`, `stats`,
 * `verify`, `prune`) and `openCache`'s configuration checks; `lookup`, `fetchClip` and `store` return it as a
 * warning instead, so a render never fails because of its cache.
 */
export type CacheWarningCode =
  /** The store cannot be reached (connection refused, reset, timed out, DNS, a 5xx after retries). */
  | "E_CACHE_UNREACHABLE"
  /** The store refused the credentials or the operation (401/403, unknown access key, bad signature, none found). */
  | "E_CACHE_DENIED"
  /** The S3 bucket does not exist. */
  | "E_CACHE_NO_BUCKET"
  /** An entry or clip is unreadable or does not match its sha256/size: treated as a miss, replaced by the next store. */
  | "E_CACHE_CORRUPT"
  /** The clip given to `store` is not the one its record describes (changed on disk): nothing was stored. */
  | "E_CACHE_CLIP_CHANGED"
  /** `store` was given a key that is not cacheKey() of its entry, or an incomplete entry: nothing was stored. */
  | "E_CACHE_BAD_ENTRY"
  /** A local file system error (permissions, disk full, a file where a folder should be, …). */
  | "E_CACHE_IO";

export interface CacheWarning {
  code: CacheWarningCode;
  /** One line, naming the cache location; never contains credentials. */
  message: string;
}

export class CacheError extends StoryreelError {
  declare readonly code: CacheWarningCode;

  constructor(code: CacheWarningCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }

  get warning(): CacheWarning {
    return { code: this.code, message: this.message };
  }
}

/** A cache location, setting or option value that cannot work: the CLI exits 2, nothing is read or written. */
export class CacheConfigError extends StoryreelError {
  constructor(
    code: "E_CACHE_LOCATION" | "E_CACHE_CONFIG" | "E_CACHE_READ_ONLY" | "E_USAGE",
    message: string,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }
}

/** Codes of CacheConfigError: "fix your input", exit 2. */
export const CACHE_CONFIG_CODES: readonly string[] = [
  "E_CACHE_LOCATION",
  "E_CACHE_CONFIG",
  "E_CACHE_READ_ONLY",
  "E_USAGE",
];

/** Codes after which the store is given up for the rest of the process (trying again would only wait). */
export const UNAVAILABLE_CODES: ReadonlySet<CacheWarningCode> = new Set([
  "E_CACHE_UNREACHABLE",
  "E_CACHE_DENIED",
  "E_CACHE_NO_BUCKET",
]);

/** Any error as a CacheError (unexpected ones become E_CACHE_IO with their message). */
export function asCacheError(err: unknown, where: string): CacheError {
  if (err instanceof CacheError) return err;
  const reason = err instanceof Error ? err.message : String(err);
  return new CacheError("E_CACHE_IO", `${where}: ${reason}`, { cause: err });
}
