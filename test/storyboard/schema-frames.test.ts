// A bad frame value is worded the same by ajv's run-time compile and by the build's standalone validator.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createRequire } from "node:module";
import type { Ajv, ValidateFunction } from "ajv";
import { describe, expect, it } from "vitest";
import type { PathSegment } from "../../src/storyboard/finding.js";
import { shapeFrameErrors } from "../../src/storyboard/schema-frames.js";
import { createAjv } from "../../src/util/schema-validator.js";
import { makeTempDir, removeDir } from "./helpers.js";

const require = createRequire(import.meta.url);
const schema = JSON.parse(
  await readFile(new URL("../../schemas/storyboard.schema.json", import.meta.url), "utf8"),
) as object;

/** The standalone module the build writes (scripts/precompile-validators.ts), loaded from a temp file. */
async function standalone(dir: string): Promise<ValidateFunction> {
  const ajv = createAjv("storyboard", { source: true });
  const code = (
    require("ajv/dist/standalone") as { default: (a: Ajv, v: ValidateFunction) => string }
  ).default(ajv, ajv.compile(schema));
  // Its requires (ajv's runtime helpers) resolved from here, since the file lives outside the project.
  const located = code.replace(
    /require\("([^"]+)"\)/g,
    (_, id: string) => `require(${JSON.stringify(require.resolve(id))})`,
  );
  const file = join(dir, "storyboard-validator.cjs");
  await writeFile(file, located);
  return require(file) as ValidateFunction;
}

const toPath = (pointer: string): PathSegment[] =>
  pointer === ""
    ? []
    : pointer
        .slice(1)
        .split("/")
        .map((s) => (/^\d+$/.test(s) ? Number(s) : s));

function shaped(validate: ValidateFunction, data: unknown): string[] {
  validate(data);
  const { errors, findings } = shapeFrameErrors(validate.errors ?? [], toPath);
  // What is left for the general wording, and the frame findings.
  return [
    ...errors
      .filter((e) => e.keyword !== "anyOf" && !/unset/.test(e.schemaPath))
      .map((e) => `${toPath(e.instancePath).join("/")} ${e.keyword}`),
    ...findings.map((f) => `${f.path.join("/")} ${f.code}: ${f.message}`),
  ].sort();
}

const BAD: unknown[] = [
  { shot: "dawn", frame: "middle" },
  { frame: "last" },
  { shot: "dawn", take: 2 },
  5,
  "",
  [],
  { shot: "a b" },
  { shot: "dawn", frame: -1 },
];

describe("frame errors", () => {
  it("are shaped alike whichever way the storyboard schema was compiled", async () => {
    const dir = await makeTempDir();
    const runtime = createAjv("storyboard").compile(schema);
    const built = await standalone(dir).finally(() => removeDir(dir));
    for (const value of BAD) {
      const doc = {
        version: 1,
        defaults: { first_frame: { shot: "x" } },
        shots: [{ id: "a", first_frame: value }],
      };
      const got = shaped(built, doc);
      expect(got, JSON.stringify(value)).toEqual(shaped(runtime, doc));
      // One thing to say about each value, besides the reference in defaults.
      expect(
        got.filter((line) => line.startsWith("shots/")),
        JSON.stringify(value),
      ).toHaveLength(1);
      expect(got.filter((line) => line.includes("reference-in-defaults"))).toHaveLength(1);
    }
  });
});
