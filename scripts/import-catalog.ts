// Imports AIML's public video-model facts into the product's own generated copy (src/catalog/data/aiml-models.ts).
// Usage: npx tsx scripts/import-catalog.ts [path-to-video-models.json]
// (default: ../shared/aimlapi/video-models.json relative to the repository root)
import { readFile, writeFile } from "node:fs/promises";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { canonicalJson, sha256Hex } from "../src/util/hash.js";
import type { CatalogSource, JsonSchemaObject, RawModelSchema } from "../src/catalog/json-schema.js";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const DEFAULT_FACTS_PATH = resolve(REPO_ROOT, "../shared/aimlapi/video-models.json");
export const OUTPUT_PATH = resolve(REPO_ROOT, "src/catalog/data/aiml-models.ts");

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
      source: typeof root.source === "string" ? root.source : "unknown",
      extracted: typeof root.extracted === "string" ? root.extracted : "unknown",
      sha256: sha256Hex(canonicalJson(facts)),
    },
    generationResponse: structuredClone(asObject(root.generation_response, "generation_response")),
    models: out,
  };
}

/** The TypeScript module text written to src/catalog/data/aiml-models.ts. */
export function renderCatalogModule(catalog: ExtractedCatalog): string {
  const count = Object.keys(catalog.models).length;
  return [
    "// Generated copy of AIML's published video-model request schemas, so the product never reads ../shared at run time.",
    "// GENERATED FILE -- do not edit by hand.",
    "// Regenerate: npx tsx scripts/import-catalog.ts [path-to-video-models.json]",
    `// Source: ${oneLine(catalog.source.source)}`,
    `// Extracted: ${oneLine(catalog.source.extracted)}; ${count} models; facts sha256 ${catalog.source.sha256}`,
    'import type { CatalogSource, JsonSchemaObject, RawModelSchema } from "../json-schema.js";',
    "",
    `export const AIML_CATALOG_SOURCE: CatalogSource = ${JSON.stringify(catalog.source, null, 2)};`,
    "",
    `export const AIML_GENERATION_RESPONSE: JsonSchemaObject = ${JSON.stringify(catalog.generationResponse, null, 2)};`,
    "",
    `export const AIML_MODELS: Readonly<Record<string, RawModelSchema>> = ${JSON.stringify(catalog.models, null, 2)};`,
    "",
  ].join("\n");
}

export async function importCatalog(factsPath: string = DEFAULT_FACTS_PATH): Promise<ExtractedCatalog> {
  const facts: unknown = JSON.parse(await readFile(factsPath, "utf8"));
  const catalog = extractCatalog(facts);
  await writeFile(OUTPUT_PATH, renderCatalogModule(catalog), "utf8");
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
  const factsPath = resolve(process.argv[2] ?? DEFAULT_FACTS_PATH);
  const catalog = await importCatalog(factsPath);
  console.log(
    `wrote ${relative(process.cwd(), OUTPUT_PATH)}: ${Object.keys(catalog.models).length} models from ${factsPath}`,
  );
}
