// `models`: the model catalog as rows a user can scan (frames, durations, sizes, price, storyboard-ready); data only.
import { isSemanticComplete, listModels, unreachableRequiredFields } from "../catalog/index.js";
import type { DurationRange, FrameRequirement, ModelSpec } from "../catalog/index.js";

export interface ModelInfo {
  id: string;
  /** Route as documented (informational). */
  endpoint: string;
  frames: { first: FrameRequirement; last: FrameRequirement };
  /** Allowed seconds; null: the model takes no duration. */
  durations: readonly number[] | DurationRange | null;
  resolutions: readonly string[] | null;
  aspectRatios: readonly string[] | null;
  /** The model takes generate_audio. */
  audio: boolean;
  /** The catalog has a published price for it (else costs are unknown until a render reports credits). */
  priceKnown: boolean;
  /** Every required request field can be filled from storyboard fields alone. */
  semanticComplete: boolean;
  /** Required request fields no storyboard field fills: they go under the shot's `params:`. */
  needsParams: string[];
}

/** Every catalog model (sorted by id) whose id contains each of `filter` (case-insensitive). */
export function models(options: { filter?: readonly string[] } = {}): ModelInfo[] {
  const terms = (options.filter ?? []).map((t) => t.trim().toLowerCase()).filter((t) => t !== "");
  return listModels()
    .filter((model) => terms.every((term) => model.id.toLowerCase().includes(term)))
    .map(modelInfo);
}

function modelInfo(model: ModelSpec): ModelInfo {
  return {
    id: model.id,
    endpoint: model.endpoint,
    frames: { first: model.frames.first, last: model.frames.last },
    durations: model.durations,
    resolutions: model.resolutions,
    aspectRatios: model.aspectRatios,
    audio: model.fields.generate_audio !== undefined,
    priceKnown: model.price !== null,
    semanticComplete: isSemanticComplete(model),
    needsParams: unreachableRequiredFields(model),
  };
}
