// The manifest a run starts from: every storyboard shot in order, its previous record kept (a new one only for new shots).
import { relative } from "node:path";
import type { ResolvedShot, Storyboard } from "../../storyboard/index.js";
import { startingRecord } from "../../manifest/index.js";
import type { Manifest, RunRecord } from "../../manifest/index.js";
import { recordSeed } from "../../scheduler/index.js";
import type { PlanEntry, Shard } from "../../scheduler/index.js";

/** Every shot keeps its previous record, those to be submitted too (see the manifest's startingRecord). */
export function buildRunManifest(
  storyboard: Storyboard,
  entries: readonly PlanEntry[],
  startedAt: string,
  options: { shard?: Shard | null; run?: RunRecord } = {},
): Manifest {
  return {
    version: 1,
    storyboard: {
      path: relative(storyboard.outputDir, storyboard.path).split("\\").join("/"),
      sha256: storyboard.sha256,
    },
    title: storyboard.title,
    started_at: startedAt,
    finished_at: null,
    ...(options.shard ? { shard: `${options.shard.index}/${options.shard.count}` } : {}),
    ...(options.run ? { run: options.run } : {}),
    shots: entries.map((entry) =>
      startingRecord(entry.previous, entry.shot.line, () => recordSeed(entry.shot)),
    ),
  };
}

/** Clip file name: position in the storyboard (zero-padded) and id, e.g. clips/003-mona.mp4. */
export function clipPathFor(shot: ResolvedShot, total: number): string {
  const width = Math.max(3, String(total).length);
  return `clips/${String(shot.index + 1).padStart(width, "0")}-${shot.id}.mp4`;
}
