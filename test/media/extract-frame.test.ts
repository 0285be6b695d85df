// extractFrame picks exactly the first, the last decoded, or the timed frame of a real clip (a luma ramp: frame N is grey N*8).
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clipFrame, extractFrame, framePickName, locateFfmpeg, runFfmpeg } from "../../src/media/index.js";
import { hasCode } from "../../src/util/errors.js";
import { makeClip, makeTempDir } from "./fixtures.js";

const run = promisify(execFile);
const FPS = 25;
const FRAMES = 30;

/** The mean grey level of a PNG, decoded by ffmpeg itself (full range). */
async function greyOf(png: string): Promise<number> {
  const ffmpeg = await locateFfmpeg();
  const { stdout } = await run(
    ffmpeg,
    ["-v", "error", "-i", png, "-f", "rawvideo", "-pix_fmt", "gray", "-"],
    { encoding: "buffer", maxBuffer: 1 << 20 },
  );
  const bytes = stdout as unknown as Buffer;
  let sum = 0;
  for (const b of bytes) sum += b;
  return sum / bytes.length;
}

/** Frame n's grey as ffmpeg's full-range gray output shows it (neighbours differ by ~7 levels). */
const frameGrey = (n: number): number => (n * 6 * 255) / 219;
const isFrame = (grey: number, n: number): boolean => Math.abs(grey - frameGrey(n)) < 2;

describe("extractFrame", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let clip: string;
  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir());
    clip = join(dir, "ramp.mp4");
    await runFfmpeg([
      "-f",
      "lavfi",
      "-i",
      `nullsrc=s=64x36:r=${FPS}:d=${FRAMES / FPS},geq=lum='16+N*6':cb=128:cr=128,format=yuv420p`,
      "-c:v",
      "libx264",
      "-qp",
      "0",
      "-pix_fmt",
      "yuv420p",
      clip,
    ]);
  });
  afterAll(() => cleanup());

  it("takes the true last decoded frame", async () => {
    const out = join(dir, "last.png");
    await extractFrame(clip, out, "last");
    expect(isFrame(await greyOf(out), FRAMES - 1)).toBe(true);
  });

  it("takes the first frame", async () => {
    const out = join(dir, "first.png");
    await extractFrame(clip, out, "first");
    expect(isFrame(await greyOf(out), 0)).toBe(true);
  });

  it("takes the first frame at or after a time, and the last frame past the end", async () => {
    const at = join(dir, "at.png");
    await extractFrame(clip, at, { seconds: 0.4 });
    expect(isFrame(await greyOf(at), 10)).toBe(true);
    const past = join(dir, "past.png");
    await extractFrame(clip, past, { seconds: 60 });
    expect(isFrame(await greyOf(past), FRAMES - 1)).toBe(true);
  });

  it("fails with E_FFMPEG_FAILED on a file that is not a video, leaving no output", async () => {
    const bogus = join(dir, "bogus.mp4");
    await writeFile(bogus, "not a video");
    const out = join(dir, "never.png");
    const err = await extractFrame(bogus, out, "last").catch((e: unknown) => e);
    expect(hasCode(err, "E_FFMPEG_FAILED")).toBe(true);
    await expect(stat(out)).rejects.toThrow();
  });
});

describe("clipFrame", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let clip: string;
  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir());
    clip = join(dir, "clip.mp4");
    await makeClip(clip, { audio: false });
  });
  afterAll(() => cleanup());

  it("extracts a frame once and serves it from the cache by clip sha256 and pick", async () => {
    const cacheDir = join(dir, "frames");
    const request = { clipPath: clip, clipSha256: "a".repeat(64), pick: "last" as const, cacheDir };
    const first = await clipFrame(request);
    expect(first.path).toBe(join(cacheDir, `${"a".repeat(64)}-last.png`));
    expect(first.sha256).toBe(
      createHash("sha256")
        .update(await readFile(first.path))
        .digest("hex"),
    );
    const before = (await stat(first.path)).mtimeMs;
    // The clip is gone: a second call can only be served by the cache.
    const again = await clipFrame({ ...request, clipPath: join(dir, "gone.mp4") });
    expect(again).toEqual(first);
    expect((await stat(first.path)).mtimeMs).toBe(before);
    expect(framePickName({ seconds: 1.5 })).toBe("t1500ms");
    const timed = await clipFrame({ ...request, pick: { seconds: 0.5 } });
    expect(timed.path).toBe(join(cacheDir, `${"a".repeat(64)}-t500ms.png`));
    expect(timed.sha256).not.toBe(first.sha256);
  });
});
