// The full request-body JSON schema of a model: its documented properties plus the `model` field, nothing else.
import type { JsonSchemaObject } from "./json-schema.js";
import type { ModelSpec } from "./model-spec.js";

export function requestSchema(model: ModelSpec): JsonSchemaObject {
  return {
    type: "object",
    properties: { model: { const: model.id }, ...model.properties },
    required: ["model", ...model.required],
    additionalProperties: false,
  };
}
