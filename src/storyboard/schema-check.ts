// Checks parsed storyboard data against schemas/storyboard.schema.json and words ajv's errors for humans.
import { readFileSync } from "node:fs";
import type { ErrorObject, ValidateFunction } from "ajv";
import { closestIds } from "../catalog/index.js";
import type { Finding, PathSegment } from "./finding.js";
import { describeValue } from "./describe.js";
import { schemaValidator } from "../util/schema-validator.js";
import { shapeFrameErrors } from "./schema-frames.js";

const SCHEMA_URL = new URL("../../schemas/storyboard.schema.json", import.meta.url);

let compiled: ValidateFunction | undefined;

/** Compiled once per process, on first use. */
function validator(): ValidateFunction {
  if (!compiled) {
    const schema = JSON.parse(readFileSync(SCHEMA_URL, "utf8")) as object;
    compiled = schemaValidator(schema, "storyboard");
  }
  return compiled;
}

/** The storyboard JSON Schema (the source of truth for keys and types). */
export function storyboardSchema(): Readonly<Record<string, unknown>> {
  return validator().schema as Record<string, unknown>;
}

/** Schema findings, one per problem, in data order. Empty when the data matches the schema. */
export function checkSchema(data: unknown): Finding[] {
  const validate = validator();
  if (validate(data)) return [];
  const toPath = (pointer: string): PathSegment[] => pointerToPath(pointer, data);
  const shaped = shapeFrameErrors(validate.errors ?? [], toPath);
  const general = shaped.errors
    .filter(isWorthReporting)
    .map((err) => toFinding(err, toPath(err.instancePath)));
  return [...general, ...shaped.findings];
}

/**
 * A key that may be null (`resolution: null` unsets a default) is `anyOf: [value, unset]`: its value's own
 * error ("expected a number") says it all, so the null branch's error and the anyOf summary are dropped,
 * as are the inner errors of a propertyNames check (its own error names the key).
 */
function isWorthReporting(err: ErrorObject): boolean {
  if (err.keyword === "anyOf" || err.schemaPath === "#/definitions/unset/type") return false;
  return err.keyword === "propertyNames" || err.propertyName === undefined;
}

function toFinding(err: ErrorObject, path: PathSegment[]): Finding {
  const params = err.params as Record<string, unknown>;
  switch (err.keyword) {
    case "additionalProperties": {
      const key = String(params.additionalProperty);
      const allowed = Object.keys(propertiesOf(err.parentSchema));
      const [nearest] = closestIds(key, allowed, 1);
      const hint = nearest === undefined ? "" : `did you mean ${JSON.stringify(nearest)}? `;
      const extension = hasExtensionKeys(err.parentSchema) ? "; keys starting with x- are ignored" : "";
      return {
        path: [...path, key],
        anchor: "key",
        code: "unknown-key",
        message: `unknown key ${JSON.stringify(key)} (${hint}allowed: ${allowed.join(", ")}${extension})`,
      };
    }
    case "propertyNames": {
      const key = String(params.propertyName);
      return {
        path: [...path, key],
        anchor: "key",
        code: "bad-key",
        message: `${describeValue(key)} is not a model id`,
      };
    }
    case "required": {
      const key = String(params.missingProperty);
      return {
        path: [...path, key],
        code: "missing-key",
        message: `missing required key ${JSON.stringify(key)}`,
      };
    }
    case "type":
      return { path, code: "wrong-type", message: typeMessage(path, String(params.type), err.data) };
    case "const":
      return {
        path,
        code: "bad-value",
        message: `must be ${JSON.stringify(params.allowedValue)}, got ${describeValue(err.data)}`,
      };
    case "pattern":
      return { path, code: "bad-id", message: `${describeValue(err.data)} is not a valid id: ${ID_RULE}` };
    case "maxLength":
      return {
        path,
        code: "too-long",
        message: `${describeValue(err.data)} is too long (at most ${String(params.limit)} characters)`,
      };
    case "minLength":
      return { path, code: "empty", message: "must not be empty" };
    case "minItems":
      return { path, code: "too-few", message: `needs at least ${String(params.limit)} item (got none)` };
    case "exclusiveMinimum":
      return {
        path,
        code: "out-of-range",
        message: `must be greater than ${String(params.limit)}, got ${describeValue(err.data)}`,
      };
    default:
      return { path, code: "schema", message: err.message ?? `fails the ${err.keyword} check` };
  }
}

const ID_RULE = `use letters, digits, ".", "_" and "-", starting with a letter or digit`;

const TYPE_WORDS: Record<string, string> = {
  number: "a number",
  integer: "a whole number",
  string: "a string",
  boolean: "true or false",
  object: "a mapping",
  array: "a list",
  null: "nothing",
};

function typeMessage(path: readonly PathSegment[], type: string, data: unknown): string {
  if (path.length === 0) {
    return `the storyboard must be a mapping with version and shots, got ${describeValue(data)}`;
  }
  return `expected ${TYPE_WORDS[type] ?? type}, got ${describeValue(data)}`;
}

/** The top level takes `x-…` keys (a place for YAML anchors) besides its own. */
function hasExtensionKeys(schema: unknown): boolean {
  if (!schema || typeof schema !== "object" || !("patternProperties" in schema)) return false;
  const patterns = (schema as { patternProperties?: unknown }).patternProperties;
  return !!patterns && typeof patterns === "object" && Object.hasOwn(patterns, "^x-");
}

function propertiesOf(schema: unknown): Record<string, unknown> {
  if (schema && typeof schema === "object" && "properties" in schema) {
    const props = (schema as { properties?: unknown }).properties;
    if (props && typeof props === "object") return props as Record<string, unknown>;
  }
  return {};
}

/** "/shots/3/params/a~1b" → ["shots", 3, "params", "a/b"] (a segment is a number only inside a list). */
function pointerToPath(pointer: string, data: unknown): PathSegment[] {
  if (pointer === "") return [];
  const path: PathSegment[] = [];
  let node = data;
  for (const raw of pointer.slice(1).split("/")) {
    const key = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    if (Array.isArray(node)) {
      const index = Number(key);
      path.push(index);
      node = node[index] as unknown;
    } else {
      path.push(key);
      node = node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
    }
  }
  return path;
}
