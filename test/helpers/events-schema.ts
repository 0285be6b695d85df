// The NDJSON event schema compiled with ajv (strict, formats) the way a CI script would, for tests that validate event lines.
import { readFileSync } from "node:fs";
import type { ValidateFunction } from "ajv";
import { createAjv } from "../../src/util/schema-validator.js";

/** schemas/events.schema.json compiled; its top-level `version` is registered as an annotation keyword. */
export function compileEventsSchema(): ValidateFunction {
  const schema = JSON.parse(
    readFileSync(new URL("../../schemas/events.schema.json", import.meta.url), "utf8"),
  ) as object;
  const ajv = createAjv("manifest");
  ajv.addKeyword({ keyword: "version", schemaType: "number" });
  return ajv.compile(schema);
}
