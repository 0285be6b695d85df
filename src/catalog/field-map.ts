// Declarative table of which request field carries each semantic field, and what it derives for a model.
import type { RawModelSchema } from "./json-schema.js";
import type { SemanticField } from "./semantic-fields.js";

/** Candidate request field names per semantic field, first present one wins. */
export const FIELD_CANDIDATES: Readonly<Record<SemanticField, readonly string[]>> = {
  prompt: ["prompt"],
  first_frame: ["image_url", "first_frame_image"],
  last_frame: ["last_image_url", "tail_image_url"],
  duration: ["duration"],
  resolution: ["resolution"],
  aspect_ratio: ["aspect_ratio", "ratio"],
  generate_audio: ["generate_audio"],
  negative_prompt: ["negative_prompt"],
  seed: ["seed"],
  enhance_prompt: ["enhance_prompt"],
};

export type FrameRequirement = "required" | "optional" | "none";

/** Semantic field → the model's request field name, for every semantic field the model can take. */
export function deriveFields(raw: RawModelSchema): Partial<Record<SemanticField, string>> {
  const fields: Partial<Record<SemanticField, string>> = {};
  for (const [semantic, candidates] of Object.entries(FIELD_CANDIDATES) as [
    SemanticField,
    readonly string[],
  ][]) {
    const hit = candidates.find((name) => Object.hasOwn(raw.properties, name));
    if (hit !== undefined) fields[semantic] = hit;
  }
  return fields;
}

export function frameRequirement(raw: RawModelSchema, field: string | undefined): FrameRequirement {
  if (field === undefined) return "none";
  return raw.required.includes(field) ? "required" : "optional";
}
