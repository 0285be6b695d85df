// The storyboard JSON Schema: documented for editors, closed against unknown keys, strict about ids.
import { readFile } from "node:fs/promises";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { MAX_SHOT_ID_LENGTH, storyboardSchema } from "../../src/storyboard/index.js";

type Schema = Record<string, unknown>;

const raw = JSON.parse(
  await readFile(new URL("../../schemas/storyboard.schema.json", import.meta.url), "utf8"),
) as Schema;

function deref(schema: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== "string") return schema;
  const name = ref.replace("#/definitions/", "");
  return (raw.definitions as Record<string, Schema>)[name] ?? {};
}

/** Every object schema in the file with the path it is at. */
function objects(): [string, Schema][] {
  const out: [string, Schema][] = [["(root)", raw]];
  for (const [name, def] of Object.entries(raw.definitions as Record<string, Schema>)) {
    if (def.type === "object") out.push([name, def]);
  }
  return out;
}

describe("storyboard schema", () => {
  it("is the schema the validator uses", () => {
    expect(storyboardSchema()).toEqual(raw);
  });

  it("gives every property a description and examples (hover and completion in editors)", () => {
    for (const [where, schema] of objects()) {
      for (const [key, prop] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) {
        const target = deref(prop);
        expect(typeof target.description, `${where}.${key}`).toBe("string");
        expect(Array.isArray(target.examples) && target.examples.length > 0, `${where}.${key}`).toBe(true);
      }
    }
  });

  it("closes every object against unknown keys, except the params pass-through", () => {
    for (const [where, schema] of objects()) {
      if (where === "params") expect(schema.additionalProperties).toBeUndefined();
      else expect(schema.additionalProperties, where).toBe(false);
    }
  });

  it("accepts only ids that are safe as file names", () => {
    const validate = new Ajv({ strict: true }).compile(raw);
    const board = (id: string): unknown => ({ version: 1, shots: [{ id }] });
    for (const id of ["open", "shot-01", "a.b_c-d", "A", "9", "x".repeat(MAX_SHOT_ID_LENGTH)]) {
      expect(validate(board(id)), id).toBe(true);
    }
    for (const id of [
      "",
      ".",
      "..",
      "../x",
      "a/../b",
      "a/b",
      "a\\b",
      ".hidden",
      "-x",
      "_x",
      "a b",
      "a:b",
      "é",
      "x".repeat(MAX_SHOT_ID_LENGTH + 1),
    ]) {
      expect(validate(board(id)), id).toBe(false);
    }
  });
});
