// Turns ajv errors into RequestProblems: the request field path and a human message naming what is allowed.
import type { ErrorObject } from "ajv";
import type { JsonSchemaObject } from "./json-schema.js";

export interface RequestProblem {
  /** Request field path, e.g. "duration" or "dynamic_masks/0/mask" ("" for the body itself). */
  field: string;
  /** What is wrong and what is allowed, e.g. '5 is not allowed (allowed: 4, 6, 8)'. */
  message: string;
  /** The JSON-schema keyword that failed ("enum", "required", "type", ...). */
  keyword: string;
}

/** One problem per failing field and keyword; an enum error is folded into a type error on the same field. */
export function toRequestProblems(errors: readonly ErrorObject[], modelId: string): RequestProblem[] {
  const typeFailed = new Set(errors.filter((e) => e.keyword === "type").map((e) => e.instancePath));
  const problems: RequestProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.keyword === "enum" && typeFailed.has(error.instancePath)) continue;
    const problem = toProblem(error, modelId);
    const key = `${problem.field}\u0000${problem.keyword}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

function toProblem(error: ErrorObject, modelId: string): RequestProblem {
  const path = fieldPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  const schema = (error.parentSchema ?? {}) as JsonSchemaObject;
  const value: unknown = error.data;
  const at = (child: unknown): string => (path === "" ? String(child) : `${path}/${String(child)}`);
  switch (error.keyword) {
    case "required":
      return {
        field: at(params.missingProperty),
        keyword: "required",
        message: path === "" ? `required by ${modelId} but missing` : `required but missing`,
      };
    case "additionalProperties": {
      const known = Object.keys(schema.properties ?? {});
      return {
        field: at(params.additionalProperty),
        keyword: "additionalProperties",
        message: `${path === "" ? `${modelId} does not take this field` : "not a known field here"} (known: ${known.join(", ") || "none"})`,
      };
    }
    case "enum":
      return {
        field: path,
        keyword: "enum",
        message: `${show(value)} is not allowed (allowed: ${list(schema.enum)})`,
      };
    case "const":
      return {
        field: path,
        keyword: "const",
        message: `${show(value)} is not allowed (must be ${show(params.allowedValue)})`,
      };
    case "type": {
      const allowed = schema.enum === undefined ? "" : ` (allowed: ${list(schema.enum)})`;
      return {
        field: path,
        keyword: "type",
        message: `expected ${typeName(params.type)}, got ${describe(value)}${allowed}`,
      };
    }
    case "format":
      return {
        field: path,
        keyword: "format",
        message: `${show(value)} is not a valid ${String(params.format)}`,
      };
    case "minimum":
    case "exclusiveMinimum":
      return {
        field: path,
        keyword: error.keyword,
        message: `${show(value)} is below the minimum ${String(params.limit)}`,
      };
    case "maximum":
    case "exclusiveMaximum":
      return {
        field: path,
        keyword: error.keyword,
        message: `${show(value)} is above the maximum ${String(params.limit)}`,
      };
    case "maxLength":
      return {
        field: path,
        keyword: "maxLength",
        message: `is ${lengthOf(value)} characters long; at most ${String(params.limit)} allowed`,
      };
    case "minLength":
      return {
        field: path,
        keyword: "minLength",
        message: `is ${lengthOf(value)} characters long; at least ${String(params.limit)} required`,
      };
    case "maxItems":
      return {
        field: path,
        keyword: "maxItems",
        message: `has ${lengthOf(value)} items; at most ${String(params.limit)} allowed`,
      };
    case "minItems":
      return {
        field: path,
        keyword: "minItems",
        message: `has ${lengthOf(value)} items; at least ${String(params.limit)} required`,
      };
    default:
      return { field: path, keyword: error.keyword, message: error.message ?? `fails ${error.keyword}` };
  }
}

function fieldPath(instancePath: string): string {
  return instancePath
    .split("/")
    .slice(1)
    .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"))
    .join("/");
}

const MAX_SHOWN = 60;

/** A value for a message; long strings (data: URIs) are cut so messages never carry megabytes. */
function show(value: unknown): string {
  if (typeof value === "string") {
    if (value.length <= MAX_SHOWN) return JSON.stringify(value);
    return `${JSON.stringify(value.slice(0, MAX_SHOWN))}… (${value.length} characters)`;
  }
  if (value === undefined) return "undefined";
  const json = JSON.stringify(value);
  return json.length <= MAX_SHOWN ? json : `${json.slice(0, MAX_SHOWN)}…`;
}

function list(values: readonly unknown[] | undefined): string {
  return (values ?? []).map(show).join(", ");
}

function describe(value: unknown): string {
  const kind = value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
  return kind === "object" || kind === "array" ? kind : `${kind} ${show(value)}`;
}

function typeName(type: unknown): string {
  return Array.isArray(type) ? type.map(String).join(" or ") : String(type);
}

function lengthOf(value: unknown): number {
  return typeof value === "string" || Array.isArray(value) ? value.length : 0;
}
