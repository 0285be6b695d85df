// The bench's binding of chained shots' upstream frames, timed: each upstream clip's frame is really extracted (see below).
import { availableParallelism } from "node:os";
import { join } from "node:path";
import pLimit from "p-limit";
import type { ManifestStore } from "../src/manifest/index.js";
import { upstreamFrame } from "../src/commands/render/render-chain.js";
import { bindUpstreamFrames } from "../src/storyboard/index.js";
import type { FrameRef, ResolvedShot } from "../src/storyboard/index.js";
import type { Clock } from "../src/util/clock.js";
import { StoryreelError } from "../src/util/errors.js";

/** What binding cost, per call, in ms on the bench clock. */
export interface BindTimes {
  /** One entry per frame extracted: clipFrame (ffmpeg decode of the picked frame, PNG write, read back, sha256). */
  extractMs: number[];
  /** One entry per chained shot's `prepare` (the scheduler awaits it in the shot's slot): extraction plus binding. */
  prepareMs: number[];
  /** Most extractions under way at once (each an ffmpeg process competing for the cores). */
  maxConcurrent: number;
}

export interface TimedChainBinder {
  dependencies(id: string): readonly string[];
  /** The shot with its upstream frames extracted and bound (as render's chainFrames.bind); the shot itself if none. */
  bind(shot: ResolvedShot): Promise<ResolvedShot>;
  /** `bind` for RunOptions.prepare, timed. */
  prepare(shot: ResolvedShot): Promise<ResolvedShot>;
  readonly times: BindTimes;
}

/**
 * Does what render's chainFrames does (clipFrame on the verified upstream clip, bindUpstreamFrames), with one
 * difference: frames are cached per upstream shot, not per clip sha256 only. The fast simulator serves the
 * same bytes for every clip, so the product's cache would extract one frame and serve every other dependent
 * from it; real clips all differ, so here every dependent pays for a real extraction, as it would in production.
 */
export function timedChainBinder(o: {
  shots: readonly ResolvedShot[];
  outDir: string;
  store: ManifestStore;
  clock: Clock;
}): TimedChainBinder {
  const deps = new Map(
    o.shots.map((s) => [s.id, [...new Set(Object.values(s.upstream ?? {}).map((ref) => ref.shot))]] as const),
  );
  const times: BindTimes = { extractMs: [], prepareMs: [], maxConcurrent: 0 };
  let extracting = 0;
  // As render's chainFrames: as many extractions at once as there are cores.
  const extract = pLimit(availableParallelism());
  const bind = async (shot: ResolvedShot): Promise<ResolvedShot> => {
    const refs = Object.entries(shot.upstream ?? {}).filter(([field]) => !(field in shot.frames));
    if (refs.length === 0) return shot;
    const frames: Record<string, FrameRef> = {};
    for (const [field, ref] of refs) {
      const clip = o.store.shot(ref.shot).clip;
      if (!clip) {
        throw new StoryreelError(
          "E_UPSTREAM_FAILED",
          `shot "${shot.id}": upstream "${ref.shot}" has no clip`,
        );
      }
      frames[field] = await extract(async () => {
        const started = o.clock.now();
        times.maxConcurrent = Math.max(times.maxConcurrent, ++extracting);
        try {
          // Cached per upstream shot (see above), otherwise exactly what render binds.
          return await upstreamFrame(o.outDir, clip, ref, join(o.outDir, ".storyreel", "frames", ref.shot));
        } finally {
          extracting -= 1;
          times.extractMs.push(o.clock.now() - started);
        }
      });
    }
    return bindUpstreamFrames(shot, frames);
  };
  return {
    dependencies: (id) => deps.get(id) ?? [],
    bind,
    async prepare(shot) {
      const started = o.clock.now();
      try {
        return await bind(shot);
      } finally {
        if (shot.upstream !== undefined) times.prepareMs.push(o.clock.now() - started);
      }
    },
    times,
  };
}
