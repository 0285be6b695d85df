// Reads a clip's duration, size, codec, audio presence and frame rate through ffprobe's JSON output.
import { FfmpegFailedError, ProbeFailedError } from "./errors.js";
import { hasCode } from "../util/errors.js";
import { runFfprobe } from "./run.js";
import type { RunOptions } from "./run.js";

export interface VideoProbe {
  durationSeconds: number;
  width: number;
  height: number;
  videoCodec: string;
  hasAudio: boolean;
  /** Frames per second of the video stream (0 when ffprobe does not say). */
  fps: number;
}

interface ProbeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  duration?: string;
  avg_frame_rate?: string;
  r_frame_rate?: string;
}

interface ProbeJson {
  streams?: ProbeStream[];
  format?: { duration?: string };
}

/**
 * Probes `file`. Resolves null when no ffprobe is available (E_FFMPEG_MISSING);
 * rejects with ProbeFailedError (E_PROBE_FAILED) when the file is not a readable video.
 */
export async function probeVideo(file: string, opts: RunOptions = {}): Promise<VideoProbe | null> {
  let stdout: string;
  try {
    stdout = await runFfprobe(["-print_format", "json", "-show_format", "-show_streams", file], opts);
  } catch (err) {
    if (hasCode(err, "E_FFMPEG_MISSING")) return null;
    if (err instanceof FfmpegFailedError) {
      throw new ProbeFailedError(file, `ffprobe cannot read ${file} as media`, { cause: err });
    }
    throw err;
  }
  return parseProbe(file, stdout);
}

function parseProbe(file: string, stdout: string): VideoProbe {
  let json: ProbeJson;
  try {
    json = JSON.parse(stdout) as ProbeJson;
  } catch (err) {
    throw new ProbeFailedError(file, `ffprobe printed unreadable JSON for ${file}`, { cause: err });
  }
  const streams = json.streams ?? [];
  const video = streams.find((s) => s.codec_type === "video");
  if (video === undefined) throw new ProbeFailedError(file, `${file} has no video stream`);
  const duration = Number(json.format?.duration ?? video.duration ?? Number.NaN);
  return {
    durationSeconds: Number.isFinite(duration) ? duration : 0,
    width: video.width ?? 0,
    height: video.height ?? 0,
    videoCodec: video.codec_name ?? "unknown",
    hasAudio: streams.some((s) => s.codec_type === "audio"),
    fps: parseRate(video.avg_frame_rate) || parseRate(video.r_frame_rate),
  };
}

/** "24000/1001" → 23.976…; "0/0" or absent → 0. */
function parseRate(rate: string | undefined): number {
  if (rate === undefined) return 0;
  const [num, den] = rate.split("/").map(Number);
  if (num === undefined || !Number.isFinite(num)) return 0;
  if (den === undefined) return num;
  return den > 0 && Number.isFinite(den) ? num / den : 0;
}
