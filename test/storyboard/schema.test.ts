// The storyboard JSON Schema: documented for editors, closed against unknown keys, strict about ids.
import { readFile } from "node:fs/promises";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { MAX_SHOT_ID_LENGTH, storyboardSchema } from "../../src/storyboard/index.js";

type Schema = Record<string, unknown>;

const raw = JSON.parse(
  await readFile(new URL("../../schemas/storyboard.schema.json", import.meta.url), "utf8"),
) as Schema;

/** A `$ref`'s target; for a key that may be null (`anyOf: [value, unset]`), the value's. */
function deref(schema: Schema): Schema {
  if (Array.isArray(schema.anyOf)) return deref(schema.anyOf[0] as Schema);
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

  it("closes every object against unknown keys, except the params pass-through and the models map", () => {
    for (const [where, schema] of objects()) {
      if (where === "params") expect(schema.additionalProperties).toBeUndefined();
      else if (where === "models")
        expect(schema.additionalProperties).toEqual({ $ref: "#/definitions/model_defaults" });
      else expect(schema.additionalProperties, where).toBe(false);
    }
  });

  it("lets a shot and a models entry (not defaults itself) write null for every key but id and model", () => {
    const validate = new Ajv({ strict: true }).compile(raw);
    const keys = Object.keys(
      (raw.definitions as Record<string, Schema>).model_defaults!.properties as Schema,
    );
    expect(keys).toContain("params");
    expect(keys).not.toContain("model");
    const unset = Object.fromEntries(keys.map((k) => [k, null]));
    const veo = "google/veo-3.1-t2v-fast";
    expect(validate({ version: 1, shots: [{ id: "a", ...unset }] })).toBe(true);
    expect(validate({ version: 1, defaults: { models: { [veo]: unset } }, shots: [{ id: "a" }] })).toBe(true);
    expect(validate({ version: 1, shots: [{ id: "a", model: null }] })).toBe(false);
    expect(validate({ version: 1, defaults: { duration: null }, shots: [{ id: "a" }] })).toBe(false);
    expect(
      validate({ version: 1, defaults: { models: { [veo]: { model: veo } } }, shots: [{ id: "a" }] }),
    ).toBe(false);
  });

  it("ignores top-level keys starting with x- (a place for YAML anchors) and no others", () => {
    const validate = new Ajv({ strict: true }).compile(raw);
    expect(validate({ version: 1, "x-veo": { model: "m" }, shots: [{ id: "a" }] })).toBe(true);
    expect(validate({ version: 1, veo: { model: "m" }, shots: [{ id: "a" }] })).toBe(false);
    expect(validate({ version: 1, shots: [{ id: "a", "x-note": 1 }] })).toBe(false);
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

  it("takes a shot reference for a shot's frames, and only there (editors complete it)", () => {
    const validate = new Ajv({ strict: true }).compile(raw);
    const shot = (first_frame: unknown, extra: object = {}): unknown => ({
      version: 1,
      ...extra,
      shots: [{ id: "a" }, { id: "b", first_frame, last_frame: first_frame }],
    });
    for (const ok of [
      "frames/a.png",
      { shot: "a" },
      { shot: "a", frame: "last" },
      { shot: "a", frame: "first" },
      { shot: "a", frame: 0 },
      { shot: "a", frame: 2.5 },
      null,
    ]) {
      expect(validate(shot(ok)), JSON.stringify(ok)).toBe(true);
    }
    for (const bad of [
      "",
      5,
      [],
      {},
      { frame: "last" },
      { shot: "a", frame: "middle" },
      { shot: "a", frame: -1 },
      { shot: "a", frame: "2" },
      { shot: "a", take: 1 },
      { shot: "../a" },
      { shot: "" },
    ]) {
      expect(validate(shot(bad)), JSON.stringify(bad)).toBe(false);
    }
    const veo = "google/veo-3.1-first-last-image-to-video-fast";
    const ref = { shot: "a" };
    expect(validate(shot("f.png", { defaults: { first_frame: "f.png" } }))).toBe(true);
    expect(validate(shot("f.png", { defaults: { first_frame: ref } }))).toBe(false);
    expect(validate(shot("f.png", { defaults: { last_frame: ref } }))).toBe(false);
    expect(validate(shot("f.png", { defaults: { models: { [veo]: { first_frame: ref } } } }))).toBe(false);
  });

  it("describes the reference: its keys, the default pick, and that defaults refuse it", () => {
    const defs = raw.definitions as Record<string, Schema>;
    const reference = defs.shot_frame!;
    expect(reference.required).toEqual(["shot"]);
    expect(Object.keys(reference.properties as Schema)).toEqual(["shot", "frame"]);
    expect(String(defs.frame_pick?.description)).toMatch(/last \(the default/);
    expect(defs.first_frame?.oneOf).toEqual([
      { $ref: "#/definitions/frame_source" },
      { $ref: "#/definitions/shot_frame" },
    ]);
    expect(defs.first_frame?.examples).toContainEqual({ shot: "dawn", frame: "last" });
    expect(String(defs.default_first_frame?.description)).toMatch(/cannot name a shot/);
  });
});
