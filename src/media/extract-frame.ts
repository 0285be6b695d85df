// Extracts one exact frame of a clip as a lossless PNG (the true last decoded frame, the first, or the one at a time).
import { rename, rm, stat } from "node:fs/promises";
import { FfmpegFailedError } from "./errors.js";
import { runFfmpeg } from "./run.js";
import type { RunOptions } from "./run.js";

/** Which frame: the first, the last decoded one, or the first frame at or after `seconds` into the clip. */
export type FramePick = "first" | "last" | { seconds: number };

/** Seconds before the end that decoding of the last frame starts from (a seek lands on an earlier keyframe). */
const TAIL_SECONDS = 3;

/**
 * Writes the picked frame of `videoPath` to `outPng` (full size, PNG), through a temporary file renamed into
 * place, so a reader never sees half a frame. "last" decodes the clip's tail and keeps the last frame decoded,
 * rather than trusting the container's duration; a time past the last frame yields the last frame.
 */
export async function extractFrame(
  videoPath: string,
  outPng: string,
  pick: FramePick,
  opts: RunOptions = {},
): Promise<void> {
  const temp = `${outPng}.${process.pid}.tmp.png`;
  try {
    if (pick === "last") {
      await lastFrame(videoPath, temp, opts);
    } else {
      const at = pick === "first" ? 0 : Math.max(0, pick.seconds);
      await runFfmpeg(["-ss", at.toFixed(6), "-i", videoPath, "-frames:v", "1", "-f", "image2", temp], opts);
      if (!(await nonEmpty(temp))) await lastFrame(videoPath, temp, opts);
    }
    if (!(await nonEmpty(temp))) {
      throw new FfmpegFailedError("ffmpeg", {
        exitCode: 0,
        signal: null,
        stderrTail: `no frame could be read from ${videoPath}`,
      });
    }
    await rename(temp, outPng);
  } finally {
    await rm(temp, { force: true });
  }
}

/**
 * Every frame of the tail is written over one file, so each is written cheaply as uncompressed PAM (encoding each
 * as PNG made this ~3× slower); the one left, the last decoded, becomes the PNG.
 */
async function lastFrame(videoPath: string, outPng: string, opts: RunOptions): Promise<void> {
  const raw = `${outPng}.pam`;
  try {
    const tail = ["-sseof", `-${TAIL_SECONDS}`, "-i", videoPath, "-update", "1", "-c:v", "pam"];
    await runFfmpeg([...tail, "-f", "image2", raw], opts);
    if (!(await nonEmpty(raw))) return;
    await runFfmpeg(["-i", raw, "-f", "image2", "-c:v", "png", outPng], opts);
  } finally {
    await rm(raw, { force: true });
  }
}

async function nonEmpty(file: string): Promise<boolean> {
  try {
    return (await stat(file)).size > 0;
  } catch {
    return false;
  }
}
