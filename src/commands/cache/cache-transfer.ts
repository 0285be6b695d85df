// `cache export` (an output folder's clips → a cache) and `cache import` (a cache → the folder's missing clips).
import { resolve } from "node:path";
import pLimit from "p-limit";
import { cacheKey, CacheConfigError, entryInputFromShot } from "../../cache/index.js";
import type { CacheWarning, ClipCache } from "../../cache/index.js";
import { acquireOutputLock, checkClip } from "../../manifest/index.js";
import { assertInsideFolder } from "../shared/copy-clip.js";
import { loadOutput } from "../shared/load-output.js";

export interface ShotNote {
  id: string;
  reason: string;
}

export interface ShotFailure {
  id: string;
  warning: CacheWarning;
}

export interface ExportResult {
  outDir: string;
  cache: string;
  /** Completed shots whose clip went into the cache now. */
  stored: string[];
  /** Completed shots the cache already held. */
  present: string[];
  /** Shots that cannot be cached (not completed, clip missing or corrupt, no backend recorded). */
  skipped: ShotNote[];
  /** Shots the cache could not take (unreachable, refused, …). */
  failed: ShotFailure[];
}

export interface ImportResult {
  outDir: string;
  cache: string;
  /** Shots whose clip was missing or corrupt in the folder and came from the cache. */
  restored: string[];
  /** Shots whose clip was already intact. */
  intact: string[];
  /** Completed shots the cache has no clip for. */
  missing: ShotNote[];
  /** Shots not completed in the manifest (render fetches those from the cache), or with no backend recorded. */
  skipped: ShotNote[];
  failed: ShotFailure[];
}

/** Shots handled at once (each is a hash of the clip and a few cache requests). */
const CONCURRENCY = 4;

/** Stores every completed shot of `outDir` (clip intact, backend recorded) in `cache`. */
export async function exportFolder(options: { outDir: string; cache: ClipCache }): Promise<ExportResult> {
  const { outDir, cache } = options;
  if (cache.readOnly) {
    throw new CacheConfigError(
      "E_CACHE_READ_ONLY",
      `cache ${cache.description} is read-only: nothing to export into`,
    );
  }
  const manifest = await loadOutput(outDir);
  const result: ExportResult = {
    outDir,
    cache: cache.description,
    stored: [],
    present: [],
    skipped: [],
    failed: [],
  };
  const limit = pLimit(CONCURRENCY);
  const outcomes = await Promise.all(
    manifest.shots.map((shot) =>
      limit(async (): Promise<() => void> => {
        const { input, reason } = entryInputFromShot(shot);
        if (input === null) return () => result.skipped.push({ id: shot.id, reason });
        assertInsideFolder(shot.clip!, outDir);
        const integrity = await checkClip(outDir, shot.clip);
        if (integrity !== "intact")
          return () => result.skipped.push({ id: shot.id, reason: `clip ${integrity}` });
        const stored = await cache.store(cacheKey(input), input, resolve(outDir, shot.clip!.path), {
          recheck: true,
        });
        if (stored.outcome === "stored") return () => result.stored.push(shot.id);
        if (stored.outcome === "exists") return () => result.present.push(shot.id);
        const warning = stored.warning ?? {
          code: "E_CACHE_IO" as const,
          message: `cache ${cache.description} is read-only`,
        };
        return () => result.failed.push({ id: shot.id, warning });
      }),
    ),
  );
  for (const record of outcomes) record(); // in storyboard order
  return result;
}

/**
 * Puts back, from `cache`, the clip of every completed shot of `outDir` whose clip is missing or corrupt (the
 * manifest says which clip: only that exact sha256 is taken). Holds the folder's lock; changes no record.
 */
export async function importFolder(options: { outDir: string; cache: ClipCache }): Promise<ImportResult> {
  const { outDir, cache } = options;
  const manifest = await loadOutput(outDir);
  const result: ImportResult = {
    outDir,
    cache: cache.description,
    restored: [],
    intact: [],
    missing: [],
    skipped: [],
    failed: [],
  };
  const lock = await acquireOutputLock(outDir);
  try {
    const limit = pLimit(CONCURRENCY);
    const outcomes = await Promise.all(
      manifest.shots.map((shot) =>
        limit(async (): Promise<() => void> => {
          const { clip, backend } = shot;
          if (shot.status !== "completed" || !clip) {
            return () =>
              result.skipped.push({
                id: shot.id,
                reason: `${shot.status}: render it (it looks in the cache first)`,
              });
          }
          if (!backend) {
            return () =>
              result.skipped.push({
                id: shot.id,
                reason: "no backend recorded (rendered before storyreel recorded it)",
              });
          }
          assertInsideFolder(clip, outDir);
          if ((await checkClip(outDir, clip)) === "intact") return () => result.intact.push(shot.id);
          const { entry, warning } = await cache.lookup(cacheKey({ inputHash: shot.input_hash, backend }));
          if (warning) return () => result.failed.push({ id: shot.id, warning });
          if (!entry) return () => result.missing.push({ id: shot.id, reason: "not in the cache" });
          if (entry.clip.sha256 !== clip.sha256) {
            return () =>
              result.missing.push({
                id: shot.id,
                reason: `the cache holds another clip of this request (generation ${entry.generation_id}), not the one the manifest records`,
              });
          }
          const fetched = await cache.fetchClip(entry, resolve(outDir, clip.path));
          if (!fetched.ok) return () => result.failed.push({ id: shot.id, warning: fetched.warning });
          return () => result.restored.push(shot.id);
        }),
      ),
    );
    for (const record of outcomes) record();
  } finally {
    await lock.release();
  }
  return result;
}
