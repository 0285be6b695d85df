// The cache a render talks to: lookup, fetchClip, store. None of them throws: trouble comes back as a warning.
import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Clock } from "../util/clock.js";
import { systemClock } from "../util/clock.js";
import type { BlobStore } from "./blob-store.js";
import type { CacheEntry, CacheEntryInput } from "./entry.js";
import { buildEntry, entryInputProblems, parseEntry } from "./entry.js";
import { asCacheError, CacheConfigError, CacheError, UNAVAILABLE_CODES } from "./errors.js";
import type { CacheWarning } from "./errors.js";
import { hashFile, hashStream } from "./file-hash.js";
import { cacheKey, isHex64 } from "./key.js";
import { clipName, entryName } from "./layout.js";
import type { CacheLocation } from "./location.js";
import { cacheStats, listCache, verifyCache } from "./maintenance.js";
import type { CacheListing, CacheStats, VerifyReport } from "./maintenance.js";
import { pruneCache } from "./prune.js";
import type { PruneOptions, PruneReport } from "./prune.js";

export interface LookupResult {
  /** The entry, or null: a miss (also when the cache is unreachable or the entry is corrupt: see warning). */
  entry: CacheEntry | null;
  warning?: CacheWarning;
}

export type FetchResult =
  | { ok: true; how: "linked" | "copied" | "downloaded"; sha256: string; bytes: number }
  | { ok: false; warning: CacheWarning };

export interface StoreResult {
  /** The key now has a valid entry in the cache (this call's, or one another writer stored first). */
  ok: boolean;
  /** "read-only": nothing was written on purpose; "failed": see warning. */
  outcome: "stored" | "exists" | "read-only" | "failed";
  warning?: CacheWarning;
}

export interface StoreOptions {
  /**
   * Re-hash the clip an existing entry names (downloading it from S3) and replace it when it fails. Without it, only
   * clips this process found corrupt (fetchClip) are replaced; `cache export` sets it.
   */
  recheck?: boolean;
}

export interface ClipCache {
  readonly location: CacheLocation;
  /** The location as the user would type it (folder or s3://bucket/prefix). */
  readonly description: string;
  readonly readOnly: boolean;
  /** The entry for `key` (cacheKey()), with its clip present at its recorded size; never throws. */
  lookup(key: string): Promise<LookupResult>;
  /**
   * Puts the entry's clip at `destAbsPath` (hard link or copy from a folder, download from S3), checked against its
   * sha256 and size before it appears there (temp file + rename). A mismatch is E_CACHE_CORRUPT: a miss, and the
   * next `store` of that clip replaces it. Never throws.
   */
  fetchClip(entry: CacheEntry, destAbsPath: string): Promise<FetchResult>;
  /**
   * Stores a completed shot's clip, then its entry. Never overwrites a valid entry ("exists"); two writers of one key
   * both succeed. Read-only: does nothing ("read-only"). Never throws.
   */
  store(
    key: string,
    input: CacheEntryInput,
    clipAbsPath: string,
    options?: StoreOptions,
  ): Promise<StoreResult>;
  /** Every entry and clip (throws CacheError when the store cannot be read). */
  list(): Promise<CacheListing>;
  stats(): Promise<CacheStats>;
  /** Re-hashes every clip: corrupt and missing clips, invalid entries. */
  verify(): Promise<VerifyReport>;
  /** Removes entries by age and/or to fit a size, then clips no entry names. */
  prune(options: PruneOptions): Promise<PruneReport>;
  /** Releases connections (S3). */
  close(): void;
}

export interface ClipCacheOptions {
  location: CacheLocation;
  blob: BlobStore;
  readOnly: boolean;
  clock?: Clock;
  /** Called once per distinct warning (a render turns them into `warning` events). */
  onWarning?: (warning: CacheWarning) => void;
}

/** Attempts at reading an entry back whole after writing it (a store that is not atomic per object tears it). */
const SETTLE_ATTEMPTS = 6;

export class BlobClipCache implements ClipCache {
  readonly location: CacheLocation;
  readonly description: string;
  readonly readOnly: boolean;
  readonly #blob: BlobStore;
  readonly #clock: Clock;
  readonly #onWarning: ((warning: CacheWarning) => void) | undefined;
  readonly #warned = new Set<string>();
  /** Clips that failed their sha256 check in this process: misses until a store replaces them. */
  readonly #corrupt = new Map<string, CacheWarning>();
  /** Set once the store is unreachable, refuses us or has no bucket: later calls return at once. */
  #down: CacheWarning | null = null;

  constructor(options: ClipCacheOptions) {
    this.location = options.location;
    this.#blob = options.blob;
    this.description = options.blob.description;
    this.readOnly = options.readOnly;
    this.#clock = options.clock ?? systemClock;
    this.#onWarning = options.onWarning;
  }

  #warn(warning: CacheWarning): CacheWarning {
    if (UNAVAILABLE_CODES.has(warning.code)) this.#down ??= warning;
    const id = `${warning.code}\0${warning.message}`;
    if (!this.#warned.has(id)) {
      this.#warned.add(id);
      this.#onWarning?.(warning);
    }
    return warning;
  }

  async lookup(key: string): Promise<LookupResult> {
    if (!isHex64(key)) {
      return {
        entry: null,
        warning: this.#warn({
          code: "E_CACHE_BAD_ENTRY",
          message: `not a cache key: ${JSON.stringify(key)}`,
        }),
      };
    }
    if (this.#down) return { entry: null, warning: this.#down };
    try {
      const text = await this.#blob.getText(entryName(key));
      if (text === null) return { entry: null };
      const parsed = parseEntry(text, key);
      if ("problem" in parsed) {
        return {
          entry: null,
          warning: this.#warn(
            corrupt(this.description, `entry ${key.slice(0, 12)} is unusable (${parsed.problem})`),
          ),
        };
      }
      const { entry } = parsed;
      const known = this.#corrupt.get(entry.clip.sha256);
      if (known) return { entry: null, warning: known };
      const head = await this.#blob.head(clipName(entry.clip.sha256));
      if (head === null || head.bytes !== entry.clip.bytes) {
        const why = head === null ? "is missing" : `has ${head.bytes} bytes, not ${entry.clip.bytes}`;
        return {
          entry: null,
          warning: this.#warn(corrupt(this.description, `the clip of entry ${key.slice(0, 12)} ${why}`)),
        };
      }
      return { entry };
    } catch (err) {
      return { entry: null, warning: this.#warn(asCacheError(err, `cache ${this.description}`).warning) };
    }
  }

  async fetchClip(entry: CacheEntry, destAbsPath: string): Promise<FetchResult> {
    if (this.#down) return { ok: false, warning: this.#down };
    const { sha256, bytes } = entry.clip;
    if (!isHex64(sha256)) {
      return {
        ok: false,
        warning: this.#warn({
          code: "E_CACHE_BAD_ENTRY",
          message: `not a clip sha256: ${JSON.stringify(sha256)}`,
        }),
      };
    }
    const known = this.#corrupt.get(sha256);
    if (known) return { ok: false, warning: known };
    const temp = join(
      dirname(destAbsPath),
      `.${basename(destAbsPath)}.${randomBytes(6).toString("hex")}.tmp`,
    );
    try {
      await mkdir(dirname(destAbsPath), { recursive: true });
      const how = await this.#blob.fetchTo(clipName(sha256), temp);
      const got = await hashFile(temp);
      if (got.sha256 !== sha256 || got.bytes !== bytes) {
        const warning = this.#warn(
          corrupt(
            this.description,
            `clip ${sha256.slice(0, 12)} does not match its sha256 (${got.bytes} bytes, sha256 ${got.sha256.slice(0, 12)}): ignored, the next store replaces it`,
          ),
        );
        this.#corrupt.set(sha256, warning);
        return { ok: false, warning };
      }
      if (how !== "linked") {
        const handle = await open(temp, "r+");
        await handle.sync().finally(() => handle.close());
      }
      await rename(temp, destAbsPath);
      return { ok: true, how, sha256, bytes };
    } catch (err) {
      return {
        ok: false,
        warning: this.#warn(
          asCacheError(err, `cache ${this.description}: fetching clip ${sha256.slice(0, 12)}`).warning,
        ),
      };
    } finally {
      await rm(temp, { force: true }).catch(() => undefined);
    }
  }

  async store(
    key: string,
    input: CacheEntryInput,
    clipAbsPath: string,
    options: StoreOptions = {},
  ): Promise<StoreResult> {
    if (this.readOnly) return { ok: false, outcome: "read-only" };
    const problems = entryInputProblems(input);
    if (problems.length === 0 && cacheKey(input) !== key)
      problems.push("the key is not cacheKey() of its input_hash and backend");
    if (problems.length > 0) {
      const message = `cache ${this.description}: nothing stored for ${key.slice(0, 12)}: ${problems.join("; ")}`;
      return { ok: false, outcome: "failed", warning: this.#warn({ code: "E_CACHE_BAD_ENTRY", message }) };
    }
    if (this.#down) return { ok: false, outcome: "failed", warning: this.#down };
    try {
      const digest = await hashFile(clipAbsPath).catch((err: unknown) => {
        throw new CacheError("E_CACHE_CLIP_CHANGED", `${clipAbsPath} cannot be read: nothing was stored`, {
          cause: err,
        });
      });
      if (digest.sha256 !== input.clip.sha256 || digest.bytes !== input.clip.bytes) {
        throw new CacheError(
          "E_CACHE_CLIP_CHANGED",
          `${clipAbsPath} is not the clip its record describes (${digest.bytes} bytes, sha256 ${digest.sha256.slice(0, 12)}): nothing was stored`,
        );
      }
      const name = entryName(key);
      const existingText = await this.#blob.getText(name);
      if (existingText !== null) {
        const existing = parseEntry(existingText, key);
        if ("entry" in existing && (await this.#clipUsable(existing.entry.clip, options.recheck === true))) {
          return { ok: true, outcome: "exists" };
        }
      }
      // The clip first, then the entry that names it: a reader never finds an entry without its clip.
      await this.#putClip(input.clip, clipAbsPath);
      const text = `${JSON.stringify(buildEntry(input, this.#clock.wallNow()), null, 2)}\n`;
      const put = await this.#blob.putText(name, text, existingText === null ? "create" : "replace");
      if (this.#blob.kind === "s3") await this.#settleEntry(name, key, text);
      return { ok: true, outcome: put === "written" ? "stored" : "exists" };
    } catch (err) {
      return {
        ok: false,
        outcome: "failed",
        warning: this.#warn(asCacheError(err, `cache ${this.description}`).warning),
      };
    }
  }

  async #clipUsable(clip: { sha256: string; bytes: number }, recheck = false): Promise<boolean> {
    if (this.#corrupt.has(clip.sha256)) return false;
    const name = clipName(clip.sha256);
    if ((await this.#blob.head(name))?.bytes !== clip.bytes) return false;
    if (!recheck) return true;
    const got = await hashStream(await this.#blob.read(name));
    if (got.sha256 === clip.sha256 && got.bytes === clip.bytes) return true;
    this.#corrupt.set(
      clip.sha256,
      corrupt(this.description, `clip ${clip.sha256.slice(0, 12)} does not match its sha256`),
    );
    return false;
  }

  async #putClip(clip: { sha256: string; bytes: number }, path: string): Promise<void> {
    const name = clipName(clip.sha256);
    const head = await this.#blob.head(name);
    if (head?.bytes === clip.bytes && !this.#corrupt.has(clip.sha256)) return;
    await this.#blob.putFile(name, path, head === null ? "create" : "replace", clip);
    const after = await this.#blob.head(name);
    if (after?.bytes !== clip.bytes) {
      throw new CacheError(
        "E_CACHE_UNREACHABLE",
        `cache ${this.description}: clip ${clip.sha256.slice(0, 12)} did not arrive whole (${after ? `${after.bytes} of ${clip.bytes} bytes` : "absent"})`,
      );
    }
    this.#corrupt.delete(clip.sha256);
  }

  /**
   * Reads the entry back until it is a valid entry of `key` (ours or another writer's): a store that does not
   * honour If-None-Match and is not atomic per object (some test servers) can tear two simultaneous writes.
   */
  async #settleEntry(name: string, key: string, ours: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const text = await this.#blob.getText(name);
      if (text !== null) {
        const parsed = parseEntry(text, key);
        if ("entry" in parsed && (await this.#clipUsable(parsed.entry.clip))) return;
      }
      if (attempt === SETTLE_ATTEMPTS) break;
      // Not the timing under test: a random pause only so that two repairing writers stop colliding.
      await systemClock.sleep(5 + Math.random() * 40);
      await this.#blob.putText(name, ours, text === null ? "create" : "replace");
    }
    throw new CacheError(
      "E_CACHE_CORRUPT",
      `cache ${this.description}: entry ${key.slice(0, 12)} could not be written whole`,
    );
  }

  list(): Promise<CacheListing> {
    return listCache(this.#blob);
  }

  stats(): Promise<CacheStats> {
    return cacheStats(this.#blob, this.location);
  }

  verify(): Promise<VerifyReport> {
    return verifyCache(this.#blob);
  }

  prune(options: PruneOptions): Promise<PruneReport> {
    if (this.readOnly && options.dryRun !== true) {
      return Promise.reject(
        new CacheConfigError(
          "E_CACHE_READ_ONLY",
          `cache ${this.description} is read-only: nothing was pruned`,
        ),
      );
    }
    return pruneCache(this.#blob, { clock: this.#clock, ...options });
  }

  close(): void {
    this.#blob.close();
  }
}

function corrupt(where: string, what: string): CacheWarning {
  return { code: "E_CACHE_CORRUPT", message: `cache ${where}: ${what}` };
}
