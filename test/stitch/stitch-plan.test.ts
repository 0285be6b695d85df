// planStitch and the ffmpeg filter graph as data: copy criteria, the target format, silence for silent clips.
import { describe, expect, it } from "vitest";
import { planStitch } from "../../src/commands/stitch/stitch-plan.js";
import type { ProbedClip } from "../../src/commands/stitch/stitch-plan.js";
import { concatListOf, filterGraph } from "../../src/commands/stitch/stitch-args.js";

function clip(id: string, traits: Partial<ProbedClip["traits"]> = {}): ProbedClip {
  return {
    id,
    path: `/o/clips/${id}.mp4`,
    traits: {
      durationSeconds: 4,
      width: 1280,
      height: 720,
      videoCodec: "h264",
      hasAudio: false,
      fps: 24,
      pixFmt: "yuv420p",
      audio: null,
      ...traits,
    },
  };
}

describe("planStitch", () => {
  it("copies when codec, size, fps, pixel format and audio all match (fps equal to 3 decimals)", () => {
    const plan = planStitch([clip("a", { fps: 24000 / 1001 }), clip("b", { fps: 23.976 })]);
    expect(plan).toEqual({
      mode: "copy",
      mismatches: [],
      target: { width: 1280, height: 720, fps: 23.976, audio: false },
    });
  });

  it("names every differing property with the shots on each side", () => {
    const plan = planStitch([
      clip("a"),
      clip("b", { videoCodec: "hevc", pixFmt: "yuv420p10le", audio: "aac/44100/2", hasAudio: true }),
    ]);
    expect(plan.mode).toBe("reencode");
    expect(plan.mismatches).toEqual([
      "video codecs differ: h264 (a), hevc (b)",
      "pixel formats differ: yuv420p (a), yuv420p10le (b)",
      "audio differs: no audio (a), aac/44100/2 (b)",
    ]);
    expect(plan.target.audio).toBe(true);
  });

  it("targets the most common size and fps (ties: storyboard order), made even, 24 fps when unknown", () => {
    expect(planStitch([clip("a", { width: 721, height: 1281 }), clip("b")]).target).toMatchObject({
      width: 720,
      height: 1280,
    });
    expect(planStitch([clip("a", { fps: 0 }), clip("b", { fps: 0, width: 640 })]).target.fps).toBe(24);
    expect(
      planStitch([clip("a", { fps: 25 }), clip("b", { fps: 30 }), clip("c", { fps: 30 })]).target.fps,
    ).toBe(30);
  });
});

describe("ffmpeg inputs", () => {
  it("scales and pads each clip to the target and gives silent clips anullsrc when audio is wanted", () => {
    const graph = filterGraph(
      [clip("a", { audio: "aac/48000/2", hasAudio: true }), clip("b", { durationSeconds: 2.5 })],
      {
        width: 1280,
        height: 720,
        fps: 24,
        audio: true,
      },
    );
    expect(graph).toContain(
      "[0:v:0]setpts=PTS-STARTPTS,scale=1280:720:force_original_aspect_ratio=decrease,pad=1280:720:",
    );
    expect(graph).toContain("[0:a:0]aresample=48000");
    expect(graph).toContain(
      "anullsrc=r=48000:cl=stereo,aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo,apad,atrim=duration=2.500",
    );
    expect(graph.trim().split(";\n").at(-1)).toBe("[v0][a0][v1][a1]concat=n=2:v=1:a=1[v][a]");
  });

  it("quotes clip paths in the concat list", () => {
    expect(concatListOf(["/o/it's.mp4"])).toBe("ffconcat version 1.0\nfile '/o/it'\\''s.mp4'\n");
  });
});
