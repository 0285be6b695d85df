// Each shot's effective values (its own, else from defaults), remembering where every value was written.
import { SEMANTIC_FIELDS } from "../catalog/index.js";
import type { SemanticValues } from "../catalog/index.js";
import { asRecord, layersFor } from "./defaults-view.js";
import type { DefaultsLayer, DefaultsView } from "./defaults-view.js";
import type { PathSegment } from "./finding.js";
import { formatPath } from "./finding.js";
import { readFrameValue } from "./frame-value.js";
import type { FrameValue } from "./frame-value.js";

/** Shot keys that defaults can supply (every shot key except id and params). */
export const VALUE_KEYS = ["model", ...SEMANTIC_FIELDS] as const;

export type ValueKey = (typeof VALUE_KEYS)[number];

/**
 * A shot's own and inherited values: its model plus the catalog's semantic fields, where a frame may also be
 * a reference to another shot's clip (only on the shot itself: defaults refuse references).
 */
export type ShotValues = { model?: string; first_frame?: FrameValue; last_frame?: FrameValue } & Omit<
  SemanticValues,
  "first_frame" | "last_frame"
>;

export interface ShotView {
  index: number;
  path: readonly PathSegment[];
  /** null when the id is missing or invalid. */
  id: string | null;
  /** Effective, well-typed values (a value with a schema error is left out). */
  values: ShotValues;
  /** Where each value in `values` and `params` was written: ["shots", i, key], ["defaults", key] or
   *  ["defaults", "models", <model id>, key]. */
  from: Partial<Record<ValueKey, readonly PathSegment[]>>;
  params: Record<string, unknown>;
  paramFrom: Record<string, readonly PathSegment[]>;
  /** Keys written on the shot or in defaults, valid or not (so a bad value is not also reported as missing);
   *  a key a null removed is not written. */
  written: ReadonlySet<ValueKey>;
  /** Where the shot writes `key: null` though no default sets that key (nothing to unset). */
  unsetNothing: readonly (readonly PathSegment[])[];
}

const EXPECTED: Record<ValueKey, "string" | "number" | "boolean" | "frame"> = {
  model: "string",
  prompt: "string",
  first_frame: "frame",
  last_frame: "frame",
  duration: "number",
  resolution: "string",
  aspect_ratio: "string",
  generate_audio: "boolean",
  negative_prompt: "string",
  seed: "number",
  enhance_prompt: "boolean",
};

/**
 * Builds one view per shot that is a mapping. Each key comes from the shot, else its model's entry under
 * defaults.models, else defaults; a null on the shot (or in the model's entry) removes what the layers
 * below would give. `bad` holds formatted paths that failed the schema check; their values are skipped so
 * one mistake is reported once, not again by every rule that would read it.
 */
export function buildShotViews(
  data: Record<string, unknown>,
  bad: ReadonlySet<string>,
  defaults: DefaultsView,
): ShotView[] {
  const shots = Array.isArray(data.shots) ? (data.shots as unknown[]) : [];
  return shots.flatMap((item, index): ShotView[] => {
    // A shot that is not a mapping already has a schema error; rules have nothing to check in it.
    if (item === null || typeof item !== "object" || Array.isArray(item)) return [];
    const shot = item as Record<string, unknown>;
    const own: DefaultsLayer = { path: ["shots", index], values: shot };
    const ownModel = usable(own, "model", bad) ? shot.model : undefined;
    const generalModel = usable(defaults.general, "model", bad) ? defaults.general.values.model : undefined;
    const modelId =
      typeof ownModel === "string" ? ownModel : typeof generalModel === "string" ? generalModel : undefined;
    const layers = [own, ...layersFor(defaults, modelId)];

    const values: Record<string, unknown> = {};
    const from: Partial<Record<ValueKey, readonly PathSegment[]>> = {};
    const written = new Set<ValueKey>();
    const unsetNothing: PathSegment[][] = [];
    for (const key of VALUE_KEYS) {
      const at = layers.findIndex((layer) => Object.hasOwn(layer.values, key));
      const layer = layers[at];
      if (layer === undefined) continue;
      const value = layer.values[key];
      if (value === null && key !== "model" && layer.path[0] !== "defaults") {
        // An unset removes the layers below; on the shot it must remove something.
        if (layers.slice(at + 1).every((below) => !Object.hasOwn(below.values, key))) {
          unsetNothing.push([...layer.path, key]);
        }
        continue;
      }
      if (value === null && layer.path[1] === "models") continue;
      written.add(key);
      if (!usable(layer, key, bad)) continue;
      const typed = EXPECTED[key] === "frame" ? readFrameValue(value) : value;
      if (typed !== undefined && (EXPECTED[key] === "frame" || typeof typed === EXPECTED[key])) {
        values[key] = typed;
        from[key] = [...layer.path, key];
      }
    }

    const params: Record<string, unknown> = {};
    const paramFrom: Record<string, readonly PathSegment[]> = {};
    // From the least specific layer up; a null params drops what the layers below gave.
    for (const layer of [...layers].reverse()) {
      if (!Object.hasOwn(layer.values, "params") || !usable(layer, "params", bad)) continue;
      const given = layer.values.params;
      if (given === null) {
        if (layer === own && !layers.slice(1).some(hasParams)) {
          unsetNothing.push([...layer.path, "params"]);
        }
        for (const key of Object.keys(params)) {
          delete params[key];
          delete paramFrom[key];
        }
        continue;
      }
      for (const [key, value] of Object.entries(asRecord(given))) {
        params[key] = value;
        paramFrom[key] = [...layer.path, "params", key];
      }
    }
    const id = typeof shot.id === "string" && !bad.has(`shots[${index}].id`) ? shot.id : null;
    return [{ index, path: ["shots", index], id, values, from, params, paramFrom, written, unsetNothing }];
  });
}

/** The layer's value for `key` passed the schema check (a bad one is reported once, by the schema). */
function usable(layer: DefaultsLayer, key: string, bad: ReadonlySet<string>): boolean {
  return !bad.has(formatPath([...layer.path, key]));
}

function hasParams(layer: DefaultsLayer): boolean {
  return Object.hasOwn(layer.values, "params");
}
