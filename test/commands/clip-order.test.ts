// Clips follow their shot's position: renamed through temporaries, removed shots' clips moved aside, a dead run's moves finished.
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { orderClips } from "../../src/commands/render/clip-order.js";
import type { Manifest, ShotRecord } from "../../src/manifest/index.js";

let outDir: string;

beforeEach(async () => {
  outDir = await mkdtemp(join(tmpdir(), "storyreel-order-"));
  await mkdir(join(outDir, "clips"));
});
afterEach(() => rm(outDir, { recursive: true, force: true }));

function record(id: string, path: string | null): ShotRecord {
  return {
    id,
    status: path ? "completed" : "pending",
    model: "m",
    input_hash: "0".repeat(64),
    generation_id: path ? `gen-${id}` : null,
    submitted_at: null,
    completed_at: null,
    polls: 0,
    request: {},
    video_url: null,
    clip: path ? { path, bytes: 4, sha256: "1".repeat(64) } : null,
    credits_used: null,
    error: null,
  };
}

function manifestOf(...shots: ShotRecord[]): Manifest {
  return {
    version: 1,
    storyboard: { path: "s.yaml", sha256: "2".repeat(64) },
    started_at: "2026-12-01T00:00:00.000Z",
    finished_at: null,
    shots,
  };
}

const put = (rel: string, text: string): Promise<void> => writeFile(join(outDir, rel), text);
const read = (rel: string): Promise<string> => readFile(join(outDir, rel), "utf8");
const clips = async (): Promise<string[]> => (await readdir(join(outDir, "clips"))).sort();

describe("orderClips", () => {
  it("renames clips to their new positions after a shot is inserted, and the manifest follows", async () => {
    await put("clips/001-a.mp4", "A");
    await put("clips/002-b.mp4", "B");
    const result = await orderClips({
      outDir,
      previous: manifestOf(record("a", "clips/001-a.mp4"), record("b", "clips/002-b.mp4")),
      targets: new Map([
        ["zero", "clips/001-zero.mp4"],
        ["a", "clips/002-a.mp4"],
        ["b", "clips/003-b.mp4"],
      ]),
    });
    expect(await clips()).toEqual(["002-a.mp4", "003-b.mp4"]);
    expect(await read("clips/002-a.mp4")).toBe("A");
    expect(result.manifest?.shots.map((s) => s.clip?.path)).toEqual(["clips/002-a.mp4", "clips/003-b.mp4"]);
    expect(result.renamed).toEqual([
      { id: "a", from: "clips/001-a.mp4", to: "clips/002-a.mp4" },
      { id: "b", from: "clips/002-b.mp4", to: "clips/003-b.mp4" },
    ]);
    expect(result.movedAside).toEqual([]);
    await result.commit();
    expect(await readdir(join(outDir, ".storyreel"))).toEqual([]);
  });

  it("moves clips of removed shots and files in the way aside, never overwriting one", async () => {
    await mkdir(join(outDir, "clips", "removed"));
    await put("clips/removed/001-gone.mp4", "older");
    await put("clips/001-gone.mp4", "GONE");
    await put("clips/002-b.mp4", "B");
    await put("clips/001-b.mp4", "stray");
    const result = await orderClips({
      outDir,
      previous: manifestOf(record("gone", "clips/001-gone.mp4"), record("b", "clips/002-b.mp4")),
      targets: new Map([["b", "clips/001-b.mp4"]]),
    });
    expect(await read("clips/001-b.mp4")).toBe("B");
    expect(await read("clips/removed/001-gone.mp4")).toBe("older");
    expect(await read("clips/removed/001-gone-2.mp4")).toBe("GONE");
    expect(await read("clips/removed/001-b.mp4")).toBe("stray");
    expect(result.movedAside).toEqual([
      { id: "gone", from: "clips/001-gone.mp4", to: "clips/removed/001-gone-2.mp4" },
      { id: null, from: "clips/001-b.mp4", to: "clips/removed/001-b.mp4" },
    ]);
  });

  it("does nothing when every clip is where it belongs", async () => {
    await put("clips/001-a.mp4", "A");
    const previous = manifestOf(record("a", "clips/001-a.mp4"), record("p", null));
    const result = await orderClips({ outDir, previous, targets: new Map([["a", "clips/001-a.mp4"]]) });
    expect(result.manifest).toEqual(previous);
    expect(result.renamed).toEqual([]);
    await result.commit();
  });

  it.each(["park", "place"] as const)(
    "finishes the moves a run killed in its %s phase left, and applies them to the manifest it reads",
    async (phase) => {
      await mkdir(join(outDir, ".storyreel"));
      // One source already parked, the other not yet (park); or both parked, one already placed (place).
      await put("clips/.move-1.mp4", "A");
      if (phase === "park") await put("clips/002-b.mp4", "B");
      else await put("clips/003-b.mp4", "B");
      await put(
        ".storyreel/clip-moves.json",
        JSON.stringify({
          phase,
          moves: [
            { id: "a", from: "clips/001-a.mp4", to: "clips/002-a.mp4", temp: "clips/.move-1.mp4" },
            { id: "b", from: "clips/002-b.mp4", to: "clips/003-b.mp4", temp: "clips/.move-2.mp4" },
          ],
        }),
      );
      const previous = manifestOf(record("a", "clips/001-a.mp4"), record("b", "clips/002-b.mp4"));
      const result = await orderClips({
        outDir,
        previous,
        targets: new Map([
          ["a", "clips/002-a.mp4"],
          ["b", "clips/003-b.mp4"],
        ]),
      });
      expect(await clips()).toEqual(["002-a.mp4", "003-b.mp4"]);
      expect(await read("clips/003-b.mp4")).toBe("B");
      expect(result.manifest?.shots.map((s) => s.clip?.path)).toEqual(["clips/002-a.mp4", "clips/003-b.mp4"]);
      await result.commit();
      expect(await readdir(join(outDir, ".storyreel"))).toEqual([]);
    },
  );
});
