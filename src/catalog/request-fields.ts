// Semantic values → request body fields in the model's own names, spellings and types; never drops a value silently.
import { matchAllowed } from "./allowed-values.js";
import { FieldMappingError } from "./errors.js";
import type { ModelSpec } from "./model-spec.js";
import { SEMANTIC_FIELDS, type SemanticField, type SemanticValues } from "./semantic-fields.js";

/** A semantic value the model cannot take ("not_taken") or that cannot be expressed in its type ("not_convertible"). */
export interface FieldProblem {
  field: SemanticField;
  kind: "not_taken" | "not_convertible";
  message: string;
}

export interface MappedFields {
  fields: Record<string, unknown>;
  problems: FieldProblem[];
}

/**
 * Maps every defined semantic value to the model's request field. Resolution and aspect ratio take the
 * model's spelling when they match an allowed value case-insensitively; otherwise they pass through unchanged
 * so validateRequest reports them with the allowed values. Duration takes the model's declared type.
 */
export function mapSemanticFields(model: ModelSpec, values: SemanticValues): MappedFields {
  const fields: Record<string, unknown> = {};
  const problems: FieldProblem[] = [];
  for (const semantic of SEMANTIC_FIELDS) {
    const value = values[semantic];
    if (value === undefined || value === null) continue;
    const name = model.fields[semantic];
    if (name === undefined) {
      problems.push({ field: semantic, kind: "not_taken", message: notTakenMessage(model, semantic) });
      continue;
    }
    if (semantic === "duration" && typeof value === "number") {
      const converted = convertDuration(model, name, value);
      if (typeof converted === "object") problems.push(converted);
      else fields[name] = converted;
      continue;
    }
    if (semantic === "resolution" && typeof value === "string") {
      fields[name] = spell(value, model.resolutions);
      continue;
    }
    if (semantic === "aspect_ratio" && typeof value === "string") {
      fields[name] = spell(value, model.aspectRatios);
      continue;
    }
    fields[name] = value;
  }
  return { fields, problems };
}

/** Like mapSemanticFields, but throws FieldMappingError (E_FIELD_MAPPING) listing every problem. */
export function toRequestFields(model: ModelSpec, values: SemanticValues): Record<string, unknown> {
  const { fields, problems } = mapSemanticFields(model, values);
  if (problems.length > 0) throw new FieldMappingError(model.id, problems);
  return fields;
}

function spell(value: string, allowed: readonly string[] | null): string {
  return (allowed === null ? undefined : matchAllowed(value, allowed)) ?? value;
}

function convertDuration(model: ModelSpec, name: string, seconds: number): number | string | FieldProblem {
  const type = model.properties[name]?.type;
  if (!Number.isFinite(seconds)) {
    return { field: "duration", kind: "not_convertible", message: `${seconds} is not a number of seconds` };
  }
  if (type === "integer" && !Number.isInteger(seconds)) {
    return {
      field: "duration",
      kind: "not_convertible",
      message: `${seconds} is not a whole number of seconds; ${model.id} takes whole seconds in "${name}"`,
    };
  }
  return type === "string" ? String(seconds) : seconds;
}

function notTakenMessage(model: ModelSpec, semantic: SemanticField): string {
  const taken = Object.keys(model.fields).join(", ");
  return `${model.id} does not take ${semantic} (it takes: ${taken || "none of the semantic fields"})`;
}
