// What render and plan share: load the storyboard (refusals write nothing), then read the previous manifest and plan.
import { bindUpstreamFrames, loadStoryboard } from "../../storyboard/index.js";
import type { Storyboard } from "../../storyboard/index.js";
import { checkClip, readManifest } from "../../manifest/index.js";
import type { ClipIntegrity, Manifest } from "../../manifest/index.js";
import type { Plan, Selection } from "../../scheduler/index.js";
import { StoryreelError } from "../../util/errors.js";
import { checkOutputFolder } from "../shared/output-folder.js";
import pLimit from "p-limit";
import { planChains, settleChains } from "./chain-plan.js";
import { orderClips } from "./clip-order.js";
import type { ClipOrderResult } from "./clip-order.js";
import { clipPathFor } from "./run-manifest.js";

export interface PrepareOptions {
  storyboard: string;
  outDir?: string;
  selection?: Selection;
  /** Where the run renders ("simulator" or the API origin): records from elsewhere are not up to date. */
  backend?: string;
}

export interface PlannedRun {
  previous: Manifest | null;
  plan: Plan;
  /** With `arrangeClips`: the clips renamed to their position and moved aside (commit once the manifest is written). */
  clipOrder: ClipOrderResult | null;
  /** A chained shot → the upstream shots whose new clips it renders after this run. */
  after: ReadonlyMap<string, readonly string[]>;
}

export interface Prepared extends PlannedRun {
  storyboard: Storyboard;
}

/** `plan`: load, then read and plan at once (it writes nothing, so it takes no lock). */
export async function prepareRun(options: PrepareOptions): Promise<Prepared> {
  const storyboard = await loadForRun(options);
  const planned = await planFromOutput({
    storyboard,
    ...(options.selection ? { selection: options.selection } : {}),
    ...(options.backend ? { backend: options.backend } : {}),
  });
  return { storyboard, ...planned };
}

/**
 * Loads and validates the storyboard, the selection and the output path; throws (StoryboardError, E_USAGE,
 * E_OUTPUT_NOT_DIR) before anything is read from or written to the output folder, which may not exist yet.
 */
export async function loadForRun(options: PrepareOptions): Promise<Storyboard> {
  const storyboard = await loadStoryboard(
    options.storyboard,
    options.outDir ? { outDir: options.outDir } : {},
  );
  const ids = new Set(storyboard.shots.map((s) => s.id));
  const unknownIds = (options.selection?.only ?? []).filter((id) => !ids.has(id));
  if (unknownIds.length > 0) {
    throw new StoryreelError(
      "E_USAGE",
      `--only names shots that are not in ${options.storyboard}: ${[...new Set(unknownIds)].join(", ")} (shots: ${[...ids].slice(0, 20).join(", ")}${ids.size > 20 ? ", …" : ""})`,
    );
  }
  await checkOutputFolder(storyboard.outputDir);
  return storyboard;
}

/**
 * Reads the output folder's previous manifest (journal folded in), checks its completed clips, plans.
 * `render` calls this only while it holds the output lock, so no other run can change the state it reads.
 */
export async function planFromOutput(options: {
  storyboard: Storyboard;
  selection?: Selection;
  backend?: string;
  /** Rename clips to their shot's current position first (render, under the lock; plan never moves files). */
  arrangeClips?: boolean;
}): Promise<PlannedRun> {
  const { storyboard } = options;
  const read = await readManifest(storyboard.outputDir);
  const total = storyboard.shots.length;
  const clipOrder = options.arrangeClips
    ? await orderClips({
        outDir: storyboard.outputDir,
        previous: read,
        targets: new Map(storyboard.shots.map((s) => [s.id, clipPathFor(s, total)])),
      })
    : null;
  const previous = clipOrder ? clipOrder.manifest : read;
  const clips = new Map<string, ClipIntegrity>();
  const current = new Set(storyboard.shots.map((s) => s.id));
  const limit = pLimit(8);
  await Promise.all(
    (previous?.shots ?? [])
      .filter((s) => s.status === "completed" && current.has(s.id))
      .map((s) => limit(async () => clips.set(s.id, await checkClip(storyboard.outputDir, s.clip)))),
  );
  const chains = await settleChains({
    shots: storyboard.shots,
    previous,
    clips,
    outDir: storyboard.outputDir,
    backend: options.backend ?? null,
    force: options.selection?.force === true,
    bindFrames: bindUpstreamFrames,
  });
  const plan = planChains(chains, {
    previous,
    clips,
    ...(options.selection ? { selection: options.selection } : {}),
    ...(options.backend ? { backend: options.backend } : {}),
  });
  return { previous, plan, clipOrder, after: chains.after };
}
