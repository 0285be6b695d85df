// Shrinking a cache: entries older than a limit, then the oldest until the clips fit a size, then orphan clips.
import type { Clock } from "../util/clock.js";
import { systemClock } from "../util/clock.js";
import type { BlobStore } from "./blob-store.js";
import { clipName } from "./layout.js";
import { listCache } from "./maintenance.js";

export interface PruneOptions {
  /** Remove entries created longer ago than this many milliseconds. */
  olderThanMs?: number;
  /** Then remove the oldest entries until the clips they name take at most this many bytes. */
  maxBytes?: number;
  /** Report what would go, remove nothing. */
  dryRun?: boolean;
  /**
   * A clip no entry names, or an invalid entry, is removed only once it is this old (default 1 hour): a writer
   * stores the clip first and its entry a moment later, and must not lose the clip in between.
   */
  graceMs?: number;
  clock?: Clock;
}

export interface PrunedEntry {
  key: string;
  reason: "age" | "size" | "invalid";
  created: string | null;
}

export interface PruneReport {
  removedEntries: PrunedEntry[];
  removedClips: number;
  freedBytes: number;
  /** What is left. */
  entries: number;
  clips: number;
  clipBytes: number;
  dryRun: boolean;
}

const HOUR = 3_600_000;

export async function pruneCache(blob: BlobStore, options: PruneOptions): Promise<PruneReport> {
  const clock = options.clock ?? systemClock;
  const now = clock.wallNow().getTime();
  const grace = options.graceMs ?? HOUR;
  const listing = await listCache(blob);
  const removed: PrunedEntry[] = [];
  const removedNames: string[] = [];
  let keep = listing.entries;
  if (options.olderThanMs !== undefined) {
    const limit = options.olderThanMs;
    const old = keep.filter(({ entry }) => now - Date.parse(entry.created) > limit);
    keep = keep.filter((e) => !old.includes(e));
    for (const { entry, name } of old) {
      removed.push({ key: entry.key, reason: "age", created: entry.created });
      removedNames.push(name);
    }
  }
  for (const invalid of listing.invalid) {
    if (now - invalid.modified.getTime() <= grace) continue;
    removed.push({ key: invalid.name, reason: "invalid", created: null });
    removedNames.push(invalid.name);
  }
  const sizeOf = (sha: string): number => listing.clips.get(sha)?.bytes ?? 0;
  if (options.maxBytes !== undefined) {
    const uses = new Map<string, number>();
    for (const { entry } of keep) uses.set(entry.clip.sha256, (uses.get(entry.clip.sha256) ?? 0) + 1);
    let total = [...uses.keys()].reduce((sum, sha) => sum + sizeOf(sha), 0);
    const oldestFirst = [...keep];
    while (total > options.maxBytes && oldestFirst.length > 0) {
      const { entry, name } = oldestFirst.shift()!;
      const left = (uses.get(entry.clip.sha256) ?? 1) - 1;
      uses.set(entry.clip.sha256, left);
      if (left === 0) total -= sizeOf(entry.clip.sha256);
      removed.push({ key: entry.key, reason: "size", created: entry.created });
      removedNames.push(name);
    }
    keep = oldestFirst;
  }
  const kept = new Set(keep.map(({ entry }) => entry.clip.sha256));
  const freedBy = new Set(
    listing.entries.filter((e) => !keep.includes(e)).map(({ entry }) => entry.clip.sha256),
  );
  const clipsToRemove = [...listing.clips].filter(
    ([sha, info]) => !kept.has(sha) && (freedBy.has(sha) || now - info.modified.getTime() > grace),
  );
  const dryRun = options.dryRun === true;
  if (!dryRun) {
    // Entries first: a reader then never finds an entry whose clip was just removed.
    for (const name of removedNames) await blob.remove(name);
    for (const [sha] of clipsToRemove) await blob.remove(clipName(sha));
    await blob.removeStaleTemps?.(new Date(now - grace));
  }
  const freedBytes = clipsToRemove.reduce((sum, [, info]) => sum + info.bytes, 0);
  let clipBytes = 0;
  for (const info of listing.clips.values()) clipBytes += info.bytes;
  return {
    removedEntries: removed,
    removedClips: clipsToRemove.length,
    freedBytes,
    entries: keep.length,
    clips: listing.clips.size - clipsToRemove.length,
    clipBytes: clipBytes - freedBytes,
    dryRun,
  };
}
