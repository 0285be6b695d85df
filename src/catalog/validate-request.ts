// Validates a request body against its model's documented schema; each model's validator is compiled once, lazily.
import type { ValidateFunction } from "ajv";
import type { ModelSpec } from "./model-spec.js";
import { toRequestProblems, type RequestProblem } from "./problem-messages.js";
import { requestSchema } from "./request-schema.js";
import { schemaValidator } from "../util/schema-validator.js";

const compiled = new WeakMap<ModelSpec, ValidateFunction>();

/** Problems of `body` as a request to `model` (empty when the API would accept its shape). */
export function validateRequest(model: ModelSpec, body: Record<string, unknown>): RequestProblem[] {
  const validate = validatorFor(model);
  if (validate(body)) return [];
  return toRequestProblems(validate.errors ?? [], model.id);
}

function validatorFor(model: ModelSpec): ValidateFunction {
  let validate = compiled.get(model);
  if (validate === undefined) {
    validate = schemaValidator(requestSchema(model), "request");
    compiled.set(model, validate);
  }
  return validate;
}
