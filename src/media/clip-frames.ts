// A clip's frames as PNG files cached by the clip's sha256 and the frame picked: extracted once, reused by every run.
import { createHash } from "node:crypto";
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { extractFrame } from "./extract-frame.js";
import type { FramePick } from "./extract-frame.js";
import type { RunOptions } from "./run.js";

export interface ClipFrameRequest extends RunOptions {
  /** The clip on disk, already verified against `clipSha256`. */
  clipPath: string;
  clipSha256: string;
  pick: FramePick;
  /** Where extracted frames are kept (e.g. <out-dir>/.storyreel/frames). */
  cacheDir: string;
}

export interface ClipFrame {
  path: string;
  sha256: string;
  bytes: number;
}

/** A stable file name for a pick: "last", "first", or "t" and the time in milliseconds. */
export function framePickName(pick: FramePick): string {
  if (pick === "first" || pick === "last") return pick;
  return `t${Math.round(pick.seconds * 1000)}ms`;
}

/**
 * The picked frame of the clip, extracted on first use and kept under `cacheDir` as
 * `<clip sha256>-<pick>.png` (the name says what it holds, so a changed clip never serves an old frame).
 * Concurrent callers for the same frame each write a temporary file and rename it into place.
 */
export async function clipFrame(request: ClipFrameRequest): Promise<ClipFrame> {
  const path = join(request.cacheDir, `${request.clipSha256}-${framePickName(request.pick)}.png`);
  let bytes = await readFile(path).catch(() => null);
  if (bytes === null || bytes.length === 0) {
    await mkdir(request.cacheDir, { recursive: true });
    await extractFrame(request.clipPath, path, request.pick, request);
    bytes = await readFile(path);
  }
  return { path, sha256: createHash("sha256").update(bytes).digest("hex"), bytes: bytes.length };
}
