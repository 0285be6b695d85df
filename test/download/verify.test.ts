// verifyClip against real clips made by ffmpeg, and through render(): a clip that does not match the request is a
// warning in the manifest, never a failure.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { render } from "../../src/commands/render/render.js";
import { verifyClip } from "../../src/download/index.js";
import { readManifest } from "../../src/manifest/index.js";
import { startSimulator } from "../../src/simulator/index.js";
import type { Simulator } from "../../src/simulator/index.js";
import { makeClip, makeTempDir } from "../media/fixtures.js";
import { makeWorkspace, storyboardYaml } from "../helpers/workspace.js";
import type { Workspace } from "../helpers/workspace.js";

/** A 1 s 160x120 (4:3) h264 clip. */
let clip = "";
let fixture: { dir: string; cleanup: () => Promise<void> } | undefined;
let sim: Simulator | undefined;
let ws: Workspace | undefined;

beforeAll(async () => {
  fixture = await makeTempDir();
  clip = join(fixture.dir, "160x120.mp4");
  await makeClip(clip, { audio: false });
});

afterAll(async () => {
  await fixture?.cleanup();
});

afterEach(async () => {
  await sim?.close();
  await ws?.cleanup();
  sim = undefined;
  ws = undefined;
});

describe("verifyClip", () => {
  it("a clip that matches the request gives no warning", async () => {
    expect(await verifyClip(clip, { durationSeconds: 1, resolution: "120p", aspectRatio: "4:3" })).toEqual(
      [],
    );
    expect(await verifyClip(clip, { durationSeconds: null, resolution: null, aspectRatio: null })).toEqual(
      [],
    );
  });

  it("duration, resolution and aspect ratio mismatches are each a warning naming both values", async () => {
    const warnings = await verifyClip(clip, { durationSeconds: 4, resolution: "720p", aspectRatio: "16:9" });
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/^duration is 1\.\d\d s, requested 4 s$/);
    expect(warnings[1]).toBe("resolution is 160x120, requested 720p");
    expect(warnings[2]).toBe("aspect ratio is 160:120, requested 16:9");
  });

  it("a named resolution is compared by its short side", async () => {
    expect(await verifyClip(clip, { durationSeconds: null, resolution: "1080P", aspectRatio: null })).toEqual(
      ["resolution is 160x120, requested 1080P"],
    );
    expect(await verifyClip(clip, { durationSeconds: null, resolution: "hd", aspectRatio: null })).toEqual([
      "resolution is 160x120, requested hd",
    ]);
  });

  it("a file ffprobe cannot read is a warning, not a thrown error", async () => {
    const bogus = join(fixture!.dir, "bogus.mp4");
    await writeFile(
      bogus,
      Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from("ftypisom"), Buffer.alloc(64)]),
    );
    const warnings = await verifyClip(bogus, { durationSeconds: 4, resolution: "720p", aspectRatio: "16:9" });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^ffprobe could not read the clip: /);
  });
});

describe("render with clips that do not match the request", () => {
  it("completes the shots with warnings in the manifest; exit 0", async () => {
    ws = await makeWorkspace(storyboardYaml(2));
    // every job serves the 1 s 160x120 clip, while the storyboard asks for 4 s of 720p 16:9
    sim = await startSimulator({ latency: 40, render: "fast", fastClipPath: clip });
    const result = await render({
      storyboard: ws.storyboard,
      baseUrl: sim.url,
      apiKey: "sk-test-verify-1a2b3c",
      pollInterval: 0.03,
    });
    expect(result.exitCode).toBe(0);
    expect(result.counts.completed).toBe(2);
    const manifest = await readManifest(ws.outDir);
    for (const shot of manifest!.shots) {
      expect(shot.status).toBe("completed");
      expect(shot.error).toBeNull();
      expect(shot.warnings).toEqual([
        expect.stringMatching(/^duration is 1\.\d\d s, requested 4 s$/),
        "resolution is 160x120, requested 720p",
        "aspect ratio is 160:120, requested 16:9",
      ]);
    }
  });
});
