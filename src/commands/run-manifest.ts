// The manifest a run starts from: every storyboard shot in order, its previous record kept (a new one only for new shots).
import { relative } from "node:path";
import type { ResolvedShot, Storyboard } from "../storyboard/index.js";
import type { Manifest } from "../manifest/index.js";
import { freshRecord } from "../scheduler/index.js";
import type { PlanEntry, Shard } from "../scheduler/index.js";

/**
 * Every shot keeps its previous record, those to be submitted too: a shot's record changes only once its new
 * submission starts (the scheduler's intent), so a shot selected but never started (an interrupted run, a
 * --max-credits stop) still says what it was — failed, unknown, skipped, completed — and the same command
 * selects it again. Only shots without a previous record start as fresh `pending` ones.
 */
export function buildRunManifest(
  storyboard: Storyboard,
  entries: readonly PlanEntry[],
  startedAt: string,
  options: { shard?: Shard | null } = {},
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
    shots: entries.map((entry) =>
      entry.previous ? { ...entry.previous, line: entry.shot.line } : freshRecord(entry.shot),
    ),
  };
}

/** Clip file name: position in the storyboard (zero-padded) and id, e.g. clips/003-mona.mp4. */
export function clipPathFor(shot: ResolvedShot, total: number): string {
  const width = Math.max(3, String(total).length);
  return `clips/${String(shot.index + 1).padStart(width, "0")}-${shot.id}.mp4`;
}
