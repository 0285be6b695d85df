// Reads the generated catalog (data/catalog.json) once, on first use, so commands that need no model pay nothing.
import { readFileSync } from "node:fs";
import type { CatalogSource, JsonSchemaObject, RawModelSchema } from "./json-schema.js";

/** The generated data file's shape (scripts/import-catalog.ts writes it). */
export interface CatalogData {
  source: CatalogSource;
  generation_response: JsonSchemaObject;
  models: Readonly<Record<string, RawModelSchema>>;
}

/** From src/catalog/ and from dist/catalog/ alike, the package's data folder is two levels up. */
const CATALOG_URL = new URL("../../data/catalog.json", import.meta.url);

let cached: CatalogData | undefined;

export function catalogData(): CatalogData {
  cached ??= checkShape(JSON.parse(readFileSync(CATALOG_URL, "utf8")) as unknown);
  return cached;
}

/** A broken install (a truncated or hand-edited data file) fails loudly here, not deep inside validation. */
function checkShape(value: unknown): CatalogData {
  const data = value as Partial<CatalogData> | null;
  const ok =
    data !== null &&
    typeof data === "object" &&
    typeof data.source?.sha256 === "string" &&
    typeof data.generation_response === "object" &&
    data.models !== null &&
    typeof data.models === "object" &&
    Object.values(data.models).every(
      (m) => typeof m?.endpoint === "string" && Array.isArray(m.required) && typeof m.properties === "object",
    );
  if (!ok) throw new Error(`the model catalog ${CATALOG_URL.pathname} is not storyreel's catalog data`);
  return data as CatalogData;
}
