// A shot's values in the catalog's vocabulary, with frames given as strings (placeholders or encoded frames).
import type { SemanticValues } from "../catalog/index.js";
import type { ShotValues } from "./shot-view.js";

export function semanticValues(
  values: ShotValues,
  frames: { first?: string; last?: string },
): SemanticValues {
  const { model: _model, first_frame: _first, last_frame: _last, ...rest } = values;
  const out: SemanticValues = { ...rest };
  if (frames.first !== undefined) out.first_frame = frames.first;
  if (frames.last !== undefined) out.last_frame = frames.last;
  return out;
}

/** Stand-ins that pass the request schema's `format: uri`, used while validating (no frame is read into a body). */
export const FRAME_PLACEHOLDERS = {
  first: "https://frames.storyreel.invalid/first_frame",
  last: "https://frames.storyreel.invalid/last_frame",
} as const;
