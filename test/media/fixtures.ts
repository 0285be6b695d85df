// Test helpers: temp dirs and a tiny real clip made by ffmpeg.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runFfmpeg } from "../../src/media/index.js";

export async function makeTempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "storyreel-media-"));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A 1 s 160x120 h264 clip at 24 fps, with an AAC tone when `audio` is set. */
export async function makeClip(file: string, opts: { audio: boolean }): Promise<void> {
  const audioIn = opts.audio ? ["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100:duration=1"] : [];
  const audioOut = opts.audio ? ["-c:a", "aac", "-shortest"] : [];
  await runFfmpeg([
    "-f",
    "lavfi",
    "-i",
    "testsrc2=size=160x120:rate=24:duration=1",
    ...audioIn,
    "-c:v",
    "libx264",
    "-preset",
    "ultrafast",
    "-pix_fmt",
    "yuv420p",
    ...audioOut,
    file,
  ]);
}
