// Decides what a clip should look like from the request: pixel size, duration, audio, which frames to ease between.
import type { ModelSpec } from "../catalog/index.js";
import type { ImageType } from "./frames.js";

export interface FrameImage {
  type: ImageType;
  bytes: Buffer;
}

export interface RenderPlan {
  width: number;
  height: number;
  durationSeconds: number;
  fps: number;
  audio: boolean;
  /** No frames: a testsrc2 pattern. Only `first`: it fades in and holds. Both: first eases into last. */
  first: FrameImage | null;
  last: FrameImage | null;
}

const DEFAULT_SHORT_SIDE = 720;
const DEFAULT_DURATION = 5;
const MAX_DURATION = 30;

export function planRender(
  model: ModelSpec,
  body: Record<string, unknown>,
  frames: ReadonlyMap<string, FrameImage>,
  opts: { fps: number },
): RenderPlan {
  const field = (name: keyof ModelSpec["fields"]): unknown => {
    const key = model.fields[name];
    return key === undefined ? undefined : body[key];
  };
  const requestedDuration = Number(field("duration") ?? model.defaults.duration ?? DEFAULT_DURATION);
  const durationSeconds = Number.isFinite(requestedDuration)
    ? Math.min(MAX_DURATION, Math.max(1, requestedDuration))
    : DEFAULT_DURATION;
  const resolution = stringOr(field("resolution"), model.defaults.resolution);
  const aspect = stringOr(field("aspect_ratio"), model.defaults.aspectRatio);
  const { width, height } = pixelSize(resolution, aspect);
  const frameAt = (name: "first_frame" | "last_frame"): FrameImage | null => {
    const key = model.fields[name];
    return key === undefined ? null : (frames.get(key) ?? null);
  };
  return {
    width,
    height,
    durationSeconds,
    fps: opts.fps,
    audio: wantsAudio(model, field("generate_audio")),
    first: frameAt("first_frame"),
    last: frameAt("last_frame"),
  };
}

/** "720p" × "9:16" → 720x1280; "1080P" × "16:9" → 1920x1080; "1280x720" as given; unknown → 720p 16:9. */
export function pixelSize(
  resolution: string | undefined,
  aspectRatio: string | undefined,
): { width: number; height: number } {
  const explicit = /^(\d{2,4})\s*[x*]\s*(\d{2,4})$/i.exec(resolution ?? "");
  if (explicit !== null) return { width: even(Number(explicit[1])), height: even(Number(explicit[2])) };
  const short = shortSide(resolution);
  const ratio = /^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(aspectRatio ?? "");
  const w = ratio === null ? 16 : Number(ratio[1]);
  const h = ratio === null ? 9 : Number(ratio[2]);
  if (!(w > 0 && h > 0)) return { width: even((short * 16) / 9), height: short };
  return w >= h
    ? { width: even((short * w) / h), height: short }
    : { width: short, height: even((short * h) / w) };
}

function shortSide(resolution: string | undefined): number {
  const text = (resolution ?? "").toLowerCase();
  if (text === "4k") return 2160;
  if (text === "2k") return 1440;
  const p = /^(\d{3,4})p$/.exec(text);
  return p === null ? DEFAULT_SHORT_SIDE : even(Math.min(2160, Math.max(144, Number(p[1]))));
}

function wantsAudio(model: ModelSpec, requested: unknown): boolean {
  if (typeof requested === "boolean") return requested;
  const key = model.fields.generate_audio;
  return key !== undefined && model.properties[key]?.default === true;
}

function stringOr(value: unknown, fallback: string | undefined): string | undefined {
  return typeof value === "string" ? value : fallback;
}

function even(n: number): number {
  return Math.max(2, 2 * Math.round(n / 2));
}
