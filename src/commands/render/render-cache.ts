// render's side of the shared clip cache: a hit completes a shot with no request, a new clip is stored for others.
import { join } from "node:path";
import { cacheKey, entryInputFromShot, openCache, resolveCacheLocation } from "../../cache/index.js";
import type { CacheLocation, CacheWarning, ClipCache, LookupResult } from "../../cache/index.js";
import pLimit from "p-limit";
import type { ShotRecord } from "../../manifest/index.js";
import type { PlanEntry, PreSubmit, SubmissionHooks } from "../../scheduler/index.js";
import type { ResolvedShot } from "../../storyboard/index.js";

export interface RenderCacheSettings {
  /** --cache: a folder or s3://bucket/prefix; "off" (or null) turns it off. Default: STORYREEL_CACHE, else the user's cache folder. */
  location?: string | null;
  /** Look up only, never store (untrusted jobs). Default: STORYREEL_CACHE_READ_ONLY. */
  readOnly?: boolean;
}

export interface RenderCacheStats {
  /** Where the cache is, as the user would type it; null when off. */
  location: string | null;
  readOnly: boolean;
  /** Shots completed from the cache: no request sent. */
  hits: number;
  /** Clips this run stored in the cache. */
  stored: number;
}

/** Resolved before anything is written: a bad --cache or STORYREEL_CACHE refuses the run (E_CACHE_LOCATION, exit 2). */
export function cacheLocationFor(
  settings: RenderCacheSettings | undefined,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): CacheLocation | null {
  const flag = settings?.location === null ? "off" : settings?.location;
  return resolveCacheLocation({ ...(flag !== undefined ? { flag } : {}), env, cwd });
}

export interface RenderCache {
  hooks: SubmissionHooks;
  /** Looks up every shot to submit at once; the ids the cache holds (beforeSubmit then uses these answers). */
  prefetch(entries: readonly PlanEntry[]): Promise<Set<string>>;
  /** A shot completed by its own generation: store its clip (in the background; `settle` waits). */
  completed(record: ShotRecord): void;
  /** Waits for every store started, then releases the cache's connections. Never throws. */
  close(): Promise<RenderCacheStats>;
}

export function openRenderCache(options: {
  location: CacheLocation;
  readOnly?: boolean;
  env: Readonly<Record<string, string | undefined>>;
  backend: string;
  outDir: string;
  clipPath: (shot: ResolvedShot) => string;
  onWarning: (warning: CacheWarning) => void;
}): RenderCache {
  const cache: ClipCache = openCache({
    location: options.location,
    env: options.env,
    ...(options.readOnly !== undefined ? { readOnly: options.readOnly } : {}),
    onWarning: options.onWarning,
  });
  const stats: RenderCacheStats = {
    location: cache.description,
    readOnly: cache.readOnly,
    hits: 0,
    stored: 0,
  };
  const pending = new Set<Promise<void>>();
  const keyOf = (inputHash: string): string => cacheKey({ inputHash, backend: options.backend });

  const looked = new Map<string, Promise<LookupResult>>();
  const lookup = (entry: PlanEntry): Promise<LookupResult> => {
    let found = looked.get(entry.shot.id);
    if (!found) {
      found = cache.lookup(keyOf(entry.shot.inputHash));
      looked.set(entry.shot.id, found);
    }
    return found;
  };

  const beforeSubmit = async (entry: PlanEntry): Promise<PreSubmit> => {
    const found = await lookup(entry);
    if (found.entry === null) return { kind: "submit" };
    const relPath = options.clipPath(entry.shot);
    const fetched = await cache.fetchClip(found.entry, join(options.outDir, relPath));
    if (!fetched.ok) return { kind: "submit" }; // warned; the fresh clip will replace the bad entry
    stats.hits += 1;
    return {
      kind: "completed",
      generationId: found.entry.generation_id,
      clip: { relPath, bytes: fetched.bytes, sha256: fetched.sha256, warnings: [] },
      origin: "cache",
    };
  };

  return {
    hooks: { beforeSubmit },
    async prefetch(entries) {
      const hits = new Set<string>();
      const toSubmit = entries.filter((e) => e.action === "submit");
      const limit = pLimit(8);
      await Promise.all(
        toSubmit.map((e) =>
          limit(async () => {
            if ((await lookup(e)).entry !== null) hits.add(e.shot.id);
          }),
        ),
      );
      return hits;
    },
    completed(record) {
      if (cache.readOnly || record.origin === "cache") return;
      const { input } = entryInputFromShot(record);
      if (input === null || !record.clip) return;
      const clipAbs = join(options.outDir, record.clip.path);
      const job = cache.store(keyOf(record.input_hash), input, clipAbs).then(
        (result) => {
          if (result.outcome === "stored") stats.stored += 1;
        },
        () => undefined, // store() warns instead of throwing; nothing else to do here
      );
      pending.add(job);
      void job.finally(() => pending.delete(job));
    },
    async close() {
      while (pending.size > 0) await Promise.all([...pending]);
      cache.close();
      return stats;
    },
  };
}
