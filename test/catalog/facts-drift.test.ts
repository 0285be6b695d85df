// The committed catalog data equals the public facts file (when present): same schemas, same generated module.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { extractCatalog, renderCatalogModule } from "../../scripts/import-catalog.js";
import { AIML_MODELS } from "../../src/catalog/data/aiml-models.js";
import { GENERATION_RESPONSE_SCHEMA, getModel, listModels } from "../../src/catalog/index.js";

const FACTS = fileURLToPath(new URL("../../../shared/aimlapi/video-models.json", import.meta.url));
const GENERATED = fileURLToPath(new URL("../../src/catalog/data/aiml-models.ts", import.meta.url));

interface Facts {
  generation_response: unknown;
  models: Record<string, { endpoint: string; required: string[]; properties: Record<string, unknown> }>;
}

describe.skipIf(!existsSync(FACTS))("catalog vs ../shared/aimlapi/video-models.json", () => {
  const facts = (): Facts => JSON.parse(readFileSync(FACTS, "utf8")) as Facts;

  it("has every model with exactly its documented endpoint, required fields and properties", () => {
    const { models } = facts();
    expect(listModels().map((m) => m.id)).toEqual(Object.keys(models).sort());
    for (const [id, raw] of Object.entries(models)) {
      const spec = getModel(id);
      expect(spec, id).toBeDefined();
      expect(spec?.endpoint, id).toBe(raw.endpoint);
      expect(spec?.required, id).toEqual(raw.required);
      expect(spec?.properties, id).toEqual(raw.properties);
    }
  });

  it("keeps the generation response schema", () => {
    expect(GENERATION_RESPONSE_SCHEMA).toEqual(facts().generation_response);
  });

  it("is exactly what scripts/import-catalog.ts generates (else: npx tsx scripts/import-catalog.ts)", () => {
    const catalog = extractCatalog(facts());
    expect(AIML_MODELS).toEqual(catalog.models);
    expect(readFileSync(GENERATED, "utf8")).toBe(renderCatalogModule(catalog));
  });
});
