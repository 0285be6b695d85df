// `merge`: shard output folders of one storyboard → one folder (each shot's most advanced record, clips copied).
import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import pLimit from "p-limit";
import {
  acquireOutputLock,
  checkClip,
  manifestProblems,
  ManifestError,
  MANIFEST_FILE,
  readManifest,
  writeFileAtomic,
} from "../../manifest/index.js";
import type { ShotRecord } from "../../manifest/index.js";
import { loadOutput } from "../shared/load-output.js";
import { MergeMismatchError, OutputUsageError } from "../shared/output-errors.js";
import { mergedOrder, storyboardMismatch } from "./merge-check.js";
import type { MergeSource } from "./merge-check.js";
import { pickCandidate } from "./merge-pick.js";
import type { Candidate } from "./merge-pick.js";
import { assertInsideFolder, copyClip } from "../shared/copy-clip.js";
import { mergedManifest } from "./merge-manifest.js";
import { writeConcatList } from "../shared/concat-list.js";

export interface MergeOptions {
  /** Output folders of `render --shard i/n` (or any renders) of the same storyboard. */
  dirs: readonly string[];
  /** The merged folder; a folder merged into before is merged again (its records take part). */
  outDir: string;
  /** Merge even folders of different storyboards (union of the shots; the first folder's storyboard is recorded). */
  allowMismatch?: boolean;
}

export interface MergeResult {
  outDir: string;
  manifestPath: string;
  shots: number;
  /** Shot id → the folder (as given) whose record was taken. */
  fromDir: Record<string, string>;
  /** Shots completed with their clip in place in outDir. */
  completed: number;
  /** Shots that are not completed in any folder, in storyboard order. */
  missing: string[];
  /** Clips copied now (the others were already in outDir). */
  copied: number;
}

/** Throws MergeMismatchError (E_MERGE_MISMATCH), OutputUsageError (E_USAGE), NoManifestError (E_NO_MANIFEST). */
export async function merge(options: MergeOptions): Promise<MergeResult> {
  const outDir = resolve(options.outDir);
  const labels = [...new Set(options.dirs)];
  if (labels.length === 0) throw new OutputUsageError("merge needs at least one output folder to read");
  const inputs: MergeSource[] = [];
  for (const label of labels) {
    const dir = resolve(label);
    if (dir === outDir) {
      throw new OutputUsageError(
        `--out ${options.outDir} is also an input folder: merge into a new folder (or one merged into before)`,
      );
    }
    inputs.push({ label, dir, manifest: await loadOutput(label) });
  }
  await mkdir(outDir, { recursive: true });
  const lock = await acquireOutputLock(outDir);
  try {
    const existing = await readManifest(outDir);
    const sources = existing
      ? [...inputs, { label: options.outDir, dir: outDir, manifest: existing }]
      : inputs;
    const mismatch = storyboardMismatch(sources);
    if (mismatch !== null && options.allowMismatch !== true) {
      throw new MergeMismatchError(
        `cannot merge: ${mismatch}. Merge folders rendered from one storyboard, or pass --allow-mismatch.`,
      );
    }
    const picked = await pickRecords(sources);
    assertDistinctClips(picked);
    let copied = 0;
    const limit = pLimit(2);
    await Promise.all(
      picked.map(({ source, candidate }) =>
        limit(async () => {
          const clip = candidate.record.clip;
          if (candidate.clip !== "intact" || clip === null || source.dir === outDir) return;
          if ((await copyClip(source.dir, outDir, clip)) === "copied") copied++;
        }),
      ),
    );
    const manifest = mergedManifest(
      sources,
      outDir,
      picked.map((p) => structuredClone(p.candidate.record)),
    );
    const problems = manifestProblems(manifest);
    if (problems.length > 0) {
      throw new ManifestError(
        "E_MANIFEST_INVALID",
        `merged manifest is not valid: ${problems.slice(0, 5).join("; ")}`,
      );
    }
    const manifestPath = join(outDir, MANIFEST_FILE);
    await writeFileAtomic(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
    await writeConcatList(outDir, manifest);
    const usable = picked.filter((p) => p.candidate.clip === "intact");
    return {
      outDir,
      manifestPath,
      shots: picked.length,
      fromDir: Object.fromEntries(picked.map((p) => [p.candidate.record.id, p.source.label])),
      completed: usable.length,
      missing: picked.filter((p) => p.candidate.clip !== "intact").map((p) => p.candidate.record.id),
      copied,
    };
  } finally {
    await lock.release();
  }
}

interface Picked {
  source: MergeSource;
  candidate: Candidate;
}

async function pickRecords(sources: readonly MergeSource[]): Promise<Picked[]> {
  const limit = pLimit(4);
  const byId = sources.map((s) => new Map(s.manifest.shots.map((shot) => [shot.id, shot])));
  return Promise.all(
    mergedOrder(sources).map((id) =>
      limit(async (): Promise<Picked> => {
        const candidates: Candidate[] = [];
        for (const [index, source] of sources.entries()) {
          const record = byId[index]?.get(id);
          if (record === undefined) continue;
          if (record.clip) assertInsideFolder(record.clip, source.dir);
          const clip = record.status === "completed" ? await checkClip(source.dir, record.clip) : null;
          candidates.push({ source: index, record, clip });
        }
        const best = pickCandidate(candidates)!;
        return { source: sources[best.source]!, candidate: best };
      }),
    ),
  );
}

/** Two picked shots naming one clip path with different content would overwrite each other: refuse. */
function assertDistinctClips(picked: readonly Picked[]): void {
  const owners = new Map<string, ShotRecord>();
  for (const { candidate } of picked) {
    const clip = candidate.record.clip;
    if (!clip) continue;
    const other = owners.get(clip.path);
    if (other && other.clip?.sha256 !== clip.sha256) {
      throw new MergeMismatchError(
        `cannot merge: shots ${other.id} and ${candidate.record.id} both name the clip ${clip.path}`,
      );
    }
    owners.set(clip.path, candidate.record);
  }
}
