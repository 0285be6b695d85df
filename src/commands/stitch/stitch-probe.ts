// What stitch needs to know of a clip: probeVideo's summary plus the stream details stream copy depends on.
import { FfmpegMissingError, probeVideo, runFfprobe } from "../../media/index.js";
import type { RunOptions, VideoProbe } from "../../media/index.js";

export interface ClipTraits extends VideoProbe {
  /** Pixel format of the video stream, e.g. "yuv420p" ("" when unknown). */
  pixFmt: string;
  /** "aac/48000/2" for the first audio stream, null without audio. */
  audio: string | null;
}

interface StreamEntry {
  codec_type?: string;
  codec_name?: string;
  pix_fmt?: string;
  sample_rate?: string;
  channels?: number;
}

export async function probeClip(file: string, opts: RunOptions = {}): Promise<ClipTraits> {
  const probe = await probeVideo(file, opts);
  if (probe === null)
    throw new FfmpegMissingError(
      "ffprobe",
      "stitch needs ffprobe: set FFPROBE_PATH or install @ffprobe-installer/ffprobe",
    );
  const stdout = await runFfprobe(
    ["-show_entries", "stream=codec_type,codec_name,pix_fmt,sample_rate,channels", "-of", "json", file],
    opts,
  );
  const streams = (JSON.parse(stdout) as { streams?: StreamEntry[] }).streams ?? [];
  const video = streams.find((s) => s.codec_type === "video");
  const audio = streams.find((s) => s.codec_type === "audio");
  return {
    ...probe,
    pixFmt: video?.pix_fmt ?? "",
    audio: audio ? `${audio.codec_name ?? "?"}/${audio.sample_rate ?? "?"}/${audio.channels ?? "?"}` : null,
  };
}
