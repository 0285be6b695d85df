// Builds a model's ModelSpec (field map, frames, allowed values, defaults, price) from its documented schema.
import {
  deriveDurations,
  numericDefault,
  stringDefault,
  stringEnum,
  type DurationRange,
} from "./allowed-values.js";
import { deriveFields, frameRequirement, type FrameRequirement } from "./field-map.js";
import type { JsonSchemaObject, RawModelSchema } from "./json-schema.js";
import { PRICE_TABLE, type PriceEntry } from "./price-table.js";
import type { SemanticField } from "./semantic-fields.js";

export interface ModelSpec {
  /** "google/veo-3.0-i2v-fast" */
  id: string;
  /** Route as documented (informational; every model is served by POST /v2/video/generations). */
  endpoint: string;
  /** Required request fields besides `model`. */
  required: readonly string[];
  /** Request schema properties as documented. */
  properties: Readonly<Record<string, JsonSchemaObject>>;
  /** Semantic field → request field name, for the semantic fields this model takes. */
  fields: Readonly<Partial<Record<SemanticField, string>>>;
  frames: { readonly first: FrameRequirement; readonly last: FrameRequirement };
  /** Allowed seconds (enum or inclusive range); null: the model has no duration field. */
  durations: readonly number[] | DurationRange | null;
  /** The model's own spelling, e.g. ["720P", "1080P"]; null: no resolution field. */
  resolutions: readonly string[] | null;
  /** null: no aspect ratio field. */
  aspectRatios: readonly string[] | null;
  /** The server's documented defaults (string defaults on integer fields converted to numbers). */
  defaults: { readonly duration?: number; readonly resolution?: string; readonly aspectRatio?: string };
  /** null: price unknown. */
  price: PriceEntry | null;
}

export function buildModelSpec(id: string, raw: RawModelSchema): ModelSpec {
  const fields = deriveFields(raw);
  const prop = (semantic: SemanticField): JsonSchemaObject | undefined => {
    const name = fields[semantic];
    return name === undefined ? undefined : raw.properties[name];
  };
  const defaults: { duration?: number; resolution?: string; aspectRatio?: string } = {};
  const duration = numericDefault(prop("duration"));
  if (duration !== undefined) defaults.duration = duration;
  const resolution = stringDefault(prop("resolution"));
  if (resolution !== undefined) defaults.resolution = resolution;
  const aspectRatio = stringDefault(prop("aspect_ratio"));
  if (aspectRatio !== undefined) defaults.aspectRatio = aspectRatio;

  const durations = deriveDurations(prop("duration"));
  const resolutions = stringEnum(prop("resolution"));
  const aspectRatios = stringEnum(prop("aspect_ratio"));
  return Object.freeze({
    id,
    endpoint: raw.endpoint,
    required: Object.freeze([...raw.required]),
    properties: raw.properties,
    fields: Object.freeze(fields),
    frames: Object.freeze({
      first: frameRequirement(raw, fields.first_frame),
      last: frameRequirement(raw, fields.last_frame),
    }),
    durations:
      durations === null ? null : Object.freeze("min" in durations ? { ...durations } : [...durations]),
    resolutions: resolutions === null ? null : Object.freeze([...resolutions]),
    aspectRatios: aspectRatios === null ? null : Object.freeze([...aspectRatios]),
    defaults: Object.freeze(defaults),
    price: Object.hasOwn(PRICE_TABLE, id) ? (PRICE_TABLE[id] ?? null) : null,
  });
}

/** Required request fields no semantic field reaches (e.g. video_url, audio_url): settable only via a shot's `params:`. */
export function unreachableRequiredFields(model: ModelSpec): string[] {
  const reachable = new Set(Object.values(model.fields));
  return model.required.filter((field) => !reachable.has(field));
}

/** True when every required request field can be filled from semantic fields alone. */
export function isSemanticComplete(model: ModelSpec): boolean {
  return unreachableRequiredFields(model).length === 0;
}
