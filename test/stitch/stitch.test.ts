// stitch() on real output folders with real ffmpeg: stream copy, re-encode to a common format, refusals.
import { existsSync } from "node:fs";
import { readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { stitch } from "../../src/commands/stitch/stitch.js";
import { probeVideo } from "../../src/media/index.js";
import { hasCode } from "../../src/util/errors.js";
import { makeOutputFolder } from "./output-fixture.js";
import type { FixtureShot, OutputFolder } from "./output-fixture.js";

let folder: OutputFolder | undefined;

afterEach(async () => {
  await folder?.cleanup();
  folder = undefined;
});

async function folderOf(shots: FixtureShot[]): Promise<OutputFolder> {
  folder = await makeOutputFolder(shots);
  return folder;
}

async function refusal(promise: Promise<unknown>): Promise<Error & { code: string }> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!hasCode(err)) throw new Error(`expected a StoryreelError, got ${String(err)}`);
  return err;
}

describe("stitch", () => {
  it("joins matching clips by stream copy, in storyboard order, into <out>/film.mp4", async () => {
    const f = await folderOf([
      { id: "a", audio: true },
      { id: "b", audio: true, seconds: 2 },
      { id: "c", audio: true },
    ]);
    const result = await stitch({ outDir: f.outDir });
    expect(result).toMatchObject({ output: join(f.outDir, "film.mp4"), clips: 3, mode: "copy", skipped: [] });
    expect(result.mismatches).toEqual([]);
    expect(result.durationSeconds).toBeGreaterThan(3.8);
    expect(result.durationSeconds).toBeLessThan(4.3);
    const film = await probeVideo(result.output);
    expect(film).toMatchObject({ width: 320, height: 180, videoCodec: "h264", hasAudio: true });
    // nothing but the film is left beside the clips (no temp list, no temp film)
    expect((await readdir(f.outDir)).sort()).toEqual(["clips", "film.mp4", "manifest.json"]);
  });

  it("re-encodes clips of different sizes to the most common size, letterboxing the others", async () => {
    const f = await folderOf([
      { id: "wide1", size: "1280x720" },
      { id: "tall", size: "720x1280" },
      { id: "wide2", size: "1280x720" },
    ]);
    const result = await stitch({ outDir: f.outDir });
    expect(result.mode).toBe("reencode");
    expect(result.mismatches).toEqual(["sizes differ: 1280x720 (wide1, wide2), 720x1280 (tall)"]);
    expect(result.target).toEqual({ width: 1280, height: 720, fps: 24, audio: false });
    const film = await probeVideo(result.output);
    expect(film).toMatchObject({ width: 1280, height: 720, videoCodec: "h264", hasAudio: false, fps: 24 });
    expect(film!.durationSeconds).toBeGreaterThan(2.8);
    expect(film!.durationSeconds).toBeLessThan(3.3);
  });

  it("adds silence to clips without audio when another clip has audio, keeping the timeline", async () => {
    const f = await folderOf([
      { id: "quiet", seconds: 2 },
      { id: "loud", audio: true },
    ]);
    const result = await stitch({ outDir: f.outDir });
    expect(result.mode).toBe("reencode");
    expect(result.mismatches).toEqual(["audio differs: no audio (quiet), aac/48000/2 (loud)"]);
    const film = await probeVideo(result.output);
    expect(film).toMatchObject({ width: 320, height: 180, hasAudio: true });
    expect(film!.durationSeconds).toBeGreaterThan(2.8);
    expect(film!.durationSeconds).toBeLessThan(3.3);
  });

  it("re-encodes to the most common frame rate when rates differ", async () => {
    const f = await folderOf([
      { id: "a", fps: 30 },
      { id: "b", fps: 24 },
      { id: "c", fps: 30 },
    ]);
    const result = await stitch({ outDir: f.outDir, output: join(f.root, "elsewhere.mp4") });
    expect(result.mode).toBe("reencode");
    expect(result.output).toBe(join(f.root, "elsewhere.mp4"));
    expect(existsSync(join(f.outDir, "film.mp4"))).toBe(false);
    expect((await probeVideo(result.output))?.fps).toBe(30);
  });

  it("refuses (E_STITCH_INCOMPLETE) when a shot is not completed or its clip is missing or corrupt, naming each", async () => {
    const f = await folderOf([
      { id: "ok" },
      { id: "broke", status: "failed" },
      { id: "gone", deleteClip: true },
      { id: "later", status: "pending" },
      { id: "bent" },
    ]);
    await writeFile(join(f.outDir, f.manifest.shots[4]!.clip!.path), "not the clip any more");
    const err = await refusal(stitch({ outDir: f.outDir }));
    expect(err.code).toBe("E_STITCH_INCOMPLETE");
    expect(err.message).toContain(
      "broke (failed), gone (completed, clip missing), later (pending), bent (completed, clip corrupt)",
    );
    expect(err.message).toContain("--allow-missing");
    expect(existsSync(join(f.outDir, "film.mp4"))).toBe(false);
  });

  it("with allowMissing leaves those shots out and says which", async () => {
    const f = await folderOf([
      { id: "a" },
      { id: "b", status: "failed" },
      { id: "c", deleteClip: true },
      { id: "d" },
    ]);
    const result = await stitch({ outDir: f.outDir, allowMissing: true });
    expect(result).toMatchObject({ clips: 2, mode: "copy", skipped: ["b", "c"] });
    expect(result.skippedDetails).toEqual([
      { id: "b", status: "failed", problem: "not completed" },
      { id: "c", status: "completed", problem: "clip missing" },
    ]);
    expect(result.durationSeconds).toBeGreaterThan(1.8);
    expect(result.durationSeconds).toBeLessThan(2.3);
  });

  it("treats a clip that is intact on disk but not a video as unusable", async () => {
    const f = await folderOf([{ id: "a" }, { id: "b", status: "pending" }]);
    const { createHash } = await import("node:crypto");
    const bogus = Buffer.from("not an mp4 at all");
    const clip = {
      path: "clips/002-b.mp4",
      bytes: bogus.byteLength,
      sha256: createHash("sha256").update(bogus).digest("hex"),
    };
    await writeFile(join(f.outDir, clip.path), bogus);
    const manifest = {
      ...f.manifest,
      shots: f.manifest.shots.map((s) => (s.id === "b" ? { ...s, status: "completed", clip } : s)),
    };
    await writeFile(join(f.outDir, "manifest.json"), JSON.stringify(manifest));
    const err = await refusal(stitch({ outDir: f.outDir }));
    expect(err.message).toContain("b (completed, clip unreadable)");
    expect((await stitch({ outDir: f.outDir, allowMissing: true })).skipped).toEqual(["b"]);
  });

  it("never writes the film over a clip, and creates the film's folder", async () => {
    const f = await folderOf([{ id: "a" }]);
    const clip = join(f.outDir, f.manifest.shots[0]!.clip!.path);
    expect((await refusal(stitch({ outDir: f.outDir, output: clip }))).code).toBe("E_USAGE");
    const nested = join(f.root, "films", "cut-1", "film.mp4");
    expect((await stitch({ outDir: f.outDir, output: nested })).output).toBe(nested);
    expect(existsSync(nested)).toBe(true);
  });

  it("refuses a folder without a manifest (E_NO_MANIFEST) and one with no usable clip (E_STITCH_EMPTY)", async () => {
    const f = await folderOf([{ id: "a", status: "failed" }]);
    expect((await refusal(stitch({ outDir: f.root }))).code).toBe("E_NO_MANIFEST");
    const notAFolder = await refusal(stitch({ outDir: join(f.outDir, "manifest.json") }));
    expect(notAFolder.message).toContain("manifest.json is not a folder");
    expect((await refusal(stitch({ outDir: f.outDir, allowMissing: true }))).code).toBe("E_STITCH_EMPTY");
  });
});
