// Reading a whole cache: its entries and clips (ls), what they add up to (stats), whether every clip is whole (verify).
import pLimit from "p-limit";
import type { BlobInfo, BlobStore } from "./blob-store.js";
import type { CacheEntry } from "./entry.js";
import { parseEntry } from "./entry.js";
import { CacheError } from "./errors.js";
import { hashStream } from "./file-hash.js";
import { CLIPS, ENTRIES, keyOfEntryName, shaOfClipName } from "./layout.js";
import type { CacheLocation } from "./location.js";
import { describeLocation } from "./location.js";

export interface ListedEntry {
  entry: CacheEntry;
  name: string;
  modified: Date;
}

export interface InvalidEntry {
  name: string;
  problem: string;
  modified: Date;
}

export interface CacheListing {
  /** Valid entries, oldest first. */
  entries: ListedEntry[];
  /** Objects under entries/ that are not a valid entry (unparseable, torn, misfiled). */
  invalid: InvalidEntry[];
  /** Every clip object by sha256. */
  clips: Map<string, BlobInfo>;
  /** Objects under clips/ whose name is not a sha256 (left alone). */
  strays: BlobInfo[];
}

/** Entries are small: read this many at once (an S3 store answers each in a round trip). */
const READ_CONCURRENCY = 8;

export async function listCache(blob: BlobStore): Promise<CacheListing> {
  const names: BlobInfo[] = [];
  for await (const info of blob.list(ENTRIES)) names.push(info);
  const limit = pLimit(READ_CONCURRENCY);
  const entries: ListedEntry[] = [];
  const invalid: InvalidEntry[] = [];
  await Promise.all(
    names.map((info) =>
      limit(async () => {
        const key = keyOfEntryName(info.name);
        if (key === null) {
          invalid.push({ name: info.name, problem: "not an entry name", modified: info.modified });
          return;
        }
        const text = await blob.getText(info.name);
        if (text === null) return; // removed while we listed
        const parsed = parseEntry(text, key);
        if ("entry" in parsed)
          entries.push({ entry: parsed.entry, name: info.name, modified: info.modified });
        else invalid.push({ name: info.name, problem: parsed.problem, modified: info.modified });
      }),
    ),
  );
  entries.sort(
    (a, b) => a.entry.created.localeCompare(b.entry.created) || a.entry.key.localeCompare(b.entry.key),
  );
  invalid.sort((a, b) => a.name.localeCompare(b.name));
  const clips = new Map<string, BlobInfo>();
  const strays: BlobInfo[] = [];
  for await (const info of blob.list(CLIPS)) {
    const sha = shaOfClipName(info.name);
    if (sha === null) strays.push(info);
    else clips.set(sha, info);
  }
  return { entries, invalid, clips, strays };
}

export interface CacheStats {
  location: string;
  kind: CacheLocation["kind"];
  entries: number;
  invalidEntries: number;
  clips: number;
  clipBytes: number;
  /** Clips named by more than one entry (stored once). */
  sharedClips: number;
  /** Clips no entry names (prune removes them). */
  unreferencedClips: number;
  unreferencedBytes: number;
  /** Entries whose clip is absent (misses until stored again). */
  missingClips: number;
  /** Entries per backend ("simulator", an API origin). */
  byBackend: Record<string, number>;
  /** Sum of the entries' credits_used: what their generations cost once. */
  creditsHeld: number;
  oldest: string | null;
  newest: string | null;
}

export async function cacheStats(blob: BlobStore, location: CacheLocation): Promise<CacheStats> {
  const listing = await listCache(blob);
  const uses = new Map<string, number>();
  const byBackend: Record<string, number> = {};
  let creditsHeld = 0;
  let missingClips = 0;
  for (const { entry } of listing.entries) {
    uses.set(entry.clip.sha256, (uses.get(entry.clip.sha256) ?? 0) + 1);
    byBackend[entry.backend] = (byBackend[entry.backend] ?? 0) + 1;
    creditsHeld += entry.credits_used ?? 0;
    if (!listing.clips.has(entry.clip.sha256)) missingClips += 1;
  }
  let clipBytes = 0;
  let unreferencedClips = 0;
  let unreferencedBytes = 0;
  for (const [sha, info] of listing.clips) {
    clipBytes += info.bytes;
    if (!uses.has(sha)) {
      unreferencedClips += 1;
      unreferencedBytes += info.bytes;
    }
  }
  const created = listing.entries.map((e) => e.entry.created);
  return {
    location: describeLocation(location),
    kind: location.kind,
    entries: listing.entries.length,
    invalidEntries: listing.invalid.length,
    clips: listing.clips.size,
    clipBytes,
    sharedClips: [...uses.values()].filter((n) => n > 1).length,
    unreferencedClips,
    unreferencedBytes,
    missingClips,
    byBackend,
    creditsHeld,
    oldest: created[0] ?? null,
    newest: created.at(-1) ?? null,
  };
}

export interface CorruptClip {
  sha256: string;
  /** Size of the object in the store. */
  bytes: number;
  /** What re-hashing found. */
  actual: { sha256: string; bytes: number } | null;
  problem: string;
  /** Keys of the entries that name it. */
  entries: string[];
}

export interface VerifyReport {
  clipsChecked: number;
  bytesChecked: number;
  entriesChecked: number;
  corrupt: CorruptClip[];
  /** Entries whose clip is not in the store. */
  missing: { key: string; sha256: string }[];
  invalid: InvalidEntry[];
  /** No corrupt or missing clip, no invalid entry. */
  ok: boolean;
}

/** Clips re-hashed at once (reading is I/O bound; two cores). */
const HASH_CONCURRENCY = 3;

export async function verifyCache(blob: BlobStore): Promise<VerifyReport> {
  const listing = await listCache(blob);
  const named = new Map<string, { bytes: number; keys: string[] }>();
  for (const { entry } of listing.entries) {
    const at = named.get(entry.clip.sha256) ?? { bytes: entry.clip.bytes, keys: [] };
    at.keys.push(entry.key);
    named.set(entry.clip.sha256, at);
  }
  const limit = pLimit(HASH_CONCURRENCY);
  const corrupt: CorruptClip[] = [];
  let bytesChecked = 0;
  await Promise.all(
    [...listing.clips].map(([sha, info]) =>
      limit(async () => {
        const keys = named.get(sha)?.keys ?? [];
        let actual: { sha256: string; bytes: number } | null = null;
        try {
          actual = await hashStream(await blob.read(info.name));
        } catch (err) {
          if (!(err instanceof CacheError) || err.code !== "E_CACHE_CORRUPT") throw err;
          return; // removed while we verified
        }
        bytesChecked += actual.bytes;
        const expectedBytes = named.get(sha)?.bytes;
        let problem: string | null = null;
        if (actual.sha256 !== sha) problem = "its bytes do not hash to its name";
        else if (expectedBytes !== undefined && expectedBytes !== actual.bytes) {
          problem = `its entries say ${expectedBytes} bytes`;
        }
        if (problem) corrupt.push({ sha256: sha, bytes: info.bytes, actual, problem, entries: keys });
      }),
    ),
  );
  corrupt.sort((a, b) => a.sha256.localeCompare(b.sha256));
  const missing = listing.entries
    .filter(({ entry }) => !listing.clips.has(entry.clip.sha256))
    .map(({ entry }) => ({ key: entry.key, sha256: entry.clip.sha256 }));
  return {
    clipsChecked: listing.clips.size,
    bytesChecked,
    entriesChecked: listing.entries.length,
    corrupt,
    missing,
    invalid: listing.invalid,
    ok: corrupt.length === 0 && missing.length === 0 && listing.invalid.length === 0,
  };
}
