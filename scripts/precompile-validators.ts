// Build step (after tsc; run with tsx): writes a standalone validator for every schema storyreel compiles (storyboard, manifest, each model's request), so commands start without compiling.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { Ajv, ValidateFunction } from "ajv";
import { listModels } from "../src/catalog/index.js";
import { requestSchema } from "../src/catalog/request-schema.js";
import { createAjv, PRECOMPILED_DIR, validatorKey } from "../src/util/schema-validator.js";
import type { SchemaProfile } from "../src/util/schema-validator.js";
import { isUri } from "../src/util/uri-format.js";

type StandaloneCode = (ajv: Ajv, validate: ValidateFunction) => string;

const require = createRequire(import.meta.url);
const standaloneCode = (require("ajv/dist/standalone") as { default: StandaloneCode }).default;

const readSchema = (name: string): object =>
  JSON.parse(readFileSync(new URL(`../schemas/${name}.schema.json`, import.meta.url), "utf8")) as object;

const jobs: { profile: SchemaProfile; schema: object }[] = [
  { profile: "storyboard", schema: readSchema("storyboard") },
  { profile: "manifest", schema: readSchema("manifest") },
  ...listModels().map((model) => ({ profile: "request" as const, schema: requestSchema(model) })),
];

const dir = fileURLToPath(PRECOMPILED_DIR);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
// The "uri" format is storyreel's own (src/util/uri-format.ts): the validators require its source, not ajv-formats'.
writeFileSync(
  new URL("uri-format.cjs", PRECOMPILED_DIR),
  `"use strict";\nmodule.exports = ${isUri.toString()};\n`,
);
const OWN_URI = 'require("ajv-formats/dist/formats").fullFormats.uri';
let bytes = 0;
for (const { profile, schema } of jobs) {
  const ajv = createAjv(profile, { source: true });
  const code = standaloneCode(ajv, ajv.compile(schema)).replaceAll(OWN_URI, 'require("./uri-format.cjs")');
  writeFileSync(new URL(validatorKey(schema, profile), PRECOMPILED_DIR), code);
  bytes += code.length;
}
console.log(`precompiled ${jobs.length} validators (${Math.round(bytes / 1024)} KB) into dist/validators`);
