// Stream copy or re-encode? Copy only when every clip shares codec, size, fps, pixel format and audio format.
import type { ClipTraits } from "./stitch-probe.js";

export interface ProbedClip {
  id: string;
  path: string;
  traits: ClipTraits;
}

export interface StitchTarget {
  width: number;
  height: number;
  fps: number;
  audio: boolean;
}

export interface StitchPlan {
  mode: "copy" | "reencode";
  /** Why the clips cannot be stream-copied, one line per differing property (empty in copy mode). */
  mismatches: string[];
  /** What a re-encode produces: the most common size (made even) and fps; audio when any clip has it. */
  target: StitchTarget;
}

const DEFAULT_FPS = 24;

export function planStitch(clips: readonly ProbedClip[]): StitchPlan {
  const properties: [string, (t: ClipTraits) => string][] = [
    ["video codecs differ", (t) => t.videoCodec],
    ["sizes differ", (t) => `${t.width}x${t.height}`],
    ["frame rates differ", (t) => `${roundFps(t.fps)} fps`],
    ["pixel formats differ", (t) => t.pixFmt || "unknown"],
    ["audio differs", (t) => (t.audio === null ? "no audio" : t.audio)],
  ];
  const mismatches: string[] = [];
  for (const [name, key] of properties) {
    const groups = groupBy(clips, (c) => key(c.traits));
    if (groups.size > 1) {
      const parts = [...groups].map(([value, ids]) => `${value} (${ids.join(", ")})`);
      mismatches.push(`${name}: ${parts.join(", ")}`);
    }
  }
  const size = mostCommon(clips.map((c) => `${c.traits.width}x${c.traits.height}`)) ?? "1280x720";
  const [width, height] = size.split("x").map(Number) as [number, number];
  const fps = mostCommon(clips.filter((c) => c.traits.fps > 0).map((c) => roundFps(c.traits.fps)));
  return {
    mode: mismatches.length === 0 ? "copy" : "reencode",
    mismatches,
    target: {
      width: even(width),
      height: even(height),
      fps: fps ?? DEFAULT_FPS,
      audio: clips.some((c) => c.traits.audio !== null),
    },
  };
}

/** 23.976023… → 23.976: rates equal to three decimals are the same rate. */
function roundFps(fps: number): number {
  return Math.round(fps * 1000) / 1000;
}

function even(n: number): number {
  return Math.max(2, n - (n % 2));
}

function groupBy(clips: readonly ProbedClip[], key: (c: ProbedClip) => string): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const clip of clips) {
    const k = key(clip);
    groups.set(k, [...(groups.get(k) ?? []), clip.id]);
  }
  return groups;
}

/** The most frequent value; ties go to the one seen first (storyboard order). */
function mostCommon<T>(values: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | undefined;
  let bestCount = 0;
  for (const [v, n] of counts) {
    if (n > bestCount) {
      best = v;
      bestCount = n;
    }
  }
  return best;
}
