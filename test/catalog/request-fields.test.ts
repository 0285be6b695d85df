// Semantic values → request fields: names, spellings and types of the model; problems instead of silent drops.
import { describe, expect, it } from "vitest";
import { mapSemanticFields, requireModel, toRequestFields } from "../../src/catalog/index.js";

describe("mapSemanticFields", () => {
  it("omits undefined values", () => {
    const veo = requireModel("google/veo-3.1-t2v");
    expect(mapSemanticFields(veo, { prompt: "p", duration: undefined, seed: undefined })).toEqual({
      fields: { prompt: "p" },
      problems: [],
    });
  });

  it("converts duration to the declared type (integer, number, string)", () => {
    expect(toRequestFields(requireModel("google/veo3"), { duration: 6 })).toEqual({ duration: 6 });
    expect(toRequestFields(requireModel("runway/gen4_aleph"), { duration: 5 })).toEqual({ duration: 5 });
    expect(toRequestFields(requireModel("runway-gen3/turbo/image-to-video"), { duration: 5 })).toEqual({
      duration: "5",
    });
  });

  it("reports a fractional duration for an integer field instead of rounding it", () => {
    const { fields, problems } = mapSemanticFields(requireModel("google/veo3"), { duration: 6.5 });
    expect(fields).toEqual({});
    expect(problems).toEqual([
      {
        field: "duration",
        kind: "not_convertible",
        message: '6.5 is not a whole number of seconds; google/veo3 takes whole seconds in "duration"',
      },
    ]);
  });

  it("passes an unknown resolution through unchanged, for validation to report with the allowed values", () => {
    expect(toRequestFields(requireModel("google/veo3"), { resolution: "4k", aspect_ratio: "16:9" })).toEqual({
      resolution: "4k",
      aspect_ratio: "16:9",
    });
  });

  it("reports every semantic field the model does not take", () => {
    const omni = requireModel("bytedance/omnihuman");
    const { fields, problems } = mapSemanticFields(omni, {
      first_frame: "https://frame.invalid/a",
      last_frame: "https://frame.invalid/b",
      duration: 5,
      generate_audio: false,
    });
    expect(fields).toEqual({ image_url: "https://frame.invalid/a" });
    expect(problems.map((p) => p.field)).toEqual(["last_frame", "duration", "generate_audio"]);
    expect(problems.every((p) => p.kind === "not_taken")).toBe(true);
  });

  it("maps the last frame to tail_image_url on Kling", () => {
    const kling = requireModel("kling-video/v1/pro/image-to-video");
    expect(
      toRequestFields(kling, {
        first_frame: "data:image/png;base64,AA==",
        last_frame: "https://x.invalid/t",
      }),
    ).toEqual({
      image_url: "data:image/png;base64,AA==",
      tail_image_url: "https://x.invalid/t",
    });
  });
});
