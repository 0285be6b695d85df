// Chained shots after resolve: binding an upstream clip's frame into a dependent, and the edges of the shot graph.
import { StoryreelError } from "../util/errors.js";
import { shotInputHash } from "./resolve.js";
import type { ShotEdge } from "./shot-graph.js";
import type { FrameRef, ResolvedShot } from "./types.js";

/**
 * The shot with `frames` (by request field, each one of its `upstream` fields) filled in and its input hash
 * recomputed: once every upstream field is bound it is exactly the hash of a shot whose frames were local
 * files with those bytes, so a dependent is up to date while its upstream clip is unchanged. `upstream` is
 * kept (the manifest and the report name where each frame came from). Throws E_UPSTREAM_FIELD for a field
 * that is not one of the shot's upstream frames (it would replace a frame the storyboard gave).
 */
export function bindUpstreamFrames(
  shot: ResolvedShot,
  frames: Readonly<Record<string, FrameRef>>,
): ResolvedShot {
  const upstream = shot.upstream ?? {};
  for (const field of Object.keys(frames)) {
    if (!Object.hasOwn(upstream, field)) {
      throw new StoryreelError(
        "E_UPSTREAM_FIELD",
        `shot "${shot.id}" takes no frame from another shot in ${field} (its upstream fields: ${Object.keys(upstream).join(", ") || "none"})`,
      );
    }
  }
  const bound = { ...shot.frames, ...frames };
  return { ...shot, frames: bound, inputHash: shotInputHash(shot.fields, bound, upstream) };
}

/** One edge per shot and each shot it takes a frame from (in storyboard order, no repeats), for buildShotGraph. */
export function shotDependencies(shots: readonly ResolvedShot[]): ShotEdge[] {
  const edges: ShotEdge[] = [];
  for (const shot of shots) {
    const on = new Set(Object.values(shot.upstream ?? {}).map((ref) => ref.shot));
    for (const id of on) edges.push({ id: shot.id, on: id });
  }
  return edges;
}
