// What render and plan share: load the storyboard, read the previous manifest, check its clips, plan.
import { loadStoryboard } from "../storyboard/index.js";
import type { Storyboard } from "../storyboard/index.js";
import { checkClip, readManifest } from "../manifest/index.js";
import type { ClipIntegrity, Manifest } from "../manifest/index.js";
import { planRun } from "../scheduler/index.js";
import type { Plan, Selection } from "../scheduler/index.js";
import { StoryreelError } from "../util/errors.js";
import pLimit from "p-limit";

export interface PrepareOptions {
  storyboard: string;
  outDir?: string;
  selection?: Selection;
}

export interface Prepared {
  storyboard: Storyboard;
  previous: Manifest | null;
  plan: Plan;
}

export async function prepareRun(options: PrepareOptions): Promise<Prepared> {
  const storyboard = await loadStoryboard(
    options.storyboard,
    options.outDir ? { outDir: options.outDir } : {},
  );
  const previous = await readManifest(storyboard.outputDir);
  const clips = new Map<string, ClipIntegrity>();
  const current = new Set(storyboard.shots.map((s) => s.id));
  const limit = pLimit(8);
  await Promise.all(
    (previous?.shots ?? [])
      .filter((s) => s.status === "completed" && current.has(s.id))
      .map((s) => limit(async () => clips.set(s.id, await checkClip(storyboard.outputDir, s.clip)))),
  );
  const plan = planRun({
    shots: storyboard.shots,
    previous,
    clips,
    ...(options.selection ? { selection: options.selection } : {}),
  });
  if (plan.unknownIds.length > 0) {
    throw new StoryreelError(
      "E_USAGE",
      `--only names shots that are not in ${options.storyboard}: ${plan.unknownIds.join(", ")} (shots: ${[...current].slice(0, 20).join(", ")}${current.size > 20 ? ", …" : ""})`,
    );
  }
  return { storyboard, previous, plan };
}
