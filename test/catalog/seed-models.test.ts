// The two seed models map exactly to their documented request schemas.
import { describe, expect, it } from "vitest";
import {
  FieldMappingError,
  getModel,
  matchAllowed,
  mapSemanticFields,
  toRequestFields,
  validateRequest,
  type ModelSpec,
} from "../../src/catalog/index.js";

function model(id: string): ModelSpec {
  const spec = getModel(id);
  if (spec === undefined) throw new Error(`missing ${id}`);
  return spec;
}

describe("google/veo-3.0-i2v-fast", () => {
  const veo = model("google/veo-3.0-i2v-fast");

  it("has the documented shape", () => {
    expect(veo.required).toEqual(["prompt", "image_url"]);
    expect(veo.fields).toEqual({
      prompt: "prompt",
      first_frame: "image_url",
      duration: "duration",
      resolution: "resolution",
      aspect_ratio: "aspect_ratio",
      generate_audio: "generate_audio",
      negative_prompt: "negative_prompt",
      seed: "seed",
      enhance_prompt: "enhance_prompt",
    });
    expect(veo.frames).toEqual({ first: "required", last: "none" });
    expect(veo.durations).toEqual([4, 6, 8]);
    expect(veo.resolutions).toEqual(["720P", "1080P"]);
    expect(veo.aspectRatios).toEqual(["16:9", "9:16"]);
    expect(veo.defaults).toEqual({ duration: 8, resolution: "720P" });
    expect(veo.price).toBeNull();
  });

  it("spells 1080p the model's way", () => {
    expect(matchAllowed("1080p", veo.resolutions ?? [])).toBe("1080P");
  });

  it("takes every optional semantic field and produces a valid body", () => {
    const fields = toRequestFields(veo, {
      prompt: "Mona Lisa puts on glasses",
      first_frame: "https://frame.invalid/first",
      duration: 6,
      resolution: "1080p",
      aspect_ratio: "16:9",
      negative_prompt: "blur",
      seed: 42,
      enhance_prompt: false,
      generate_audio: true,
    });
    expect(fields).toEqual({
      prompt: "Mona Lisa puts on glasses",
      image_url: "https://frame.invalid/first",
      duration: 6,
      resolution: "1080P",
      aspect_ratio: "16:9",
      negative_prompt: "blur",
      seed: 42,
      enhance_prompt: false,
      generate_audio: true,
    });
    expect(validateRequest(veo, { model: veo.id, ...fields })).toEqual([]);
  });
});

describe("google/veo-3.1-first-last-image-to-video-fast", () => {
  const veo = model("google/veo-3.1-first-last-image-to-video-fast");

  it("has the documented shape", () => {
    expect(veo.required).toEqual(["prompt", "image_url", "last_image_url"]);
    expect(veo.fields.first_frame).toBe("image_url");
    expect(veo.fields.last_frame).toBe("last_image_url");
    expect(veo.fields.negative_prompt).toBeUndefined();
    expect(veo.fields.seed).toBeUndefined();
    expect(veo.frames).toEqual({ first: "required", last: "required" });
    expect(veo.durations).toEqual([4, 6, 8]);
    expect(veo.resolutions).toEqual(["720p", "1080p"]);
    expect(veo.defaults).toEqual({ duration: 8, resolution: "1080p" });
  });

  it("lower-cases resolution to the model's spelling", () => {
    const fields = toRequestFields(veo, {
      prompt: "p",
      first_frame: "https://frame.invalid/a",
      last_frame: "https://frame.invalid/b",
      resolution: "1080P",
      duration: 8,
    });
    expect(fields).toEqual({
      prompt: "p",
      image_url: "https://frame.invalid/a",
      last_image_url: "https://frame.invalid/b",
      resolution: "1080p",
      duration: 8,
    });
    expect(validateRequest(veo, { model: veo.id, ...fields })).toEqual([]);
  });

  it("reports negative_prompt and seed as fields the model does not take", () => {
    const { fields, problems } = mapSemanticFields(veo, { prompt: "p", negative_prompt: "blur", seed: 1 });
    expect(fields).toEqual({ prompt: "p" });
    expect(problems.map((p) => [p.field, p.kind])).toEqual([
      ["negative_prompt", "not_taken"],
      ["seed", "not_taken"],
    ]);
    expect(problems[0]?.message).toBe(
      "google/veo-3.1-first-last-image-to-video-fast does not take negative_prompt " +
        "(it takes: prompt, first_frame, last_frame, duration, resolution, aspect_ratio, generate_audio)",
    );
    let thrown: unknown;
    try {
      toRequestFields(veo, { prompt: "p", seed: 1 });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(FieldMappingError);
    expect((thrown as FieldMappingError).code).toBe("E_FIELD_MAPPING");
    expect((thrown as FieldMappingError).problems.map((p) => p.field)).toEqual(["seed"]);
  });
});
