// The shot references of a storyboard as the reference rules read them: which shot, which key, which clip.
import type { PathSegment } from "../finding.js";
import { isShotFrameRef } from "../frame-value.js";
import type { ShotView } from "../shot-view.js";
import type { ShotFrameRef } from "../types.js";
import type { FrameKey } from "./context.js";

export interface ShotReference {
  /** The shot that writes the reference, and its id. */
  shot: ShotView;
  id: string;
  key: FrameKey;
  ref: ShotFrameRef;
  /** Where the reference is written: ["shots", i, key] (defaults refuse references). */
  path: readonly PathSegment[];
}

/** Every reference of shots with a valid id, in storyboard order (first_frame before last_frame). */
export function shotReferences(shots: readonly ShotView[]): ShotReference[] {
  const out: ShotReference[] = [];
  for (const shot of shots) {
    if (shot.id === null) continue;
    for (const key of ["first_frame", "last_frame"] as const) {
      const ref = shot.values[key];
      if (!isShotFrameRef(ref)) continue;
      out.push({ shot, id: shot.id, key, ref, path: shot.from[key] ?? [...shot.path, key] });
    }
  }
  return out;
}

/** The first shot (storyboard order) with each valid id. */
export function shotsById(shots: readonly ShotView[]): Map<string, ShotView> {
  const byId = new Map<string, ShotView>();
  for (const shot of shots) if (shot.id !== null && !byId.has(shot.id)) byId.set(shot.id, shot);
  return byId;
}
