// The build's precompiled validators exist for every schema storyreel compiles, and judge bodies exactly as ajv does at run time.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { ValidateFunction } from "ajv";
import { describe, expect, it } from "vitest";
import { listModels } from "../../src/catalog/index.js";
import { requestSchema } from "../../src/catalog/request-schema.js";
import {
  createAjv,
  PRECOMPILED_DIR,
  schemaValidator,
  validatorKey,
} from "../../src/util/schema-validator.js";
import type { SchemaProfile } from "../../src/util/schema-validator.js";
import { isUri } from "../../src/util/uri-format.js";

const require = createRequire(import.meta.url);
const REBUILD = "run `npm run build`: dist/validators does not match the schemas";

function precompiledFor(schema: object, profile: SchemaProfile): ValidateFunction {
  const file = fileURLToPath(new URL(validatorKey(schema, profile), PRECOMPILED_DIR));
  expect(existsSync(file), REBUILD).toBe(true);
  return require(file) as ValidateFunction;
}

const verdict = (validate: ValidateFunction, body: unknown) => ({
  ok: validate(body),
  errors: (validate.errors ?? []).map(
    (e) => `${e.instancePath} ${e.schemaPath} ${e.keyword} ${JSON.stringify(e.params)}`,
  ),
});

describe("precompiled validators", () => {
  it("exist for the storyboard and manifest schemas", async () => {
    for (const profile of ["storyboard", "manifest"] as const) {
      const schema = JSON.parse(
        await readFile(new URL(`../../schemas/${profile}.schema.json`, import.meta.url), "utf8"),
      ) as object;
      const validate = precompiledFor(schema, profile);
      expect(validate({})).toBe(false);
      // What callers get is the precompiled one, with its schema attached (the storyboard's key list reads it).
      const used = schemaValidator(schema, profile);
      expect(used.toString()).toBe(validate.toString());
      expect(used.schema).toEqual(schema);
    }
  });

  it("judge every model's request bodies exactly as a run-time compile does", () => {
    const models = listModels();
    expect(models.length).toBeGreaterThan(100);
    let differing = 0;
    for (const model of models) {
      const schema = requestSchema(model);
      const built = precompiledFor(schema, "request");
      const fresh = createAjv("request").compile(schema);
      const bodies: unknown[] = [
        { model: model.id, prompt: "a harbour at dawn" },
        { model: model.id },
        { model: model.id, prompt: 7, image_url: "not a uri", duration: "x", extra_field: true },
        {
          model: model.id,
          prompt: "p",
          image_url: "data:image/png;base64,iVBORw0KGgo=",
          aspect_ratio: "1:7",
        },
        { model: model.id, prompt: "p", image_url: "https://example.com/a b.png", resolution: "720P" },
      ];
      for (const body of bodies) {
        if (JSON.stringify(verdict(built, body)) !== JSON.stringify(verdict(fresh, body))) differing++;
      }
    }
    expect(differing).toBe(0);
  });
});

describe("the uri format", () => {
  it.each([
    ["https://cdn.example.com/frames/dawn.png", true],
    ["data:image/png;base64,iVBORw0KGgo=", true],
    ["s3://bucket/key", true],
    ["frames/dawn.png", false],
    ["https://example.com/a b.png", false],
    ["", false],
    ["1http://x", false],
  ])("%s → %s", (value, ok) => {
    expect(isUri(value)).toBe(ok);
  });
});
