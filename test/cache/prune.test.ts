// prune by age on a fake clock and by total size: entries go oldest first, a clip goes with its last entry.
import { readdir, utimes, writeFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openCache } from "../../src/cache/index.js";
import type { ClipCache } from "../../src/cache/index.js";
import { clipName } from "../../src/cache/layout.js";
import { createFakeClock } from "../helpers/fake-clock.js";
import type { FakeClock } from "../helpers/fake-clock.js";
import { clipFile, entryInput, tempDir } from "./helpers.js";
import type { ClipFile, TempDir } from "./helpers.js";

const DAY = 86_400_000;
let tmp: TempDir;
let root: string;
let clock: FakeClock;
let cache: ClipCache;

beforeEach(async () => {
  tmp = await tempDir("prune");
  root = join(tmp.dir, "cache");
  clock = createFakeClock(Date.parse("2026-03-01T00:00:00Z"));
  cache = openCache({ location: { kind: "local", dir: root }, env: {}, clock });
});
afterEach(() => tmp.cleanup());

/** Stores `clip` under a key of its own (seed), at the fake clock's time; returns the key. */
async function storeAt(clip: ClipFile, seed: string): Promise<string> {
  const { key, input } = entryInput(clip, { seed });
  expect((await cache.store(key, input, clip.path)).outcome).toBe("stored");
  return key;
}

async function clipCount(): Promise<number> {
  return (await readdir(join(root, "v1", "clips"), { recursive: true, withFileTypes: true })).filter((d) =>
    d.isFile(),
  ).length;
}

describe("cache prune", () => {
  it("by age: entries created before the limit go, and clips only when no younger entry names them", async () => {
    const a = await clipFile(tmp.dir, "a.mp4", 1000);
    const b = await clipFile(tmp.dir, "b.mp4", 2000);
    const old = await storeAt(a, "old-a"); // day 0
    const oldB = await storeAt(b, "old-b");
    await clock.advance(10 * DAY);
    const young = await storeAt(a, "young-a"); // day 10, shares clip a
    await clock.advance(5 * DAY); // now day 15

    const dry = await cache.prune({ olderThanMs: 7 * DAY, dryRun: true });
    expect(dry.removedEntries.map((e) => e.key).sort()).toEqual([old, oldB].sort());
    expect((await cache.lookup(old)).entry).not.toBeNull();

    const report = await cache.prune({ olderThanMs: 7 * DAY });
    expect(report).toMatchObject({
      removedClips: 1,
      freedBytes: 2000,
      entries: 1,
      clips: 1,
      clipBytes: 1000,
      dryRun: false,
    });
    expect(report.removedEntries.every((e) => e.reason === "age")).toBe(true);
    expect((await cache.lookup(old)).entry).toBeNull();
    expect((await cache.lookup(oldB)).entry).toBeNull();
    expect((await cache.lookup(young)).entry?.clip.sha256).toBe(a.sha256);
    expect(await clipCount()).toBe(1);
  });

  it("by size: the oldest entries go until the clips fit", async () => {
    const clips = await Promise.all([0, 1, 2, 3].map((i) => clipFile(tmp.dir, `c${i}.mp4`, 1000)));
    const keys: string[] = [];
    for (const [i, clip] of clips.entries()) {
      keys.push(await storeAt(clip, `k${i}`));
      await clock.advance(DAY);
    }
    const report = await cache.prune({ maxBytes: 2500 });
    expect(report.removedEntries.map((e) => [e.key, e.reason])).toEqual([
      [keys[0], "size"],
      [keys[1], "size"],
    ]);
    expect(report).toMatchObject({ removedClips: 2, freedBytes: 2000, entries: 2, clipBytes: 2000 });
    expect(await clipCount()).toBe(2);
    expect((await cache.lookup(keys[3]!)).entry).not.toBeNull();
    expect((await cache.verify()).ok).toBe(true);
  });

  it("an orphan clip (its writer died before the entry) is kept for an hour, then removed", async () => {
    const orphan = await clipFile(tmp.dir, "o.mp4", 500);
    const path = join(root, ...clipName(orphan.sha256).split("/"));
    await mkdir(join(path, ".."), { recursive: true });
    await writeFile(path, "x".repeat(500));
    const now = clock.wallNow();
    await utimes(path, now, now);
    expect((await cache.prune({ maxBytes: 10_000 })).removedClips).toBe(0);
    await clock.advance(2 * 3_600_000);
    expect((await cache.prune({ maxBytes: 10_000 })).removedClips).toBe(1);
    expect(await clipCount()).toBe(0);
  });
});
