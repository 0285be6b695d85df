// Grabs one frame of a clip as a PNG, for the HTML report.
import { stat } from "node:fs/promises";
import { FfmpegFailedError } from "./errors.js";
import { runFfmpeg } from "./run.js";
import type { RunOptions } from "./run.js";

export interface ThumbnailOptions extends RunOptions {
  /** Position of the frame; when past the end of the clip the first frame is used instead. */
  atSeconds: number;
  /** Output width in pixels (height follows the aspect ratio); the clip's own size when omitted. */
  width?: number;
}

/** Writes the frame at `atSeconds` of `videoPath` to `outPng`; rejects with E_FFMPEG_FAILED when ffmpeg cannot. */
export async function makeThumbnail(
  videoPath: string,
  outPng: string,
  opts: ThumbnailOptions,
): Promise<void> {
  const at = Math.max(0, opts.atSeconds);
  await grab(videoPath, outPng, at, opts);
  if (at > 0 && !(await nonEmpty(outPng))) await grab(videoPath, outPng, 0, opts);
  if (!(await nonEmpty(outPng))) {
    throw new FfmpegFailedError("ffmpeg", {
      exitCode: 0,
      signal: null,
      stderrTail: `no frame could be read from ${videoPath}`,
    });
  }
}

function grab(videoPath: string, outPng: string, at: number, opts: ThumbnailOptions): Promise<void> {
  const scale = opts.width === undefined ? [] : ["-vf", `scale=${Math.round(opts.width)}:-2`];
  const args = ["-ss", at.toFixed(3), "-i", videoPath, "-frames:v", "1", ...scale, "-f", "image2", outPng];
  return runFfmpeg(args, opts);
}

async function nonEmpty(file: string): Promise<boolean> {
  try {
    return (await stat(file)).size > 0;
  } catch {
    return false;
  }
}
