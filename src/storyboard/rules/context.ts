// What every rule sees: the shot views, their models (looked up once per id) and checked frames.
import type { ModelSpec } from "../../catalog/index.js";
import type { DefaultsView } from "../defaults-view.js";
import type { Finding, PathSegment } from "../finding.js";
import { formatPath } from "../finding.js";
import type { FrameResult } from "../frame-source.js";
import type { ShotView, ValueKey } from "../shot-view.js";

export type FrameKey = "first_frame" | "last_frame";

export interface RuleContext {
  shots: readonly ShotView[];
  /** `defaults:` and its per-model entries (`defaults.models:`). */
  defaults: DefaultsView;
  /** The shot's model spec; undefined when it has no model or an unknown one. */
  model(shot: ShotView): ModelSpec | undefined;
  /** Checked frames by shot index. */
  frames: ReadonlyMap<number, Partial<Record<FrameKey, FrameResult>>>;
  /**
   * Where a key path is written, for messages that name other places (a cycle names each shot's line). Exact
   * only on the exact path, which is where any storyboard with a finding is read again.
   */
  locate(path: readonly PathSegment[]): { line: number; column: number };
}

export type Rule = (ctx: RuleContext) => Finding[];

/** A finding about `key` of `shot`, pointing where the value was written (the shot, or defaults). */
export function shotFinding(shot: ShotView, key: ValueKey, code: string, message: string): Finding {
  const from = shot.from[key];
  const path: PathSegment[] = [...shot.path, key];
  const hint = key === "model" ? null : `write \`${key}: null\` on the shot to unset it`;
  const note = from === undefined ? "" : inheritedNote(from, hint);
  return { path, code, message: `${message}${note}`, ...(from ? { at: from } : {}) };
}

/**
 * " (set in defaults: <hint>)" for a value a shot inherited (`defaults.models["…"]` when its model's entry
 * gave it); "" for the shot's own.
 */
export function inheritedNote(from: readonly PathSegment[], hint: string | null): string {
  if (from[0] !== "defaults") return "";
  const where = from[1] === "models" ? formatPath(from.slice(0, 3)) : "defaults";
  return hint === null ? ` (set in ${where})` : ` (set in ${where}: ${hint})`;
}

/** "4, 6, 8" or "4 to 10" for messages. */
export function listAllowed(values: readonly (string | number)[]): string {
  return values.map(String).join(", ");
}
