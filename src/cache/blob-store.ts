// The few operations the cache needs from a store of named blobs: a local folder or an S3 prefix.
import type { Readable } from "node:stream";

export interface BlobInfo {
  /** Name inside the cache, "/"-separated ("v1/clips/ab/ab…"). */
  name: string;
  bytes: number;
  modified: Date;
}

/**
 * "create": only if absent ("exists" when another writer got there first, which is success);
 * "replace": overwrite (an invalid or corrupt object found before).
 */
export type PutMode = "create" | "replace";

/** Every method throws CacheError (E_CACHE_UNREACHABLE, E_CACHE_DENIED, E_CACHE_NO_BUCKET, E_CACHE_IO). */
export interface BlobStore {
  readonly kind: "local" | "s3";
  /** The location as the user would type it. */
  readonly description: string;
  /** The text of a blob, or null when there is none. */
  getText(name: string): Promise<string | null>;
  /** Size of a blob, or null when there is none. */
  head(name: string): Promise<{ bytes: number } | null>;
  putText(name: string, text: string, mode: PutMode): Promise<"written" | "exists">;
  /** Puts a file's bytes; `expect` is what the bytes must be (a local store checks its copy before linking it). */
  putFile(
    name: string,
    absPath: string,
    mode: PutMode,
    expect: { sha256: string; bytes: number },
  ): Promise<"written" | "exists">;
  /** Puts the blob's bytes at `tempPath` (a local store hard-links where it can); returns how. */
  fetchTo(name: string, tempPath: string): Promise<"linked" | "copied" | "downloaded">;
  /** The blob's bytes as a stream (for verify). */
  read(name: string): Promise<Readable>;
  /** Every blob whose name starts with `prefix`. */
  list(prefix: string): AsyncIterable<BlobInfo>;
  /** Removes a blob; absent is fine. */
  remove(name: string): Promise<void>;
  /** Leftover temp files of writers that died, older than `before` (local stores only). */
  removeStaleTemps?(before: Date): Promise<number>;
  /** Releases connections. */
  close(): void;
}
