// Field maps, frames and allowed values derived from the schemas: every Veo model, Kling, runway-gen3, ranges.
import { describe, expect, it } from "vitest";
import {
  getModel,
  isSemanticComplete,
  listModels,
  matchAllowed,
  requireModel,
  toRequestFields,
  unreachableRequiredFields,
  UnknownModelError,
  type ModelSpec,
} from "../../src/catalog/index.js";

function model(id: string): ModelSpec {
  return requireModel(id);
}

type FrameExpectation = [field: string | undefined, requirement: "required" | "optional" | "none"];
const VEO: Record<
  string,
  { first: FrameExpectation; last: FrameExpectation; resolutions: string[] | null; durations: number[] }
> = {
  "google/veo-3-1-lite-generate-preview": {
    first: ["image_url", "optional"],
    last: ["last_image_url", "optional"],
    resolutions: ["720p", "1080p"],
    durations: [4, 6, 8],
  },
  "google/veo-3.0-fast": {
    first: [undefined, "none"],
    last: [undefined, "none"],
    resolutions: ["720P", "1080P"],
    durations: [4, 6, 8],
  },
  "google/veo-3.0-i2v": {
    first: ["image_url", "required"],
    last: [undefined, "none"],
    resolutions: ["720P", "1080P"],
    durations: [4, 6, 8],
  },
  "google/veo-3.0-i2v-fast": {
    first: ["image_url", "required"],
    last: [undefined, "none"],
    resolutions: ["720P", "1080P"],
    durations: [4, 6, 8],
  },
  "google/veo-3.1-first-last-image-to-video": {
    first: ["image_url", "required"],
    last: ["last_image_url", "required"],
    resolutions: ["720p", "1080p"],
    durations: [4, 6, 8],
  },
  "google/veo-3.1-first-last-image-to-video-fast": {
    first: ["image_url", "required"],
    last: ["last_image_url", "required"],
    resolutions: ["720p", "1080p"],
    durations: [4, 6, 8],
  },
  "google/veo-3.1-i2v": {
    first: ["image_url", "required"],
    last: [undefined, "none"],
    resolutions: ["720p", "1080p"],
    durations: [4, 6, 8],
  },
  "google/veo-3.1-i2v-fast": {
    first: ["image_url", "required"],
    last: [undefined, "none"],
    resolutions: ["720p", "1080p"],
    durations: [4, 6, 8],
  },
  "google/veo-3.1-reference-to-video": {
    first: [undefined, "none"],
    last: [undefined, "none"],
    resolutions: ["720p", "1080p"],
    durations: [8],
  },
  "google/veo-3.1-t2v": {
    first: [undefined, "none"],
    last: [undefined, "none"],
    resolutions: ["720p", "1080p"],
    durations: [4, 6, 8],
  },
  "google/veo-3.1-t2v-fast": {
    first: [undefined, "none"],
    last: [undefined, "none"],
    resolutions: ["720p", "1080p"],
    durations: [4, 6, 8],
  },
  "google/veo3": {
    first: [undefined, "none"],
    last: [undefined, "none"],
    resolutions: ["720P", "1080P"],
    durations: [4, 6, 8],
  },
  "google/veo3-1-extend-video": {
    first: [undefined, "none"],
    last: [undefined, "none"],
    resolutions: ["720p"],
    durations: [7],
  },
  "google/veo3-1-fast-extend-video": {
    first: [undefined, "none"],
    last: [undefined, "none"],
    resolutions: ["720p"],
    durations: [7],
  },
  "veo-3.1-lite-generate-001": {
    first: ["image_url", "optional"],
    last: ["last_image_url", "optional"],
    resolutions: ["720P", "1080P"],
    durations: [4, 6, 8],
  },
  veo2: { first: [undefined, "none"], last: [undefined, "none"], resolutions: null, durations: [5, 6, 7, 8] },
  "veo2/image-to-video": {
    first: ["image_url", "required"],
    last: ["tail_image_url", "optional"],
    resolutions: null,
    durations: [5, 6, 7, 8],
  },
};

describe("Google Veo models", () => {
  it("are all present, and nothing else has veo in its id", () => {
    const ids = listModels()
      .map((m) => m.id)
      .filter((id) => id.includes("veo"));
    expect(ids).toEqual(Object.keys(VEO).sort());
  });

  it.each(Object.entries(VEO))("%s maps frames, resolutions and durations", (id, want) => {
    const veo = model(id);
    expect([veo.fields.first_frame, veo.frames.first]).toEqual(want.first);
    expect([veo.fields.last_frame, veo.frames.last]).toEqual(want.last);
    expect(veo.resolutions).toEqual(want.resolutions);
    expect(veo.durations).toEqual(want.durations);
    expect(veo.fields.prompt).toBe("prompt");
    expect(isSemanticComplete(veo)).toBe(!id.includes("extend") && !id.includes("reference"));
  });
});

describe("other vendors", () => {
  it("Kling image-to-video uses tail_image_url for the last frame, with the documented default duration", () => {
    const kling = model("kling-video/v1.6/pro/image-to-video");
    expect(kling.fields.first_frame).toBe("image_url");
    expect(kling.fields.last_frame).toBe("tail_image_url");
    expect(kling.frames).toEqual({ first: "required", last: "optional" });
    expect(kling.durations).toEqual([5, 10]);
    expect(kling.defaults.duration).toBe(5);
    expect(kling.resolutions).toBeNull();
  });

  it("runway-gen3 takes aspect ratio as `ratio` and duration as a string, constrained to its documented default", () => {
    const runway = model("runway-gen3/turbo/image-to-video");
    expect(runway.fields.aspect_ratio).toBe("ratio");
    expect(runway.aspectRatios).toEqual(["16:9", "9:16"]);
    expect(runway.durations).toEqual([5]);
    expect(runway.defaults).toEqual({ duration: 5 });
    expect(runway.frames).toEqual({ first: "required", last: "required" });
    expect(toRequestFields(runway, { duration: 5, aspect_ratio: "9:16", prompt: "p" })).toEqual({
      prompt: "p",
      duration: "5",
      ratio: "9:16",
    });
  });

  it("prefers aspect_ratio over ratio when a model documents both", () => {
    expect(model("kling-video/v1.6/standard/text-to-video").fields.aspect_ratio).toBe("aspect_ratio");
  });

  it("reads a min/max duration range", () => {
    const h3 = model("minimax/h3");
    expect(h3.durations).toEqual({ min: 4, max: 15 });
    expect(h3.defaults).toEqual({ duration: 6, resolution: "2K", aspectRatio: "adaptive" });
    expect(h3.fields.aspect_ratio).toBe("ratio");
    expect(model("x-ai/grok-imagine-video").durations).toEqual({ min: 1, max: 15 });
  });

  it("maps first_frame to first_frame_image where that is the model's field", () => {
    const wan = model("alibaba/wan-2-7-r2v");
    expect(wan.fields.first_frame).toBe("first_frame_image");
    expect(wan.frames.first).toBe("optional");
  });

  it("has no duration entry for a model without a duration field", () => {
    const wan = model("alibaba/wan2.1-t2v-plus");
    expect(wan.fields.duration).toBeUndefined();
    expect(wan.durations).toBeNull();
    expect(wan.resolutions).toEqual(["720P"]);
  });
});

describe("semantic completeness", () => {
  it("names required fields no semantic field reaches", () => {
    expect(unreachableRequiredFields(model("bytedance/omnihuman"))).toEqual(["audio_url"]);
    expect(isSemanticComplete(model("bytedance/omnihuman"))).toBe(false);
    expect(unreachableRequiredFields(model("google/veo3-1-extend-video"))).toEqual(["video_url"]);
    expect(isSemanticComplete(model("klingai/video-v3-pro-text-to-video"))).toBe(true);
  });

  it("keeps every model in the catalog, complete or not", () => {
    const all = listModels();
    expect(all).toHaveLength(143);
    expect(all.map((m) => m.id)).toEqual(all.map((m) => m.id).sort());
    expect(all.filter((m) => !isSemanticComplete(m)).length).toBeGreaterThan(0);
  });
});

describe("lookup", () => {
  it("matchAllowed is case-insensitive and returns the model's spelling", () => {
    expect(matchAllowed("720p", ["720P", "1080P"])).toBe("720P");
    expect(matchAllowed("4K", ["1080p", "4k"])).toBe("4k");
    expect(matchAllowed("2160p", ["720P", "1080P"])).toBeUndefined();
  });

  it("getModel returns undefined and requireModel throws E_UNKNOWN_MODEL with suggestions", () => {
    expect(getModel("google/veo-9")).toBeUndefined();
    let thrown: unknown;
    try {
      requireModel("google/veo-3.0-i2v-fst");
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(UnknownModelError);
    const err = thrown as UnknownModelError;
    expect(err.code).toBe("E_UNKNOWN_MODEL");
    expect(err.suggestions[0]).toBe("google/veo-3.0-i2v-fast");
    expect(err.message).toContain('unknown model "google/veo-3.0-i2v-fst"');
  });
});
