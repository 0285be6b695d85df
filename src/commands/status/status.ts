// `status`: an output folder's manifest (journal replayed), its clips on disk, what it adds up to; never prints.
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import pLimit from "p-limit";
import { checkClip, MANIFEST_FILE } from "../../manifest/index.js";
import type { ClipRecord, Manifest, ShotStatus } from "../../manifest/index.js";
import { loadOutput } from "../shared/load-output.js";
import { inShard, parseShardSpec, shardKeys } from "../../scheduler/index.js";
import type { Shard } from "../../scheduler/index.js";

/** A completed shot whose clip is not usable: gone, or not the recorded size (with verify: not its sha256). */
export interface ClipProblemRecord {
  id: string;
  problem: "missing" | "corrupt";
}

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
  /** Completed shots whose clip is missing or corrupt on disk, in storyboard order. */
  clipProblems: ClipProblemRecord[];
  /** Whether the clips were checked byte for byte (sha256), not just by size. */
  verified: boolean;
  /**
   * The manifest does not record which API a folder was rendered against; when its clips were downloaded
   * from a loopback host (the simulator: --sim or `storyreel sim`), that origin, e.g. "http://127.0.0.1:4123".
   */
  simulatorOrigin: string | null;
  /** Every shot (of the shard, for a shard runner's folder) completed, with its clip intact. */
  complete: boolean;
  /** The --shard the folder's latest run rendered (counts cover only its shots), or null. */
  shard: Shard | null;
}

export interface StatusOptions {
  outDir: string;
  /** Check each completed clip's sha256 too (reads every clip); by default only its size (cheap). */
  verify?: boolean;
}

/** Throws NoManifestError (E_NO_MANIFEST) when the folder has no manifest, ManifestError when it is invalid. */
export async function status(options: StatusOptions): Promise<StatusResult> {
  const manifest = await loadOutput(options.outDir);
  // A shard runner's folder: the other shards' shots (pending here) are their runners' business.
  const shard = parseShardSpec(manifest.shard);
  const counts = countStatuses(manifest, shard);
  const verified = options.verify === true;
  const clipProblems = await findClipProblems(options.outDir, manifest, verified);
  return {
    outDir: resolve(options.outDir),
    manifestPath: resolve(options.outDir, MANIFEST_FILE),
    storyboardPath: resolve(options.outDir, manifest.storyboard.path),
    manifest,
    counts,
    creditsUsed: manifest.shots.reduce((sum, shot) => sum + (shot.credits_used ?? 0), 0),
    clipProblems,
    verified,
    simulatorOrigin: loopbackOrigin(manifest),
    complete: counts.completed === counts.total && clipProblems.length === 0,
    shard,
  };
}

async function findClipProblems(
  outDir: string,
  manifest: Manifest,
  verify: boolean,
): Promise<ClipProblemRecord[]> {
  const limit = pLimit(verify ? 4 : 32);
  const checked = await Promise.all(
    manifest.shots.map((shot) =>
      limit(async (): Promise<ClipProblemRecord | null> => {
        if (shot.status !== "completed") return null;
        const integrity = verify ? await checkClip(outDir, shot.clip) : await checkSize(outDir, shot.clip);
        return integrity === "intact" ? null : { id: shot.id, problem: integrity };
      }),
    ),
  );
  return checked.filter((p): p is ClipProblemRecord => p !== null);
}

/** The cheap check: the clip is a file of the recorded size. */
async function checkSize(outDir: string, clip: ClipRecord | null): Promise<"intact" | "missing" | "corrupt"> {
  if (!clip) return "missing";
  const info = await stat(resolve(outDir, clip.path)).catch(() => null);
  if (info === null) return "missing";
  return info.isFile() && info.size === clip.bytes ? "intact" : "corrupt";
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

function loopbackOrigin(manifest: Manifest): string | null {
  for (const shot of manifest.shots) {
    if (!shot.video_url) continue;
    try {
      const url = new URL(shot.video_url);
      if (LOOPBACK.test(url.hostname)) return url.origin;
    } catch {
      // not a URL: tells nothing
    }
  }
  return null;
}

export function countStatuses(manifest: Manifest, shard: Shard | null = null): StatusCounts {
  const key = shardKeys(manifest.shots);
  const shots = shard ? manifest.shots.filter((s) => inShard(key(s.id), shard)) : manifest.shots;
  const counts: StatusCounts = {
    total: shots.length,
    pending: 0,
    submitted: 0,
    completed: 0,
    failed: 0,
    unknown: 0,
    skipped: 0,
  };
  for (const shot of shots) counts[shot.status] += 1;
  return counts;
}
