// The one tiny MP4 that fast mode serves for every job, made once per simulator (or read from a given file).
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { runFfmpeg } from "../media/index.js";

export async function prepareFastClip(opts: {
  dir: string;
  path?: string | undefined;
  ffmpegPath?: string | undefined;
  signal?: AbortSignal;
}): Promise<Buffer> {
  if (opts.path !== undefined) return readFile(opts.path);
  const out = join(opts.dir, "fast.mp4");
  const args = ["-f", "lavfi", "-i", "testsrc2=size=128x72:rate=12:duration=1"];
  const encode = [
    "-c:v",
    "libx264",
    "-preset",
    "ultrafast",
    "-pix_fmt",
    "yuv420p",
    "-movflags",
    "+faststart",
  ];
  await runFfmpeg([...args, ...encode, "-f", "mp4", out], {
    ...(opts.ffmpegPath === undefined ? {} : { binaryPath: opts.ffmpegPath }),
    ...(opts.signal === undefined ? {} : { signal: opts.signal }),
  });
  return readFile(out);
}
