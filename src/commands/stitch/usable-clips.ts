// Which shots have a clip stitch can use (completed, on disk, sha256 intact), in storyboard order.
import { resolve } from "node:path";
import pLimit from "p-limit";
import { checkClip } from "../../manifest/index.js";
import type { Manifest, ShotRecord } from "../../manifest/index.js";
import type { ShotProblem } from "../shared/output-errors.js";

export interface UsableClip {
  id: string;
  /** Absolute path of the clip. */
  path: string;
  shot: ShotRecord;
}

export interface ClipInventory {
  usable: UsableClip[];
  problems: ShotProblem[];
}

export async function usableClips(outDir: string, manifest: Manifest): Promise<ClipInventory> {
  const limit = pLimit(4);
  const checked = await Promise.all(
    manifest.shots.map((shot) =>
      limit(async () => {
        if (shot.status !== "completed" || shot.clip === null) return { shot, problem: "not completed" };
        const integrity = await checkClip(outDir, shot.clip);
        return { shot, problem: integrity === "intact" ? null : `clip ${integrity}` };
      }),
    ),
  );
  const usable: UsableClip[] = [];
  const problems: ShotProblem[] = [];
  for (const { shot, problem } of checked) {
    if (problem === null && shot.clip)
      usable.push({ id: shot.id, path: resolve(outDir, shot.clip.path), shot });
    else problems.push({ id: shot.id, status: shot.status, problem: problem ?? "not completed" });
  }
  return { usable, problems };
}
