// Validates manifest JSON against schemas/manifest.schema.json (compiled once, on first use).
import { readFileSync } from "node:fs";
import type { ValidateFunction } from "ajv";
import { schemaValidator } from "../util/schema-validator.js";
import type { Manifest } from "./types.js";

let validator: ValidateFunction | undefined;

function getValidator(): ValidateFunction {
  if (!validator) {
    const schema = JSON.parse(
      readFileSync(new URL("../../schemas/manifest.schema.json", import.meta.url), "utf8"),
    ) as object;
    validator = schemaValidator(schema, "manifest");
  }
  return validator;
}

/** Problems with `value` as a manifest, as "path: message" lines; empty when valid. */
export function manifestProblems(value: unknown): string[] {
  const validate = getValidator();
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || "/"}: ${e.message ?? "is invalid"}`);
}

export function isManifest(value: unknown): value is Manifest {
  return manifestProblems(value).length === 0;
}
