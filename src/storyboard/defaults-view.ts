// The layers a shot inherits from: `defaults:`, then its model's entry under `defaults.models:`.
import type { PathSegment } from "./finding.js";
import { formatPath } from "./finding.js";

export interface DefaultsLayer {
  /** Where the layer is written: ["defaults"] or ["defaults", "models", <model id>]. */
  path: readonly PathSegment[];
  /** Its keys as written (valid or not; `bad` paths are skipped by the readers). */
  values: Readonly<Record<string, unknown>>;
}

export interface DefaultsView {
  general: DefaultsLayer;
  /** defaults.models entries by model id (an entry that is not a mapping is left out: the schema reports it). */
  models: ReadonlyMap<string, DefaultsLayer>;
}

export function buildDefaults(data: Record<string, unknown>, bad: ReadonlySet<string>): DefaultsView {
  const general = asRecord(data.defaults);
  const models = new Map<string, DefaultsLayer>();
  const entries = bad.has("defaults.models") ? {} : asRecord(general.models);
  for (const [id, entry] of Object.entries(entries)) {
    const path = ["defaults", "models", id];
    if (bad.has(formatPath(path)) || !isRecord(entry)) continue;
    models.set(id, { path, values: entry });
  }
  const { models: _models, ...rest } = general;
  return { general: { path: ["defaults"], values: rest }, models };
}

/** The layers for a shot of `modelId`, most specific first. */
export function layersFor(defaults: DefaultsView, modelId: string | undefined): DefaultsLayer[] {
  const entry = modelId === undefined ? undefined : defaults.models.get(modelId);
  return entry ? [entry, defaults.general] : [defaults.general];
}

export function asRecord(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
