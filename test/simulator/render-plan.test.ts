import { describe, expect, it } from "vitest";
import { getModel } from "../../src/catalog/index.js";
import { renderArgs } from "../../src/simulator/render-args.js";
import { pixelSize, planRender } from "../../src/simulator/render-plan.js";

describe("pixelSize", () => {
  it.each([
    ["720p", "16:9", 1280, 720],
    ["720p", "9:16", 720, 1280],
    ["1080P", "16:9", 1920, 1080],
    ["1080p", "9:16", 1080, 1920],
    ["480p", "1:1", 480, 480],
    ["720p", "4:3", 960, 720],
    ["720p", "3:4", 720, 960],
    ["540p", "21:9", 1260, 540],
    ["4k", "16:9", 3840, 2160],
    ["1280x720", undefined, 1280, 720],
    [undefined, undefined, 1280, 720],
    ["weird", "auto", 1280, 720],
  ])("%s × %s → %ix%i", (resolution, aspect, width, height) => {
    expect(pixelSize(resolution, aspect)).toEqual({ width, height });
  });
});

describe("planRender", () => {
  const png = { type: "png" as const, bytes: Buffer.from("png") };

  it("uses the model's defaults when the body omits fields", () => {
    const model = getModel("google/veo-3.1-t2v-fast");
    if (model === undefined) throw new Error("catalog lacks google/veo-3.1-t2v-fast");
    const plan = planRender(model, { model: model.id, prompt: "x" }, new Map(), { fps: 24 });
    expect(plan).toMatchObject({
      width: 1920,
      height: 1080,
      durationSeconds: 8,
      audio: true,
      first: null,
      last: null,
    });
  });

  it("takes the frames from the model's frame fields and the audio flag from the body", () => {
    const model = getModel("google/veo-3.1-first-last-image-to-video-fast");
    if (model === undefined) throw new Error("catalog lacks the first-last model");
    const frames = new Map([
      ["image_url", png],
      ["last_image_url", png],
    ]);
    const body = {
      model: model.id,
      duration: 4,
      resolution: "720p",
      aspect_ratio: "9:16",
      generate_audio: false,
    };
    const plan = planRender(model, body, frames, { fps: 24 });
    expect(plan).toMatchObject({ width: 720, height: 1280, durationSeconds: 4, audio: false });
    expect(plan.first).toBe(png);
    expect(plan.last).toBe(png);
  });
});

describe("renderArgs", () => {
  const base = {
    width: 320,
    height: 180,
    durationSeconds: 2,
    fps: 24,
    audio: false,
    first: null,
    last: null,
  };

  it("draws a testsrc2 pattern when there are no frames", () => {
    const args = renderArgs(base, { first: null, last: null, out: "/tmp/o.mp4" });
    expect(args).toContain("testsrc2=size=320x180:rate=24:duration=2.000");
    expect(args.at(-1)).toBe("/tmp/o.mp4");
  });

  it("holds each frame an eighth of the clip, fades the last in over the first between, and adds a quiet sine for audio", () => {
    const args = renderArgs({ ...base, audio: true }, { first: "/a.png", last: "/b.png", out: "/o.mp4" });
    const graph = args[args.indexOf("-filter_complex") + 1] ?? "";
    expect(graph).toContain("fade=t=in:st=0.250:d=1.500:alpha=1");
    expect(graph).toContain("overlay");
    expect(graph).toContain("[2:a]volume=0.05[au]");
    expect(args).not.toContain("-loop");
    expect(args).toEqual(
      expect.arrayContaining(["-c:a", "aac", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]),
    );
  });
});
