// Each shot's effective values (its own, else from defaults), remembering where every value was written.
import { SEMANTIC_FIELDS } from "../catalog/index.js";
import type { SemanticValues } from "../catalog/index.js";
import type { PathSegment } from "./finding.js";

/** Shot keys that defaults can supply (every shot key except id and params). */
export const VALUE_KEYS = ["model", ...SEMANTIC_FIELDS] as const;

export type ValueKey = (typeof VALUE_KEYS)[number];

/** A shot's own and inherited values: its model plus the catalog's semantic fields. */
export type ShotValues = { model?: string } & SemanticValues;

export interface ShotView {
  index: number;
  path: readonly PathSegment[];
  /** null when the id is missing or invalid. */
  id: string | null;
  /** Effective, well-typed values (a value with a schema error is left out). */
  values: ShotValues;
  /** Where each value in `values` and `params` was written: ["shots", i, key] or ["defaults", key]. */
  from: Partial<Record<ValueKey, readonly PathSegment[]>>;
  params: Record<string, unknown>;
  paramFrom: Record<string, readonly PathSegment[]>;
  /** Keys written on the shot or in defaults, valid or not (so a bad value is not also reported as missing). */
  written: ReadonlySet<ValueKey>;
}

const EXPECTED: Record<ValueKey, "string" | "number" | "boolean"> = {
  model: "string",
  prompt: "string",
  first_frame: "string",
  last_frame: "string",
  duration: "number",
  resolution: "string",
  aspect_ratio: "string",
  generate_audio: "boolean",
  negative_prompt: "string",
  seed: "number",
  enhance_prompt: "boolean",
};

/**
 * Builds one view per shot that is a mapping. `bad` holds formatted paths that failed the schema check; their values are
 * skipped so one mistake is reported once, not again by every rule that would read it.
 */
export function buildShotViews(data: Record<string, unknown>, bad: ReadonlySet<string>): ShotView[] {
  const defaults = asRecord(data.defaults);
  const defaultParams = asRecord(defaults.params);
  const shots = Array.isArray(data.shots) ? (data.shots as unknown[]) : [];
  const defaultsOk = (key: string): boolean => !bad.has(`defaults.${key}`);
  return shots.flatMap((item, index): ShotView[] => {
    // A shot that is not a mapping already has a schema error; rules have nothing to check in it.
    if (item === null || typeof item !== "object" || Array.isArray(item)) return [];
    const shot = item as Record<string, unknown>;
    const prefix = `shots[${index}]`;
    const values: Record<string, unknown> = {};
    const from: Partial<Record<ValueKey, readonly PathSegment[]>> = {};
    const written = new Set<ValueKey>();
    for (const key of VALUE_KEYS) {
      if (Object.hasOwn(shot, key)) {
        written.add(key);
        if (!bad.has(`${prefix}.${key}`) && typeof shot[key] === EXPECTED[key]) {
          values[key] = shot[key];
          from[key] = ["shots", index, key];
        }
      } else if (Object.hasOwn(defaults, key)) {
        written.add(key);
        if (defaultsOk(key) && typeof defaults[key] === EXPECTED[key]) {
          values[key] = defaults[key];
          from[key] = ["defaults", key];
        }
      }
    }
    const params: Record<string, unknown> = {};
    const paramFrom: Record<string, readonly PathSegment[]> = {};
    const ownParams = bad.has(`${prefix}.params`) ? {} : asRecord(shot.params);
    const inherited = bad.has("defaults.params") ? {} : defaultParams;
    for (const [key, value] of Object.entries(inherited)) {
      params[key] = value;
      paramFrom[key] = ["defaults", "params", key];
    }
    for (const [key, value] of Object.entries(ownParams)) {
      params[key] = value;
      paramFrom[key] = ["shots", index, "params", key];
    }
    const id = typeof shot.id === "string" && !bad.has(`${prefix}.id`) ? shot.id : null;
    return [{ index, path: ["shots", index], id, values: values, from, params, paramFrom, written }];
  });
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
