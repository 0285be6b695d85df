// Public surface of the media stage: locating and running ffmpeg/ffprobe, probing and sniffing clips.
export { FfmpegFailedError, FfmpegMissingError, ProbeFailedError } from "./errors.js";
export type { MediaTool } from "./errors.js";
export { locateFfmpeg, locateFfprobe } from "./locate.js";
export type { LocateOptions } from "./locate.js";
export { runFfmpeg, runFfprobe } from "./run.js";
export type { RunOptions } from "./run.js";
export { probeVideo } from "./probe.js";
export type { VideoProbe } from "./probe.js";
export { isMp4 } from "./sniff.js";
export { makeThumbnail } from "./thumbnail.js";
export { extractFrame } from "./extract-frame.js";
export type { FramePick } from "./extract-frame.js";
export { clipFrame, framePickName } from "./clip-frames.js";
export type { ClipFrame, ClipFrameRequest } from "./clip-frames.js";
export type { ThumbnailOptions } from "./thumbnail.js";
