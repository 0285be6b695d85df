// Imports AIML's public video-model facts into the product's own data: data/catalog.json and the storyboard schema's model list.
// Usage: npx tsx scripts/import-catalog.ts [path-to-video-models.json]
// With a path (e.g. ../shared/aimlapi/video-models.json), that file is first pinned as data/aimlapi/video-models.json,
// so the generated data, the facts it came from and the drift tests all live in the repository.
import { copyFile, readFile, writeFile } from "node:fs/promises";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { format } from "prettier";
import { canonicalJson, sha256Hex } from "../src/util/hash.js";
import type { CatalogSource, JsonSchemaObject, RawModelSchema } from "../src/catalog/json-schema.js";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** The facts the catalog was built from, pinned in the repository. */
export const PINNED_FACTS_PATH = resolve(REPO_ROOT, "data/aimlapi/video-models.json");
export const OUTPUT_PATH = resolve(REPO_ROOT, "data/catalog.json");
export const STORYBOARD_SCHEMA_PATH = resolve(REPO_ROOT, "schemas/storyboard.schema.json");

export interface ExtractedCatalog {
  source: CatalogSource;
  generationResponse: JsonSchemaObject;
  models: Record<string, RawModelSchema>;
}

/** Pulls what the catalog keeps out of the parsed facts file; throws on an unexpected shape. */
export function extractCatalog(facts: unknown): ExtractedCatalog {
  const root = asObject(facts, "facts file");
  const models = asObject(root.models, "models");
  const out: Record<string, RawModelSchema> = {};
  for (const id of Object.keys(models).sort()) {
    const raw = asObject(models[id], `models["${id}"]`);
    if (typeof raw.endpoint !== "string") throw new Error(`models["${id}"].endpoint must be a string`);
    const required = raw.required;
    if (!Array.isArray(required) || !required.every((f) => typeof f === "string")) {
      throw new Error(`models["${id}"].required must be an array of strings`);
    }
    const properties = asObject(raw.properties, `models["${id}"].properties`);
    out[id] = {
      endpoint: raw.endpoint,
      required: [...required],
      properties: structuredClone(properties) as Record<string, JsonSchemaObject>,
    };
  }
  return {
    source: {
      source: typeof root.source === "string" ? oneLine(root.source) : "unknown",
      extracted: typeof root.extracted === "string" ? root.extracted : "unknown",
      sha256: sha256Hex(canonicalJson(facts)),
    },
    generationResponse: structuredClone(asObject(root.generation_response, "generation_response")),
    models: out,
  };
}

/** The text of data/catalog.json (read by src/catalog/catalog-data.ts). */
export function renderCatalogJson(catalog: ExtractedCatalog): string {
  const data = {
    source: catalog.source,
    generation_response: catalog.generationResponse,
    models: catalog.models,
  };
  return `${JSON.stringify(data, null, 1)}\n`;
}

/**
 * The storyboard schema with `definitions.model.examples` listing every model id (editor completion), as prettier
 * writes it: ids already listed keep their place (the featured ones first), new ids follow sorted, gone ids leave.
 */
export async function withModelExamples(schemaText: string, catalog: ExtractedCatalog): Promise<string> {
  const schema = JSON.parse(schemaText) as { definitions: { model: { examples?: string[] } } };
  const ids = Object.keys(catalog.models).sort();
  const kept = (schema.definitions.model.examples ?? []).filter((id) => id in catalog.models);
  schema.definitions.model.examples = [...kept, ...ids.filter((id) => !kept.includes(id))];
  return format(JSON.stringify(schema, null, 2), { parser: "json", printWidth: 110 });
}

export async function importCatalog(factsPath: string = PINNED_FACTS_PATH): Promise<ExtractedCatalog> {
  if (resolve(factsPath) !== PINNED_FACTS_PATH) await copyFile(factsPath, PINNED_FACTS_PATH);
  const facts: unknown = JSON.parse(await readFile(PINNED_FACTS_PATH, "utf8"));
  const catalog = extractCatalog(facts);
  await writeFile(OUTPUT_PATH, renderCatalogJson(catalog), "utf8");
  const schemaText = await readFile(STORYBOARD_SCHEMA_PATH, "utf8");
  await writeFile(STORYBOARD_SCHEMA_PATH, await withModelExamples(schemaText, catalog), "utf8");
  return catalog;
}

function asObject(value: unknown, what: string): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw new Error(`${what} must be an object`);
  return value as Record<string, unknown>;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  const factsPath = resolve(process.argv[2] ?? PINNED_FACTS_PATH);
  const catalog = await importCatalog(factsPath);
  console.log(
    `wrote ${relative(process.cwd(), OUTPUT_PATH)} and the model list of ${relative(process.cwd(), STORYBOARD_SCHEMA_PATH)}: ${Object.keys(catalog.models).length} models from ${relative(process.cwd(), PINNED_FACTS_PATH)}`,
  );
}
