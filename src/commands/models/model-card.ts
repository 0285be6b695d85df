// One row per request field of a model: type, allowed values, documented default, and the storyboard key or params:.
import type { JsonSchemaObject, ModelSpec, SemanticField } from "../../catalog/index.js";

export interface CardField {
  /** The request field, e.g. "image_url". */
  name: string;
  /** e.g. "string (uri)", "integer", "array of string (uri)". */
  type: string;
  /** e.g. "4, 6, 8", "1–10", "up to 9 items"; null: anything of the type. */
  allowed: string | null;
  /** The documented default, as documented (a string default on an integer field stays a string); undefined: none. */
  default?: unknown;
  required: boolean;
  /** The storyboard key that fills it (model, prompt, first_frame, …); null: set it under the shot's params:. */
  storyboardKey: string | null;
}

export function cardFields(model: ModelSpec): CardField[] {
  const keyOf = new Map<string, SemanticField>();
  for (const [semantic, field] of Object.entries(model.fields) as [SemanticField, string][])
    keyOf.set(field, semantic);
  const rows: CardField[] = [
    { name: "model", type: "string", allowed: model.id, required: true, storyboardKey: "model" },
  ];
  for (const [name, schema] of Object.entries(model.properties)) {
    rows.push({
      name,
      type: typeText(schema),
      allowed: allowedText(schema),
      ...(schema.default === undefined ? {} : { default: schema.default }),
      required: model.required.includes(name),
      storyboardKey: keyOf.get(name) ?? null,
    });
  }
  return rows;
}

function typeText(schema: JsonSchemaObject | undefined): string {
  if (schema === undefined) return "any";
  const type = typeof schema.type === "string" ? schema.type : (schema.type?.join(" | ") ?? "any");
  const base = type === "array" ? `array of ${typeText(schema.items)}` : type;
  const format = schema.format === undefined || type === "array" ? "" : ` (${schema.format})`;
  return `${base}${format}${schema.nullable === true ? " or null" : ""}`;
}

function allowedText(schema: JsonSchemaObject): string | null {
  if (schema.enum !== undefined)
    return schema.enum.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join(", ");
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const parts: string[] = [];
  if (schema.minimum !== undefined || schema.maximum !== undefined) {
    parts.push(`${schema.minimum ?? "…"}–${schema.maximum ?? "…"}`);
  }
  if (schema.minLength !== undefined || schema.maxLength !== undefined) {
    parts.push(`length ${schema.minLength ?? 0}–${schema.maxLength ?? "…"}`);
  }
  if (schema.maxItems !== undefined) parts.push(`up to ${schema.maxItems} items`);
  if (schema.minItems !== undefined) parts.push(`at least ${schema.minItems} items`);
  if (schema.items?.enum !== undefined) parts.push(`each one of ${schema.items.enum.map(String).join(", ")}`);
  return parts.length > 0 ? parts.join(", ") : null;
}
