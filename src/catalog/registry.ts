// Lookup of ModelSpecs over the generated data, built lazily on first use (no work at import time).
import { catalogData } from "./catalog-data.js";
import { UnknownModelError } from "./errors.js";
import { buildModelSpec, type ModelSpec } from "./model-spec.js";
import { closestIds } from "./suggest.js";

let byId: ReadonlyMap<string, ModelSpec> | undefined;
let sorted: readonly ModelSpec[] | undefined;

function specs(): ReadonlyMap<string, ModelSpec> {
  if (byId === undefined) {
    const models = catalogData().models;
    const ids = Object.keys(models).sort();
    byId = new Map(
      ids.flatMap((id) => {
        const raw = models[id];
        return raw === undefined ? [] : [[id, buildModelSpec(id, raw)] as const];
      }),
    );
  }
  return byId;
}

export function getModel(id: string): ModelSpec | undefined {
  return specs().get(id);
}

/** Like getModel, but throws UnknownModelError (E_UNKNOWN_MODEL) with close ids as suggestions. */
export function requireModel(id: string): ModelSpec {
  const model = getModel(id);
  if (model === undefined) throw new UnknownModelError(id, closestIds(id, [...specs().keys()]));
  return model;
}

/** Every model, sorted by id. */
export function listModels(): readonly ModelSpec[] {
  sorted ??= Object.freeze([...specs().values()]);
  return sorted;
}
