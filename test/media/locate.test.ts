import { chmod, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { locateFfmpeg, locateFfprobe } from "../../src/media/index.js";
import { hasCode } from "../../src/util/errors.js";
import { makeTempDir } from "./fixtures.js";

describe("locateFfmpeg / locateFfprobe", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
  afterEach(() => cleanup());

  it("prefers FFMPEG_PATH and adds a missing exec bit", async () => {
    const fake = join(dir, "my-ffmpeg");
    await writeFile(fake, "#!/bin/sh\nexit 0\n");
    await chmod(fake, 0o644);
    const found = await locateFfmpeg({ env: { FFMPEG_PATH: fake, PATH: "" } });
    expect(found).toBe(fake);
    expect((await stat(fake)).mode & 0o111).not.toBe(0);
  });

  it("rejects with E_FFMPEG_MISSING naming the variable when FFPROBE_PATH points nowhere", async () => {
    const missing = join(dir, "nope");
    const err: unknown = await locateFfprobe({ env: { FFPROBE_PATH: missing } }).catch((e: unknown) => e);
    expect(hasCode(err, "E_FFMPEG_MISSING")).toBe(true);
    expect((err as Error).message).toContain("FFPROBE_PATH");
  });

  it("falls back to the npm installer binaries, which are executable", async () => {
    const ffmpeg = await locateFfmpeg({ env: { PATH: "" } });
    const ffprobe = await locateFfprobe({ env: { PATH: "" } });
    expect(ffmpeg).toContain("@ffmpeg-installer");
    expect(ffprobe).toContain("@ffprobe-installer");
    expect((await stat(ffprobe)).mode & 0o111).not.toBe(0);
  });
});
