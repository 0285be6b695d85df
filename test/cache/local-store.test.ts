// The local folder store on real temp folders: hits, misses, sharing, concurrent writers, corruption, read-only.
import { readdir, readFile, stat, writeFile, mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openCache } from "../../src/cache/index.js";
import type { CacheWarning, ClipCache } from "../../src/cache/index.js";
import { clipName, entryName } from "../../src/cache/layout.js";
import { clipFile, entryInput, tempDir } from "./helpers.js";
import type { TempDir } from "./helpers.js";

let tmp: TempDir;
let root: string;
let warnings: CacheWarning[];
let cache: ClipCache;

beforeEach(async () => {
  tmp = await tempDir("local");
  root = join(tmp.dir, "cache");
  warnings = [];
  cache = openCache({ location: { kind: "local", dir: root }, env: {}, onWarning: (w) => warnings.push(w) });
});
afterEach(() => tmp.cleanup());

async function filesUnder(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((d) => d.isFile())
      .map((d) => join(d.parentPath, d.name));
  } catch {
    return [];
  }
}

describe("local cache", () => {
  it("stores a clip and its entry, finds it, and links it into an output folder after checking it", async () => {
    const clip = await clipFile(tmp.dir, "a.mp4");
    const { key, input } = entryInput(clip, { generationId: "gen-1" });
    expect(await cache.lookup(key)).toEqual({ entry: null });
    expect(await cache.store(key, input, clip.path)).toEqual({ ok: true, outcome: "stored" });

    const { entry, warning } = await cache.lookup(key);
    expect(warning).toBeUndefined();
    expect(entry).toMatchObject({
      format: 1,
      key,
      input_hash: input.inputHash,
      backend: "simulator",
      generation_id: "gen-1",
      model: "google/veo-3.0-i2v-fast",
      credits_used: 800_000,
      duration_seconds: 4,
      clip: { sha256: clip.sha256, bytes: clip.bytes },
    });
    expect(Date.parse(entry!.created)).not.toBeNaN();
    const onDisk = await readFile(join(root, ...entryName(key).split("/")), "utf8");
    expect(onDisk).toContain(`"source": "data:image/png;base64,…"`);
    expect(onDisk).not.toContain("AAAA");

    const dest = join(tmp.dir, "out", "clips", "001-a.mp4");
    const fetched = await cache.fetchClip(entry!, dest);
    expect(fetched).toEqual({ ok: true, how: "linked", sha256: clip.sha256, bytes: clip.bytes });
    expect(await readFile(dest)).toEqual(await readFile(clip.path));
    expect((await stat(dest)).nlink).toBe(2);
    expect(await readdir(join(tmp.dir, "out", "clips"))).toEqual(["001-a.mp4"]);
    expect(warnings).toEqual([]);
  });

  it("a cache folder that does not exist is a plain miss, and reading creates nothing", async () => {
    const clip = await clipFile(tmp.dir, "a.mp4");
    expect(await cache.lookup(entryInput(clip).key)).toEqual({ entry: null });
    await expect(stat(root)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("two keys that share a clip store it once; a second store of a key keeps the first entry", async () => {
    const clip = await clipFile(tmp.dir, "a.mp4");
    const one = entryInput(clip, { seed: "one", generationId: "gen-one" });
    const two = entryInput(clip, { seed: "two", generationId: "gen-two" });
    expect((await cache.store(one.key, one.input, clip.path)).outcome).toBe("stored");
    expect((await cache.store(two.key, two.input, clip.path)).outcome).toBe("stored");
    const again = entryInput(clip, { seed: "one", generationId: "gen-one-again" });
    expect(await cache.store(again.key, again.input, clip.path)).toEqual({ ok: true, outcome: "exists" });
    expect((await cache.lookup(one.key)).entry?.generation_id).toBe("gen-one");
    expect(await filesUnder(join(root, "v1", "clips"))).toHaveLength(1);
    expect(await filesUnder(join(root, "v1", "entries"))).toHaveLength(2);
    expect(await filesUnder(join(root, "tmp"))).toEqual([]);
  });

  it("writers storing one key at once all succeed and leave one valid entry", async () => {
    const clip = await clipFile(tmp.dir, "a.mp4", 256 * 1024);
    const writers = Array.from({ length: 6 }, (_, i) => ({
      cache: openCache({ location: { kind: "local", dir: root }, env: {} }),
      ...entryInput(clip, { seed: "same", generationId: `gen-${i}` }),
    }));
    const results = await Promise.all(writers.map((w) => w.cache.store(w.key, w.input, clip.path)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.outcome === "stored").length).toBeGreaterThanOrEqual(1);
    const { entry, warning } = await cache.lookup(writers[0]!.key);
    expect(warning).toBeUndefined();
    expect(entry?.generation_id).toMatch(/^gen-\d$/);
    expect(await filesUnder(join(root, "v1", "entries"))).toHaveLength(1);
    expect(await filesUnder(join(root, "tmp"))).toEqual([]);
    const dest = join(tmp.dir, "out.mp4");
    expect((await cache.fetchClip(entry!, dest)).ok).toBe(true);
  });

  it("a clip corrupted in the cache is caught before it reaches the output folder, then replaced by a store", async () => {
    const clip = await clipFile(tmp.dir, "a.mp4");
    const { key, input } = entryInput(clip);
    await cache.store(key, input, clip.path);
    const cached = join(root, ...clipName(clip.sha256).split("/"));
    await writeFile(cached, Buffer.alloc(clip.bytes, 7)); // same size, other bytes
    const { entry } = await cache.lookup(key);
    expect(entry).not.toBeNull(); // the size still matches: only the sha256 tells

    const dest = join(tmp.dir, "out", "a.mp4");
    const fetched = await cache.fetchClip(entry!, dest);
    expect(fetched).toMatchObject({ ok: false, warning: { code: "E_CACHE_CORRUPT" } });
    await expect(stat(dest)).rejects.toMatchObject({ code: "ENOENT" });
    expect(await readdir(join(tmp.dir, "out"))).toEqual([]);
    expect((await cache.lookup(key)).entry).toBeNull(); // known bad in this process: a miss

    // The render pays, downloads the clip again and stores it: the corrupt clip is replaced.
    expect(await cache.store(key, input, clip.path)).toEqual({ ok: true, outcome: "stored" });
    expect(await readFile(cached)).toEqual(await readFile(clip.path));
    const again = await cache.lookup(key);
    expect((await cache.fetchClip(again.entry!, dest)).ok).toBe(true);
    expect(warnings.map((w) => w.code)).toEqual(["E_CACHE_CORRUPT"]);
  });

  it("an unreadable entry or a missing clip is a miss with a warning, replaced by the next store", async () => {
    const clip = await clipFile(tmp.dir, "a.mp4");
    const { key, input } = entryInput(clip);
    await cache.store(key, input, clip.path);
    const entryPath = join(root, ...entryName(key).split("/"));
    await writeFile(entryPath, '{"format": 1, "key": "torn');
    const torn = await cache.lookup(key);
    expect(torn.entry).toBeNull();
    expect(torn.warning).toMatchObject({
      code: "E_CACHE_CORRUPT",
      message: expect.stringContaining("not valid JSON"),
    });
    expect((await cache.store(key, input, clip.path)).outcome).toBe("stored");
    expect((await cache.lookup(key)).entry?.key).toBe(key);

    await rm(join(root, ...clipName(clip.sha256).split("/")));
    const gone = await cache.lookup(key);
    expect(gone).toMatchObject({ entry: null, warning: { code: "E_CACHE_CORRUPT" } });
    expect(gone.warning?.message).toContain("is missing");
    expect((await cache.store(key, input, clip.path)).outcome).toBe("stored");
    expect((await cache.lookup(key)).entry).not.toBeNull();
  });

  it("refuses to store a clip that is not the one its record describes, or under a key that is not its own", async () => {
    const clip = await clipFile(tmp.dir, "a.mp4");
    const { key, input } = entryInput(clip);
    await writeFile(clip.path, "changed after download");
    expect(await cache.store(key, input, clip.path)).toMatchObject({
      ok: false,
      outcome: "failed",
      warning: { code: "E_CACHE_CLIP_CHANGED" },
    });
    const other = entryInput(clip, { seed: "other" });
    expect(await cache.store(other.key, input, clip.path)).toMatchObject({
      outcome: "failed",
      warning: { code: "E_CACHE_BAD_ENTRY" },
    });
    expect(await filesUnder(root)).toEqual([]);
  });

  it("read-only: lookups work, stores and prunes write nothing", async () => {
    const clip = await clipFile(tmp.dir, "a.mp4");
    const { key, input } = entryInput(clip);
    await cache.store(key, input, clip.path);
    const before = await filesUnder(root);
    const ro = openCache({ location: { kind: "local", dir: root }, env: { STORYREEL_CACHE_READ_ONLY: "1" } });
    expect(ro.readOnly).toBe(true);
    expect((await ro.lookup(key)).entry?.key).toBe(key);
    const next = await clipFile(tmp.dir, "b.mp4");
    const b = entryInput(next);
    expect(await ro.store(b.key, b.input, next.path)).toEqual({ ok: false, outcome: "read-only" });
    await expect(ro.prune({ olderThanMs: 0 })).rejects.toMatchObject({ code: "E_CACHE_READ_ONLY" });
    expect((await ro.prune({ olderThanMs: 0, dryRun: true })).removedEntries).toHaveLength(1);
    expect(await filesUnder(root)).toEqual(before);
  });

  it("a cache path that is a file: every call answers with E_CACHE_IO, none throws", async () => {
    await mkdir(tmp.dir, { recursive: true });
    await writeFile(root, "not a folder");
    const clip = await clipFile(tmp.dir, "a.mp4");
    const { key, input } = entryInput(clip);
    const looked = await cache.lookup(key);
    expect(looked).toMatchObject({ entry: null, warning: { code: "E_CACHE_IO" } });
    const stored = await cache.store(key, input, clip.path);
    expect(stored).toMatchObject({ ok: false, outcome: "failed", warning: { code: "E_CACHE_IO" } });
    expect(stored.warning?.message).toContain(root);
    // The same warning twice is reported once through onWarning.
    await cache.lookup(key);
    expect(new Set(warnings.map((w) => w.message)).size).toBe(warnings.length);
  });

  it("verify re-hashes every clip and names the corrupt one, a missing one and an invalid entry; ls and stats count", async () => {
    const clips = await Promise.all([0, 1, 2].map((i) => clipFile(tmp.dir, `c${i}.mp4`, 1000 + i)));
    const keys: string[] = [];
    for (const [i, clip] of clips.entries()) {
      const { key, input } = entryInput(clip, { credits: 100 * (i + 1) });
      await cache.store(key, input, clip.path);
      keys.push(key);
    }
    const shared = entryInput(clips[0]!, { seed: "shared", backend: "https://api.aimlapi.com" });
    await cache.store(shared.key, shared.input, clips[0]!.path);
    expect((await cache.verify()).ok).toBe(true);

    const stats = await cache.stats();
    expect(stats).toMatchObject({
      kind: "local",
      location: root,
      entries: 4,
      clips: 3,
      clipBytes: 1000 + 1001 + 1002,
      sharedClips: 1,
      unreferencedClips: 0,
      byBackend: { simulator: 3, "https://api.aimlapi.com": 1 },
      creditsHeld: 100 + 200 + 300 + 800_000,
    });

    const bad = join(root, ...clipName(clips[1]!.sha256).split("/"));
    const bytes = await readFile(bad);
    bytes[10] = bytes[10]! ^ 0xff;
    await writeFile(bad, bytes);
    await rm(join(root, ...clipName(clips[2]!.sha256).split("/")));
    await writeFile(join(root, ...entryName(keys[0]!).split("/")), "{}");

    const report = await cache.verify();
    expect(report.ok).toBe(false);
    expect(report.corrupt).toEqual([
      expect.objectContaining({
        sha256: clips[1]!.sha256,
        entries: [keys[1]],
        problem: "its bytes do not hash to its name",
      }),
    ]);
    expect(report.missing).toEqual([{ key: keys[2], sha256: clips[2]!.sha256 }]);
    expect(report.invalid).toEqual([
      expect.objectContaining({ name: entryName(keys[0]!), problem: "format undefined (expected 1)" }),
    ]);
    expect(report.clipsChecked).toBe(2);
    const listing = await cache.list();
    expect(listing.entries.map((e) => e.entry.key).sort()).toEqual([keys[1], keys[2], shared.key].sort());
  });
});
