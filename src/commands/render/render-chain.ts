// Chained shots at render time: which shots each waits on, and its upstream frames bound when it is submitted.
import { availableParallelism } from "node:os";
import { join, relative, sep } from "node:path";
import pLimit from "p-limit";
import type { ClipRecord, ManifestStore } from "../../manifest/index.js";
import { clipFrame } from "../../media/index.js";
import type { FramePick } from "../../media/index.js";
import { StoryreelError } from "../../util/errors.js";
import type { FrameRef, ResolvedShot } from "../../storyboard/index.js";

/** A frame of another shot's clip, as the storyboard resolves it (`upstream` of a ResolvedShot). */
export interface UpstreamRef {
  shot: string;
  frame: "first" | "last" | number;
}

/** What a dependent shot was submitted with, per request field: for the manifest and the report. */
export interface FrameUsed {
  shot: string;
  frame: "first" | "last" | number;
  sha256: string;
}

export interface ChainFrames {
  /** The shots `id` takes a frame from (direct), for the scheduler's dependency gate. */
  dependencies(id: string): readonly string[];
  /** The shot with each upstream frame extracted from its clip (cached) and bound; the shot itself if none. */
  bind(shot: ResolvedShot): Promise<ResolvedShot>;
  /** Frames bound so far, by shot id then request field. */
  readonly used: ReadonlyMap<string, Readonly<Record<string, FrameUsed>>>;
}

export interface ChainFramesOptions {
  shots: readonly ResolvedShot[];
  outDir: string;
  store: ManifestStore;
  /** Binds extracted frames into a shot (the storyboard's bindUpstreamFrames: fills frames, recomputes the hash). */
  bindFrames?: (shot: ResolvedShot, frames: Readonly<Record<string, FrameRef>>) => ResolvedShot;
  /** Frame extractions at once (default: the machine's cores). */
  extractConcurrency?: number;
}

/** Where extracted upstream frames are kept, by clip sha256 and pick. */
export const FRAMES_DIR = join(".storyreel", "frames");

export function upstreamOf(shot: ResolvedShot): Readonly<Record<string, UpstreamRef>> {
  return shot.upstream ?? {};
}

/** The frame `ref` picks from an upstream clip (verified), extracted once and cached by clip sha256, as a local frame. */
export async function upstreamFrame(
  outDir: string,
  clip: ClipRecord,
  ref: UpstreamRef,
  cacheDir: string = join(outDir, FRAMES_DIR),
): Promise<FrameRef> {
  const pick: FramePick = typeof ref.frame === "number" ? { seconds: ref.frame } : ref.frame;
  const frame = await clipFrame({
    clipPath: join(outDir, clip.path),
    clipSha256: clip.sha256,
    pick,
    cacheDir,
  });
  return {
    source: relative(outDir, frame.path).split(sep).join("/"),
    kind: "file",
    sha256: frame.sha256,
    mime: "image/png",
    bytes: frame.bytes,
    absPath: frame.path,
  };
}

export function chainFrames(o: ChainFramesOptions): ChainFrames {
  const deps = new Map(
    o.shots.map((s) => [s.id, [...new Set(Object.values(upstreamOf(s)).map((ref) => ref.shot))]] as const),
  );
  const used = new Map<string, Record<string, FrameUsed>>();
  // ffmpeg decodes on the CPU: as many extractions at once as there are cores, so the first frames of a wave of
  // finished upstreams are ready soonest instead of all of them late (each waits in its shot's slot).
  const extract = pLimit(o.extractConcurrency ?? availableParallelism());
  const bindFrames = o.bindFrames ?? ((shot, frames) => ({ ...shot, frames: { ...shot.frames, ...frames } }));
  return {
    dependencies: (id) => deps.get(id) ?? [],
    used,
    async bind(shot) {
      // Until bound, a shot's frames lack its upstream fields; a bound shot goes as it is.
      const refs = Object.entries(upstreamOf(shot)).filter(([field]) => !(field in shot.frames));
      if (refs.length === 0) return shot;
      const frames: Record<string, FrameRef> = {};
      const record: Record<string, FrameUsed> = {};
      for (const [field, ref] of refs) {
        const clip = o.store.shot(ref.shot).clip;
        if (!clip) {
          throw new StoryreelError(
            "E_UPSTREAM_FAILED",
            `shot "${shot.id}" starts from shot "${ref.shot}", which has no clip: render "${ref.shot}" first`,
          );
        }
        const frame = await extract(() => upstreamFrame(o.outDir, clip, ref));
        frames[field] = frame;
        record[field] = { shot: ref.shot, frame: ref.frame, sha256: frame.sha256 };
      }
      used.set(shot.id, record);
      return bindFrames(shot, frames);
    },
  };
}
