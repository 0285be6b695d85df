import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeThumbnail } from "../../src/media/index.js";
import { hasCode } from "../../src/util/errors.js";
import { makeClip, makeTempDir } from "./fixtures.js";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47];

describe("makeThumbnail", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let clip: string;
  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir());
    clip = join(dir, "clip.mp4");
    await makeClip(clip, { audio: false });
  });
  afterAll(() => cleanup());

  it("writes a PNG of the requested width", async () => {
    const out = join(dir, "mid.png");
    await makeThumbnail(clip, out, { atSeconds: 0.5, width: 80 });
    const bytes = await readFile(out);
    expect([...bytes.subarray(0, 4)]).toEqual(PNG_SIGNATURE);
    expect(bytes.readUInt32BE(16)).toBe(80); // IHDR width
    expect(bytes.readUInt32BE(20)).toBe(60); // IHDR height keeps 4:3
  });

  it("falls back to the first frame when asked for a time past the end", async () => {
    const out = join(dir, "late.png");
    await makeThumbnail(clip, out, { atSeconds: 30 });
    expect([...(await readFile(out)).subarray(0, 4)]).toEqual(PNG_SIGNATURE);
  });

  it("rejects with E_FFMPEG_FAILED for a file that is not a video", async () => {
    const err: unknown = await makeThumbnail(join(dir, "nothing.mp4"), join(dir, "x.png"), {
      atSeconds: 0,
    }).catch((e: unknown) => e);
    expect(hasCode(err, "E_FFMPEG_FAILED")).toBe(true);
  });
});
