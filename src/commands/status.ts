// `status`: an output folder's manifest (journal replayed) and what it adds up to; returns data, never prints.
import { resolve } from "node:path";
import { MANIFEST_FILE } from "../manifest/index.js";
import type { Manifest, ShotStatus } from "../manifest/index.js";
import { loadOutput } from "./load-output.js";

/** How many shots are in each manifest status, and in all. */
export type StatusCounts = Record<ShotStatus, number> & { total: number };

export interface StatusResult {
  /** The output folder (absolute). */
  outDir: string;
  manifestPath: string;
  /** Absolute path of the storyboard the folder was rendered from (the manifest stores it relative). */
  storyboardPath: string;
  manifest: Manifest;
  counts: StatusCounts;
  /** Sum of credits_used over the shots. */
  creditsUsed: number;
  /** Every shot completed. */
  complete: boolean;
}

/** Throws NoManifestError (E_NO_MANIFEST) when the folder has no manifest, ManifestError when it is invalid. */
export async function status(options: { outDir: string }): Promise<StatusResult> {
  const manifest = await loadOutput(options.outDir);
  const counts = countStatuses(manifest);
  return {
    outDir: resolve(options.outDir),
    manifestPath: resolve(options.outDir, MANIFEST_FILE),
    storyboardPath: resolve(options.outDir, manifest.storyboard.path),
    manifest,
    counts,
    creditsUsed: manifest.shots.reduce((sum, shot) => sum + (shot.credits_used ?? 0), 0),
    complete: counts.completed === counts.total,
  };
}

export function countStatuses(manifest: Manifest): StatusCounts {
  const counts: StatusCounts = {
    total: manifest.shots.length,
    pending: 0,
    submitted: 0,
    completed: 0,
    failed: 0,
    unknown: 0,
    skipped: 0,
  };
  for (const shot of manifest.shots) counts[shot.status] += 1;
  return counts;
}
