// Typed failures of the external media tools, so callers branch on a code rather than on stderr text.
import { StoryreelError } from "../util/errors.js";

export type MediaTool = "ffmpeg" | "ffprobe";

/** Neither the env override, the npm installer nor PATH yields a usable binary. */
export class FfmpegMissingError extends StoryreelError {
  readonly tool: MediaTool;

  constructor(tool: MediaTool, message: string, options?: { cause?: unknown }) {
    super("E_FFMPEG_MISSING", message, options);
    this.tool = tool;
  }
}

/** The tool ran and exited non-zero (or could not be spawned); `stderrTail` holds its last lines. */
export class FfmpegFailedError extends StoryreelError {
  readonly tool: MediaTool;
  readonly exitCode: number | null;
  readonly stderrTail: string;

  constructor(
    tool: MediaTool,
    details: { exitCode: number | null; signal: string | null; stderrTail: string },
    options?: { cause?: unknown },
  ) {
    const how =
      details.signal !== null ? `was killed by ${details.signal}` : `exited with code ${details.exitCode}`;
    const tail = details.stderrTail.trim();
    super("E_FFMPEG_FAILED", `${tool} ${how}${tail === "" ? "" : `: ${tail}`}`, options);
    this.tool = tool;
    this.exitCode = details.exitCode;
    this.stderrTail = details.stderrTail;
  }
}

/** ffprobe could not read the file as a video (not a media file, or no video stream). */
export class ProbeFailedError extends StoryreelError {
  readonly file: string;

  constructor(file: string, message: string, options?: { cause?: unknown }) {
    super("E_PROBE_FAILED", message, options);
    this.file = file;
  }
}
