// The catalog data is exactly what the pinned facts generate (always, in CI too); the pinned facts equal ../shared's (when present).
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { extractCatalog, renderCatalogJson, withModelExamples } from "../../scripts/import-catalog.js";
import { generationResponseSchema, getModel, listModels } from "../../src/catalog/index.js";

const repoFile = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const PINNED = repoFile("data/aimlapi/video-models.json");
const GENERATED = repoFile("data/catalog.json");
const SCHEMA = repoFile("schemas/storyboard.schema.json");
const SHARED_DIR = repoFile("../shared/aimlapi");

interface Facts {
  generation_response: unknown;
  models: Record<string, { endpoint: string; required: string[]; properties: Record<string, unknown> }>;
}

const pinned = (): Facts => JSON.parse(readFileSync(PINNED, "utf8")) as Facts;

describe("catalog vs the pinned facts (data/aimlapi/video-models.json)", () => {
  it("has every model with exactly its documented endpoint, required fields and properties", () => {
    const { models } = pinned();
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
    expect(generationResponseSchema()).toEqual(pinned().generation_response);
  });

  it("is exactly what scripts/import-catalog.ts generates (else: npx tsx scripts/import-catalog.ts)", async () => {
    const catalog = extractCatalog(pinned());
    expect(readFileSync(GENERATED, "utf8")).toBe(renderCatalogJson(catalog));
    const schema = readFileSync(SCHEMA, "utf8");
    expect(await withModelExamples(schema, catalog)).toBe(schema);
  });
});

describe.skipIf(!existsSync(SHARED_DIR))(
  "the pinned facts vs ../shared/aimlapi (the reference's latest)",
  () => {
    for (const name of ["video-models.json", "service-endpoints.json"]) {
      it(`data/aimlapi/${name} equals ../shared/aimlapi/${name} (else: npx tsx scripts/import-catalog.ts ../shared/aimlapi/video-models.json)`, () => {
        const shared = `${SHARED_DIR}/${name}`;
        if (!existsSync(shared)) return;
        expect(readFileSync(repoFile(`data/aimlapi/${name}`), "utf8")).toBe(readFileSync(shared, "utf8"));
      });
    }
  },
);
