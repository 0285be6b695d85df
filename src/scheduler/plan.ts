// What a run will do with each shot, decided from the storyboard and the previous manifest alone (pure).
import type { ResolvedShot } from "../storyboard/index.js";
import type { Manifest, ShotRecord, ShotStatus } from "../manifest/index.js";
import { inShard } from "./shard.js";
import type { Shard } from "./shard.js";

export type PlanAction = "skip" | "resume" | "submit" | "excluded";

export interface PlanEntry {
  shot: ResolvedShot;
  action: PlanAction;
  /** Why, in a few words: "up to date", "changed since the last run", … */
  reason: string;
  /** This shot's record in the previous manifest, if any. */
  previous: ShotRecord | null;
}

export interface Selection {
  /** Render just these shot ids. */
  only?: readonly string[];
  /** Re-render even up-to-date shots. */
  force?: boolean;
  /** Render only shots that ended failed, unknown or skipped (e.g. --max-credits) in the manifest. */
  failed?: boolean;
  shard?: Shard;
  /**
   * Shots rendered although --only or --failed leaves them out: a selected shot starts from their frame and
   * their clip will change (id → the selected shot that needs it). Never across shards (chains stay on one).
   */
  needed?: ReadonlyMap<string, string>;
}

export type ClipState = "intact" | "missing" | "corrupt";

export interface PlanInput {
  shots: readonly ResolvedShot[];
  previous: Manifest | null;
  /** Integrity of each previous clip on disk (size + sha256), by shot id. */
  clips: ReadonlyMap<string, ClipState>;
  selection?: Selection;
  /**
   * Where this run renders: "simulator" or the API origin. A record made on another backend is never up to date
   * here and its generation is never polled here (its id means nothing to this backend). Omitted: not checked.
   */
  backend?: string | null;
  /**
   * What --shard places by (default: the shot id): chained shots use their chain's first shot, so a whole chain
   * is rendered by one runner.
   */
  shardKey?: (id: string) => string;
}

export interface Plan {
  entries: PlanEntry[];
  /** Records of shots no longer in the storyboard (their clips stay on disk). */
  removed: ShotRecord[];
  /** Ids given to --only that the storyboard does not have. */
  unknownIds: string[];
}

/**
 * Failures of a paid generation after which polling it again cannot help: the generation itself ended in
 * error (the API said status "error"), or the API refused the request (400). Every other failure of a shot
 * that has a generation id (timeouts, downloads, disk full, a lost or garbled answer, …) resumes it.
 */
const FINAL_ERRORS: ReadonlySet<string> = new Set(["E_GENERATION_FAILED", "E_API_BAD_REQUEST"]);

/** What --failed renders again: shots that ended failed, unknown, or skipped on purpose (--max-credits). */
const RERUN_STATUSES: ReadonlySet<ShotStatus> = new Set(["failed", "unknown", "skipped"]);

export function planRun(input: PlanInput): Plan {
  const selection = input.selection ?? {};
  const previousById = new Map((input.previous?.shots ?? []).map((s) => [s.id, s]));
  const storyboardIds = new Set(input.shots.map((s) => s.id));
  const only = selection.only ? new Set(selection.only) : null;
  const entries = input.shots.map((shot): PlanEntry => {
    const previous = previousById.get(shot.id) ?? null;
    const excluded = exclusion(shot, previous, only, selection, input.shardKey?.(shot.id) ?? shot.id);
    if (excluded) return { shot, action: "excluded", reason: excluded, previous };
    const elsewhere = renderedElsewhere(previous, input.backend ?? null);
    const entry: PlanEntry = elsewhere
      ? { shot, action: "submit", reason: elsewhere, previous }
      : decide(shot, previous, input.clips.get(shot.id) ?? "missing", selection.force === true);
    const neededBy = selection.needed?.get(shot.id);
    return neededBy === undefined ? entry : needed(entry, neededBy);
  });
  return {
    entries,
    removed: (input.previous?.shots ?? []).filter((s) => !storyboardIds.has(s.id)),
    unknownIds: only ? [...only].filter((id) => !storyboardIds.has(id)) : [],
  };
}

function exclusion(
  shot: ResolvedShot,
  previous: ShotRecord | null,
  only: ReadonlySet<string> | null,
  selection: Selection,
  shardKey: string,
): string | null {
  if (selection.shard && !inShard(shardKey, selection.shard)) {
    return `belongs to another shard (this runner is ${selection.shard.index}/${selection.shard.count})`;
  }
  if (selection.needed?.has(shot.id)) return null;
  if (only && !only.has(shot.id)) return "not selected (--only)";
  if (selection.failed && !(previous && RERUN_STATUSES.has(previous.status))) {
    const last =
      previous === null
        ? "it has no record from last time"
        : previous.status === "completed"
          ? "it ended completed last time"
          : `it was still ${previous.status} when the last run stopped`;
    return `not selected: ${last} (--failed renders only failed, unknown and skipped shots)`;
  }
  return null;
}

/** A shot left out by the selection but rendered first for `by`, which starts from its frame. */
function needed(entry: PlanEntry, by: string): PlanEntry {
  return { ...entry, reason: `needed first by ${by} (starts from its frame): ${entry.reason}` };
}

/** Why a record from another backend renders again here ("rendered on the simulator"), or null. */
function renderedElsewhere(previous: ShotRecord | null, backend: string | null): string | null {
  if (!previous?.backend || !backend || previous.backend === backend) return null;
  if (previous.status === "pending") return null; // nothing was sent anywhere
  const where = previous.backend === "simulator" ? "the simulator" : previous.backend;
  if (previous.status === "unknown") {
    // The money warning first: that submission may have been charged where it went.
    const code = previous.error ? ` (${previous.error.code})` : "";
    return `unknown last time${code}: it may have been created and charged on ${where}; rendering it here`;
  }
  const id = previous.generation_id;
  const note =
    id !== null && previous.status !== "completed"
      ? `; its generation ${id} is not polled here`
      : previous.status === "completed"
        ? "; its clip is not used for a run here"
        : "";
  return `rendered on ${where}${note}`;
}

function decide(shot: ResolvedShot, previous: ShotRecord | null, clip: ClipState, force: boolean): PlanEntry {
  const entry = (action: PlanAction, reason: string): PlanEntry => ({ shot, action, reason, previous });
  if (!previous) return entry("submit", "new shot");
  if (previous.input_hash !== shot.inputHash) {
    const abandoned =
      previous.status === "submitted" ? ` (abandoning generation ${previous.generation_id})` : "";
    return entry("submit", `changed since the last run${abandoned}`);
  }
  if (force) return entry("submit", "forced (--force)");
  if (previous.status === "completed" && clip === "intact") return entry("skip", "up to date");
  if (previous.generation_id !== null) {
    if (previous.status === "submitted")
      return entry("resume", `in flight: resuming generation ${previous.generation_id}`);
    if (previous.status === "completed")
      return entry("resume", `clip ${clip}: fetching generation ${previous.generation_id} again`);
    if (previous.status === "failed" && !(previous.error && FINAL_ERRORS.has(previous.error.code))) {
      return entry(
        "resume",
        `${previous.error?.code ?? "failed"} last time: polling generation ${previous.generation_id} again`,
      );
    }
  }
  if (previous.status === "pending") return entry("submit", "not rendered yet");
  if (previous.status === "unknown") {
    const code = previous.error ? ` (${previous.error.code})` : "";
    return entry(
      "submit",
      `unknown last time${code}: it may have been created and charged; submitting it again`,
    );
  }
  return entry("submit", `${previous.status} last time`);
}
