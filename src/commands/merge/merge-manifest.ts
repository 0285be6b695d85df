// The merged manifest's header: first folder's storyboard (path rebased), earliest start, latest finish.
import { relative, resolve } from "node:path";
import type { Manifest, ShotRecord } from "../../manifest/index.js";
import type { MergeSource } from "./merge-check.js";

export function mergedManifest(
  sources: readonly MergeSource[],
  outDir: string,
  shots: ShotRecord[],
): Manifest {
  const first = sources[0]!.manifest;
  const started = sources.map((s) => s.manifest.started_at).sort()[0] ?? first.started_at;
  const finishes = sources.map((s) => s.manifest.finished_at);
  const finished = finishes.some((f) => f === null)
    ? null
    : (finishes
        .filter((f) => f !== null)
        .sort()
        .at(-1) ?? null);
  const storyboardAbs = resolve(sources[0]!.dir, first.storyboard.path);
  return {
    version: 1,
    storyboard: {
      path: relative(outDir, storyboardAbs).split("\\").join("/"),
      sha256: first.storyboard.sha256,
    },
    title: sources.map((s) => s.manifest.title ?? null).find((t) => t !== null) ?? null,
    started_at: started,
    finished_at: finished,
    shots,
  };
}
