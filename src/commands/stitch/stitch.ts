// `stitch`: the completed clips of an output folder, in storyboard order, as one film (copy or re-encode).
import { mkdir, mkdtemp, open, rename, rm, writeFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import pLimit from "p-limit";
import { probeVideo, ProbeFailedError, runFfmpeg } from "../../media/index.js";
import { loadOutput } from "../shared/load-output.js";
import { OutputUsageError, StitchEmptyError, StitchIncompleteError } from "../shared/output-errors.js";
import type { ShotProblem } from "../shared/output-errors.js";
import { usableClips } from "./usable-clips.js";
import { probeClip } from "./stitch-probe.js";
import { planStitch } from "./stitch-plan.js";
import type { ProbedClip, StitchTarget } from "./stitch-plan.js";
import { concatListOf, copyArgs, filterGraph, reencodeArgs } from "./stitch-args.js";

export const FILM_FILE = "film.mp4";

export interface StitchOptions {
  /** The output folder of a render (or of merge). */
  outDir: string;
  /** The film's path (relative to the working directory); default `<outDir>/film.mp4`. */
  output?: string;
  /** Leave out shots without a usable clip instead of refusing. */
  allowMissing?: boolean;
  signal?: AbortSignal;
}

export interface StitchResult {
  output: string;
  clips: number;
  mode: "copy" | "reencode";
  /** Shots left out (only with allowMissing), with why. */
  skipped: string[];
  skippedDetails: ShotProblem[];
  /** Why a re-encode was needed (empty in copy mode). */
  mismatches: string[];
  /** The re-encode's size, fps and audio (what copy mode kept). */
  target: StitchTarget;
  durationSeconds: number;
  /** Shots in the film whose clip the built-in simulator made (placeholders, not paid generations). */
  simulated: string[];
}

/** Throws StitchIncompleteError (E_STITCH_INCOMPLETE) or StitchEmptyError (E_STITCH_EMPTY) instead of a partial film. */
export async function stitch(options: StitchOptions): Promise<StitchResult> {
  const outDir = options.outDir;
  const manifest = await loadOutput(outDir);
  const inventory = await usableClips(outDir, manifest);
  const run = options.signal ? { signal: options.signal } : {};
  const probed = await probeAll(inventory.usable, run);
  const problems = [...inventory.problems, ...probed.problems];
  const order = new Map(manifest.shots.map((s, i) => [s.id, i]));
  problems.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  if (problems.length > 0 && options.allowMissing !== true) throw new StitchIncompleteError(outDir, problems);
  if (probed.clips.length === 0) throw new StitchEmptyError(outDir);

  const plan = planStitch(probed.clips);
  const output = resolve(options.output ?? join(outDir, FILM_FILE));
  const clipPaths = new Set(manifest.shots.flatMap((s) => (s.clip ? [resolve(outDir, s.clip.path)] : [])));
  if (clipPaths.has(output)) {
    throw new OutputUsageError(
      `--output ${options.output ?? output} is a shot's clip: choose another file for the film`,
    );
  }
  await mkdir(dirname(output), { recursive: true });
  const temp = join(dirname(output), `.${basename(output)}.${randomBytes(6).toString("hex")}.tmp.mp4`);
  const work = await mkdtemp(join(tmpdir(), "storyreel-stitch-"));
  try {
    if (plan.mode === "copy") {
      const list = join(work, "clips.ffconcat");
      await writeFile(list, concatListOf(probed.clips.map((c) => c.path)));
      await runFfmpeg(copyArgs(list, temp), run);
    } else {
      const script = join(work, "graph.txt");
      await writeFile(script, filterGraph(probed.clips, plan.target));
      await runFfmpeg(reencodeArgs(probed.clips, plan.target, script, temp), run);
    }
    await fsyncFile(temp);
    await rename(temp, output);
  } finally {
    await rm(temp, { force: true });
    await rm(work, { recursive: true, force: true });
  }
  const film = await probeVideo(output, run);
  return {
    output,
    clips: probed.clips.length,
    mode: plan.mode,
    skipped: problems.map((p) => p.id),
    skippedDetails: problems,
    mismatches: plan.mismatches,
    target: plan.target,
    durationSeconds: film?.durationSeconds ?? 0,
    simulated: probed.clips
      .map((c) => c.id)
      .filter((id) => manifest.shots.some((s) => s.id === id && s.backend === "simulator")),
  };
}

async function probeAll(
  usable: readonly { id: string; path: string; shot: { status: string } }[],
  run: { signal?: AbortSignal },
): Promise<{ clips: ProbedClip[]; problems: ShotProblem[] }> {
  const limit = pLimit(4);
  const results = await Promise.all(
    usable.map((clip) =>
      limit(async () => {
        try {
          return { clip: { id: clip.id, path: clip.path, traits: await probeClip(clip.path, run) } };
        } catch (err) {
          if (!(err instanceof ProbeFailedError)) throw err;
          return { problem: { id: clip.id, status: clip.shot.status, problem: "clip unreadable" } };
        }
      }),
    ),
  );
  return {
    clips: results.flatMap((r) => (r.clip ? [r.clip] : [])),
    problems: results.flatMap((r) => (r.problem ? [r.problem] : [])),
  };
}

async function fsyncFile(path: string): Promise<void> {
  const handle = await open(path, "r+");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
