// What every rule sees: the shot views, their models (looked up once per id) and checked frames.
import type { ModelSpec } from "../../catalog/index.js";
import type { Finding, PathSegment } from "../finding.js";
import type { FrameResult } from "../frame-source.js";
import type { ShotView, ValueKey } from "../shot-view.js";

export type FrameKey = "first_frame" | "last_frame";

export interface RuleContext {
  shots: readonly ShotView[];
  /** The shot's model spec; undefined when it has no model or an unknown one. */
  model(shot: ShotView): ModelSpec | undefined;
  /** Checked frames by shot index. */
  frames: ReadonlyMap<number, Partial<Record<FrameKey, FrameResult>>>;
}

export type Rule = (ctx: RuleContext) => Finding[];

/** A finding about `key` of `shot`, pointing where the value was written (the shot, or defaults). */
export function shotFinding(shot: ShotView, key: ValueKey, code: string, message: string): Finding {
  const from = shot.from[key];
  const inherited = from !== undefined && from[0] === "defaults";
  const path: PathSegment[] = [...shot.path, key];
  return {
    path,
    code,
    message: inherited ? `${message} (set in defaults)` : message,
    ...(from ? { at: from } : {}),
  };
}

/** "4, 6, 8" or "4 to 10" for messages. */
export function listAllowed(values: readonly (string | number)[]): string {
  return values.map(String).join(", ");
}
