// schemas/events.schema.json: one closed definition per RunEvent type (compile-time exhaustive), valid draft-07, versioned.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { EVENTS_SCHEMA_VERSION } from "../../src/views/index.js";
import type { RunEventType } from "../../src/scheduler/index.js";
import { compileEventsSchema } from "../helpers/events-schema.js";

type Schema = Record<string, unknown>;

// Exhaustive both ways: adding a RunEvent type without an entry here (or keeping a removed one) fails tsc.
const EVENT_TYPES: Record<RunEventType, true> = {
  run_started: true,
  shot_skipped: true,
  shot_waiting: true,
  shot_submitted: true,
  shot_status: true,
  shot_polled: true,
  shot_completed: true,
  shot_failed: true,
  shot_reconciled: true,
  warning: true,
  run_finished: true,
};

const raw = JSON.parse(
  await readFile(new URL("../../schemas/events.schema.json", import.meta.url), "utf8"),
) as Schema;
const definitions = raw.definitions as Record<string, Schema>;
const props = (name: string): Schema => definitions[name]!.properties as Schema;

describe("schemas/events.schema.json", () => {
  it("has an $id, a version equal to run_started's schema_version, and compiles under strict ajv", () => {
    expect(raw.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(raw.$id).toBe("https://storyreel.dev/schemas/events.schema.json");
    expect(raw.version).toBe(EVENTS_SCHEMA_VERSION);
    expect(props("run_started").schema_version).toMatchObject({ const: EVENTS_SCHEMA_VERSION });
    expect(() => compileEventsSchema()).not.toThrow();
  });

  it("lists exactly the RunEvent union's types: in `type`, in oneOf, and as definitions", () => {
    const types = Object.keys(EVENT_TYPES).sort();
    expect([...((raw.properties as Schema).type as { enum: string[] }).enum].sort()).toEqual(types);
    const refs = (raw.oneOf as { $ref: string }[]).map((r) => r.$ref.replace("#/definitions/", ""));
    expect([...refs].sort()).toEqual(types);
    for (const type of types) {
      const def = definitions[type]!;
      expect(def.additionalProperties, type).toBe(false);
      expect(props(type).type, type).toEqual({ const: type });
      expect(def.required, type).toEqual(expect.arrayContaining(["type", "t"]));
    }
  });

  it("every key is snake_case and every field (but type and t) has a description", () => {
    for (const [name, def] of Object.entries(definitions)) {
      if (def.type !== "object") continue;
      for (const [key, field] of Object.entries(def.properties as Record<string, Schema>)) {
        expect(key, `${name}.${key}`).toMatch(/^[a-z][a-z0-9_]*$/);
        if (key === "type" || key === "t" || typeof field.$ref === "string") continue;
        expect(typeof field.description, `${name}.${key}`).toBe("string");
      }
    }
  });

  it("refuses what it should: a camelCase key, a missing field, an unknown type", () => {
    const validate = compileEventsSchema();
    const ok = { type: "warning", id: null, message: "m", t: 1 };
    expect(validate(ok)).toBe(true);
    expect(validate({ ...ok, extraField: 1 })).toBe(false);
    expect(validate({ type: "warning", id: null, t: 1 })).toBe(false);
    expect(validate({ ...ok, type: "shot_exploded" })).toBe(false);
  });
});
