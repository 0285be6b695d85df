import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { probeVideo } from "../../src/media/index.js";
import { hasCode } from "../../src/util/errors.js";
import { makeClip, makeTempDir } from "./fixtures.js";

describe("probeVideo", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ dir, cleanup } = await makeTempDir()));
  afterAll(() => cleanup());

  it("reports duration, size, codec, fps and audio", async () => {
    const withAudio = join(dir, "a.mp4");
    const silent = join(dir, "b.mp4");
    await makeClip(withAudio, { audio: true });
    await makeClip(silent, { audio: false });
    const probe = await probeVideo(withAudio);
    expect(probe).toMatchObject({ width: 160, height: 120, videoCodec: "h264", hasAudio: true, fps: 24 });
    expect(probe?.durationSeconds).toBeGreaterThan(0.9);
    expect(probe?.durationSeconds).toBeLessThan(1.2);
    expect((await probeVideo(silent))?.hasAudio).toBe(false);
  });

  it("rejects with E_PROBE_FAILED for a file that is not media", async () => {
    const junk = join(dir, "junk.mp4");
    await writeFile(junk, "<html>not a video</html>");
    const err: unknown = await probeVideo(junk).catch((e: unknown) => e);
    expect(hasCode(err, "E_PROBE_FAILED")).toBe(true);
  });

  it("resolves null when no ffprobe can be found", async () => {
    expect(await probeVideo(join(dir, "a.mp4"), { env: { FFPROBE_PATH: join(dir, "missing") } })).toBeNull();
  });
});
