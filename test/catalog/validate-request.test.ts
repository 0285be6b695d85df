// Request validation: precise problems per field, every documented schema compiles cleanly, data: URIs pass.
import { describe, expect, it } from "vitest";
import { listModels, requestSchema, requireModel, validateRequest } from "../../src/catalog/index.js";
import { createRequestAjv } from "../../src/catalog/ajv-instance.js";

const VEO = "google/veo-3.0-i2v-fast";
const base = { model: VEO, prompt: "p", image_url: "https://frame.invalid/first" };
const dataUri = `data:image/png;base64,${Buffer.alloc(3000, 7).toString("base64")}`;

const cases: { name: string; model?: string; body: Record<string, unknown>; problems: object[] }[] = [
  { name: "a valid body", body: { ...base, duration: 8, resolution: "1080P", seed: 3 }, problems: [] },
  { name: "a data: URI frame", body: { ...base, image_url: dataUri }, problems: [] },
  {
    name: "a duration outside the enum",
    body: { ...base, duration: 5 },
    problems: [{ field: "duration", keyword: "enum", message: "5 is not allowed (allowed: 4, 6, 8)" }],
  },
  {
    name: "a resolution in the wrong spelling",
    body: { ...base, resolution: "1080p" },
    problems: [
      { field: "resolution", keyword: "enum", message: '"1080p" is not allowed (allowed: "720P", "1080P")' },
    ],
  },
  {
    name: "a missing required field",
    body: { model: VEO, prompt: "p" },
    problems: [{ field: "image_url", keyword: "required", message: `required by ${VEO} but missing` }],
  },
  {
    name: "a field the model does not take",
    body: { ...base, last_image_url: "https://frame.invalid/last" },
    problems: [
      {
        field: "last_image_url",
        keyword: "additionalProperties",
        message:
          `${VEO} does not take this field (known: model, prompt, image_url, duration, aspect_ratio, ` +
          "resolution, negative_prompt, seed, enhance_prompt, generate_audio)",
      },
    ],
  },
  {
    name: "a wrong type",
    body: { ...base, seed: "abc" },
    problems: [{ field: "seed", keyword: "type", message: 'expected integer, got string "abc"' }],
  },
  {
    name: "a string default sent as the value of an integer enum",
    body: { ...base, duration: "8" },
    problems: [
      { field: "duration", keyword: "type", message: 'expected integer, got string "8" (allowed: 4, 6, 8)' },
    ],
  },
  {
    name: "another model's id",
    body: { ...base, model: "google/veo3" },
    problems: [
      { field: "model", keyword: "const", message: `"google/veo3" is not allowed (must be "${VEO}")` },
    ],
  },
  {
    name: "a duration above a range",
    model: "minimax/h3",
    body: { model: "minimax/h3", prompt: "p", duration: 16 },
    problems: [{ field: "duration", keyword: "maximum", message: "16 is above the maximum 15" }],
  },
  {
    name: "a prompt that is too long",
    model: "gen3a_turbo",
    body: { model: "gen3a_turbo", image_url: "https://frame.invalid/a", prompt: "x".repeat(1001) },
    problems: [
      { field: "prompt", keyword: "maxLength", message: "is 1001 characters long; at most 1000 allowed" },
    ],
  },
  {
    name: "a nested missing field",
    model: "kling-video/v1.5/pro/image-to-video",
    body: {
      model: "kling-video/v1.5/pro/image-to-video",
      image_url: "https://frame.invalid/a",
      dynamic_masks: [
        {
          trajectories: [
            { x: 1, y: 2 },
            { x: 3, y: 4 },
          ],
        },
      ],
    },
    problems: [{ field: "dynamic_masks/0/mask", keyword: "required", message: "required but missing" }],
  },
];

describe("validateRequest", () => {
  it.each(cases)("reports $name precisely", ({ model, body, problems }) => {
    expect(validateRequest(requireModel(model ?? VEO), body)).toEqual(problems);
  });

  it("reports every problem of a body at once", () => {
    const problems = validateRequest(requireModel(VEO), { model: VEO, duration: 5, foo: 1 });
    expect(problems.map((p) => `${p.field}:${p.keyword}`).sort()).toEqual([
      "duration:enum",
      "foo:additionalProperties",
      "image_url:required",
      "prompt:required",
    ]);
  });

  it("cuts long values (data: URIs) short in messages", () => {
    const bad = `not a uri ${"x".repeat(5000)}`;
    const [problem] = validateRequest(requireModel(VEO), { ...base, image_url: bad });
    expect(problem?.field).toBe("image_url");
    expect(problem?.keyword).toBe("format");
    expect(problem?.message).toMatch(/… \(5010 characters\) is not a valid uri$/);
    expect(problem?.message.length).toBeLessThan(120);
  });

  it("accepts data: URIs for every frame field of a two-frame model", () => {
    const id = "google/veo-3.1-first-last-image-to-video-fast";
    const body = { model: id, prompt: "p", image_url: dataUri, last_image_url: dataUri };
    expect(validateRequest(requireModel(id), body)).toEqual([]);
  });
});

describe("the documented schemas", () => {
  it("all compile under strict mode without a single warning", () => {
    const logged: unknown[][] = [];
    const record = (...args: unknown[]): void => {
      logged.push(args);
    };
    const ajv = createRequestAjv({ logger: { log: record, warn: record, error: record } });
    const models = listModels();
    for (const model of models) expect(() => ajv.compile(requestSchema(model))).not.toThrow();
    expect(models).toHaveLength(143);
    expect(logged).toEqual([]);
  });

  it("all validate through validateRequest (an empty body misses `model`)", () => {
    for (const model of listModels()) {
      expect(validateRequest(model, {})).toContainEqual({
        field: "model",
        keyword: "required",
        message: `required by ${model.id} but missing`,
      });
    }
  });
});
