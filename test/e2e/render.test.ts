// render() end to end over real HTTP against the simulator: clips, manifest, concat.txt, bounded concurrency, reruns.
import { createHash } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { render } from "../../src/commands/render/render.js";
import { manifestProblems } from "../../src/manifest/index.js";
import type { Manifest } from "../../src/manifest/index.js";
import { probeVideo } from "../../src/media/index.js";
import { startSimulator } from "../../src/simulator/index.js";
import type { Simulator } from "../../src/simulator/index.js";
import type { RunEvent } from "../../src/scheduler/index.js";
import { makeWorkspace, storyboardYaml } from "../helpers/workspace.js";
import type { Workspace } from "../helpers/workspace.js";

const KEY = "sk-test-e2e-7f3a9c";
let sim: Simulator | undefined;
let ws: Workspace | undefined;

afterEach(async () => {
  await sim?.close();
  await ws?.cleanup();
  sim = undefined;
  ws = undefined;
});

async function sha256File(path: string): Promise<string> {
  return createHash("sha256")
    .update(await readFile(path))
    .digest("hex");
}

async function readManifestFile(outDir: string): Promise<Manifest> {
  return JSON.parse(await readFile(join(outDir, "manifest.json"), "utf8")) as Manifest;
}

describe("render against the simulator", () => {
  it("renders real clips from the frames, writes a valid manifest and concat.txt", async () => {
    ws = await makeWorkspace(storyboardYaml(3));
    sim = await startSimulator({ latency: { minMs: 100, maxMs: 200 } });
    const events: RunEvent[] = [];
    const result = await render({
      storyboard: ws.storyboard,
      baseUrl: sim.url,
      apiKey: KEY,
      pollInterval: 0.05,
      onEvent: (e) => events.push(e),
    });

    expect(result.exitCode).toBe(0);
    expect(result.counts.completed).toBe(3);
    const manifest = await readManifestFile(ws.outDir);
    expect(manifestProblems(manifest)).toEqual([]);
    expect(manifest.finished_at).not.toBeNull();
    expect(manifest.shots.map((s) => s.id)).toEqual(["s1", "s2", "s3"]);
    for (const shot of manifest.shots) {
      expect(shot.status).toBe("completed");
      expect(shot.generation_id).toMatch(/\S/);
      expect(shot.clip?.path).toMatch(/^clips\/00\d-s\d\.mp4$/);
      const abs = join(ws.outDir, shot.clip!.path);
      expect(await sha256File(abs)).toBe(shot.clip!.sha256);
      // the request as sent, frames by reference: never the base64
      expect(JSON.stringify(shot.request)).not.toContain("base64");
      expect(shot.request.image_url).toMatchObject({ source: expect.stringMatching(/^frames\/f\d\.png$/) });
      const probe = await probeVideo(abs);
      expect(probe).toMatchObject({ width: 1280, height: 720, videoCodec: "h264" });
      expect(probe!.durationSeconds).toBeGreaterThan(3.5);
      expect(probe!.durationSeconds).toBeLessThan(4.5);
    }
    const concat = await readFile(join(ws.outDir, "concat.txt"), "utf8");
    expect(concat.trim().split("\n")).toEqual([
      "ffconcat version 1.0",
      "file 'clips/001-s1.mp4'",
      "file 'clips/002-s2.mp4'",
      "file 'clips/003-s3.mp4'",
    ]);
    // a report page with one card per shot
    const html = await readFile(result.reportPath, "utf8");
    expect(result.reportPath).toBe(join(ws.outDir, "report.html"));
    for (const id of ["s1", "s2", "s3"]) expect(html).toContain(id);
    // no temp files left behind
    const leftovers = (await readdir(join(ws.outDir, "clips"))).filter((f) => !f.endsWith(".mp4"));
    expect(leftovers).toEqual([]);
    expect(events[0]?.type).toBe("run_started");
    expect(events.at(-1)?.type).toBe("run_finished");
    // the key went to the API, as a bearer token, and nowhere into the output folder
    const apiRequests = sim.requests.filter((r) => r.kind === "submit" || r.kind === "poll");
    expect(apiRequests.every((r) => r.headers.authorization === `Bearer ${KEY}`)).toBe(true);
    expect(JSON.stringify(manifest)).not.toContain(KEY);
  });

  it("never has more than --concurrency generations in flight, and polls them all in parallel", async () => {
    ws = await makeWorkspace(storyboardYaml(12));
    sim = await startSimulator({ latency: { minMs: 150, maxMs: 300 }, render: "fast" });
    const result = await render({
      storyboard: ws.storyboard,
      baseUrl: sim.url,
      apiKey: KEY,
      concurrency: 3,
      pollInterval: 0.05,
    });
    expect(result.exitCode).toBe(0);
    expect(sim.stats.jobsCreated).toBe(12);
    expect(sim.stats.maxInFlight).toBe(3);
    const manifest = await readManifestFile(ws.outDir);
    expect(manifest.shots.every((s) => s.status === "completed")).toBe(true);
  });

  it("a rerun skips up-to-date shots without sending a single request, and renders a changed one", async () => {
    ws = await makeWorkspace(storyboardYaml(3));
    sim = await startSimulator({ latency: 50, render: "fast" });
    const options = { storyboard: ws.storyboard, baseUrl: sim.url, apiKey: KEY, pollInterval: 0.05 };
    expect((await render(options)).exitCode).toBe(0);
    const requestsAfterFirst = sim.stats.totalRequests;

    const second = await render(options);
    expect(second.exitCode).toBe(0);
    expect(second.counts.upToDate).toBe(3);
    expect(sim.stats.totalRequests).toBe(requestsAfterFirst);

    // what the first run learned about generation times is kept for the next one
    const timings = JSON.parse(
      await readFile(join(ws.outDir, ".storyreel", "timings.json"), "utf8"),
    ) as Record<string, number[]>;
    expect(timings["google/veo-3.1-first-last-image-to-video-fast"]?.length).toBe(3);

    // change one shot's prompt: only that one is submitted again
    const { writeFile } = await import("node:fs/promises");
    const yaml = await readFile(ws.storyboard, "utf8");
    await writeFile(ws.storyboard, yaml.replace('prompt: "shot 2"', 'prompt: "shot 2, at night"'));
    const third = await render(options);
    expect(third.exitCode).toBe(0);
    expect(third.counts).toMatchObject({ completed: 1, upToDate: 2 });
    expect(sim.stats.jobsCreated).toBe(4);
  });
});
