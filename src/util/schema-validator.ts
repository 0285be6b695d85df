// Compiles each JSON Schema once per process: a validator precompiled by the build when one matches, else ajv (loaded only then).
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import type { Ajv, Options, ValidateFunction } from "ajv";
import type * as AjvModule from "ajv";
import { isUri } from "./uri-format.js";

/** How a schema is compiled: each profile is one set of ajv options (and formats or not). */
export type SchemaProfile = "request" | "storyboard" | "manifest";

const PROFILES: Record<SchemaProfile, { options: Options; formats: boolean }> = {
  // strict: every schema oddity is a compile error; defaults are annotations only, never applied or coerced.
  request: {
    options: { strict: true, allErrors: true, verbose: true, useDefaults: false, coerceTypes: false },
    formats: true,
  },
  storyboard: { options: { strict: true, allErrors: true, verbose: true }, formats: false },
  manifest: { options: { strict: true, allErrors: true, allowUnionTypes: true }, formats: true },
};

/** Where the build puts precompiled validators (`npm run build`: scripts/precompile-validators.mjs). */
export const PRECOMPILED_DIR = new URL("../../dist/validators/", import.meta.url);

const require = createRequire(import.meta.url);

/** The file name of `schema`'s precompiled validator under `profile`: changes whenever either does. */
export function validatorKey(schema: object, profile: SchemaProfile): string {
  const hash = createHash("sha256");
  hash.update(JSON.stringify({ profile, options: PROFILES[profile].options, schema }));
  return `${profile}-${hash.digest("hex").slice(0, 20)}.cjs`;
}

/** A new ajv for `profile` (ajv is loaded on first call). `source`: keep code for standalone output. */
export function createAjv(
  profile: SchemaProfile,
  extra: { logger?: Options["logger"]; source?: boolean } = {},
): Ajv {
  const { Ajv: AjvClass } = require("ajv") as typeof AjvModule;
  const { options, formats } = PROFILES[profile];
  const ajv = new AjvClass({
    ...options,
    logger: extra.logger ?? false,
    ...(extra.source ? { code: { source: true } } : {}),
  });
  if (formats) {
    (require("ajv-formats") as { default: (a: Ajv) => void }).default(ajv);
    ajv.addFormat("uri", isUri);
  }
  return ajv;
}

const compiled = new WeakMap<object, ValidateFunction>();

/**
 * The validator of `schema` under `profile`, compiled once per schema object. A validator the build
 * precompiled for exactly this schema and profile is loaded instead of compiling one (fast startup); any
 * other schema (a newer catalog, a test's) is compiled with ajv, so a stale build never validates wrongly.
 */
export function schemaValidator(schema: object, profile: SchemaProfile): ValidateFunction {
  let validate = compiled.get(schema);
  if (validate === undefined) {
    validate = precompiled(schema, profile) ?? createAjv(profile).compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

function precompiled(schema: object, profile: SchemaProfile): ValidateFunction | null {
  const file = new URL(validatorKey(schema, profile), PRECOMPILED_DIR);
  if (!existsSync(file)) return null;
  const validate = require(fileURLToPath(file)) as ValidateFunction;
  // A standalone validator has no `schema` of its own: callers read it (e.g. the storyboard's key list).
  if (validate.schema === undefined) Object.assign(validate, { schema });
  return validate;
}
