import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isMp4, probeVideo, runFfmpeg } from "../../src/media/index.js";
import { startSimulator } from "../../src/simulator/index.js";
import type { Simulator } from "../../src/simulator/index.js";
import { AUTH, FIRST_LAST, http, json, pollUrl, pngDataUri, submitUrl, T2V, tempDir } from "./helpers.js";

/** Polls until the job leaves queued/generating; returns the last body and the statuses seen. */
async function waitForJob(
  sim: Simulator,
  id: string,
): Promise<{ last: Record<string, unknown>; seen: string[] }> {
  const seen: string[] = [];
  for (let i = 0; i < 600; i += 1) {
    const last = json(await http(pollUrl(sim.url, id), { headers: AUTH }));
    seen.push(last["status"] as string);
    if (last["status"] === "completed" || last["status"] === "error") return { last, seen };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`job ${id} did not finish`);
}

describe("ffmpeg rendering", () => {
  let sim: Simulator;
  let dir: string;
  let cleanup: () => Promise<void>;
  let orange: string;
  let navy: string;

  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    [orange, navy] = await Promise.all([pngDataUri(dir, "orange"), pngDataUri(dir, "navy")]);
    sim = await startSimulator({ render: "ffmpeg", latency: 50 });
  });
  afterAll(async () => {
    await sim.close();
    await cleanup();
  });

  const render = async (body: Record<string, unknown>, name: string) => {
    const submitted = await http(submitUrl(sim.url), { headers: AUTH, body });
    expect(submitted.status, submitted.body.toString()).toBe(200);
    const id = json(submitted)["id"] as string;
    const { last, seen } = await waitForJob(sim, id);
    expect(last["status"], JSON.stringify(last)).toBe("completed");
    const clip = await http((last["video"] as { url: string }).url);
    expect(isMp4(clip.body)).toBe(true);
    const file = join(dir, `${name}.mp4`);
    await writeFile(file, clip.body);
    return { file, seen, id };
  };

  /** Mean RGB of the frame at `at` seconds. */
  const colourAt = async (file: string, at: number): Promise<[number, number, number]> => {
    const out = join(dir, `px-${Math.random().toString(36).slice(2)}.rgb`);
    await runFfmpeg([
      "-ss",
      String(at),
      "-i",
      file,
      "-frames:v",
      "1",
      "-vf",
      "scale=1:1",
      "-f",
      "rawvideo",
      "-pix_fmt",
      "rgb24",
      out,
    ]);
    const [r = 0, g = 0, b = 0] = await readFile(out);
    return [r, g, b];
  };

  it("renders the first frame easing into the last at 720p 16:9 for 4 s, with audio", async () => {
    const { file } = await render(
      {
        model: FIRST_LAST,
        prompt: "dawn to night",
        image_url: orange,
        last_image_url: navy,
        duration: 4,
        resolution: "720p",
        aspect_ratio: "16:9",
        generate_audio: true,
      },
      "first-last",
    );
    const probe = await probeVideo(file);
    expect(probe).toMatchObject({ width: 1280, height: 720, videoCodec: "h264", hasAudio: true, fps: 24 });
    expect(probe?.durationSeconds).toBeGreaterThan(3.8);
    expect(probe?.durationSeconds).toBeLessThan(4.3);

    const [start, middle, end] = await Promise.all([
      colourAt(file, 0),
      colourAt(file, 2),
      colourAt(file, 3.9),
    ]);
    expect(start[0]).toBeGreaterThan(200); // orange: strong red, little blue
    expect(start[2]).toBeLessThan(60);
    expect(end[0]).toBeLessThan(40); // navy: little red, more blue
    expect(end[2]).toBeGreaterThan(90);
    expect(middle[0]).toBeLessThan(start[0]);
    expect(middle[0]).toBeGreaterThan(end[0]);
  });

  it("starts a one-frame clip on the image itself (no fade from black) and holds it to the end", async () => {
    const { file } = await render(
      {
        model: "google/veo-3.0-i2v-fast",
        prompt: "still",
        image_url: orange,
        duration: 8,
        resolution: "720P",
        generate_audio: false,
      },
      "one-frame",
    );
    const [start, end] = await Promise.all([colourAt(file, 0), colourAt(file, 7.9)]);
    for (const rgb of [start, end]) {
      expect(rgb[0]).toBeGreaterThan(200);
      expect(rgb[2]).toBeLessThan(60);
    }
  });

  it("holds the first image at the start of a first-last clip before crossfading", async () => {
    const { file } = await render(
      {
        model: FIRST_LAST,
        prompt: "hold",
        image_url: orange,
        last_image_url: navy,
        duration: 8,
        resolution: "720p",
      },
      "hold",
    );
    const [start, early, late, end] = await Promise.all([
      colourAt(file, 0),
      colourAt(file, 0.9),
      colourAt(file, 7.1),
      colourAt(file, 7.9),
    ]);
    // still exactly the first image after a tenth of the clip, already exactly the last a tenth before the end
    for (let c = 0; c < 3; c++) {
      expect(Math.abs(early[c]! - start[c]!)).toBeLessThanOrEqual(3);
      expect(Math.abs(late[c]! - end[c]!)).toBeLessThanOrEqual(3);
    }
    expect(start[0] - end[0]).toBeGreaterThan(150);
  });

  it("gives 720x1280 for 9:16 and no audio track when generate_audio is false", async () => {
    const { file } = await render(
      {
        model: FIRST_LAST,
        prompt: "portrait",
        image_url: navy,
        last_image_url: orange,
        duration: 4,
        resolution: "720p",
        aspect_ratio: "9:16",
        generate_audio: false,
      },
      "portrait",
    );
    expect(await probeVideo(file)).toMatchObject({ width: 720, height: 1280, hasAudio: false });
  });

  it("renders text-to-video as a test pattern, and stays generating until the clip exists", async () => {
    const latencyFree = await startSimulator({ render: "ffmpeg", latency: 0 });
    const previous = sim;
    sim = latencyFree;
    try {
      const { file, seen } = await render(
        {
          model: T2V,
          prompt: "a harbour",
          duration: 4,
          resolution: "720p",
          aspect_ratio: "16:9",
          generate_audio: false,
        },
        "t2v",
      );
      expect(seen[0]).toBe("generating");
      const probe = await probeVideo(file);
      expect(probe).toMatchObject({ width: 1280, height: 720, hasAudio: false });
      const out = join(dir, "t2v.rgb");
      await runFfmpeg([
        "-ss",
        "1",
        "-i",
        file,
        "-frames:v",
        "1",
        "-vf",
        "scale=16:9",
        "-f",
        "rawvideo",
        "-pix_fmt",
        "rgb24",
        out,
      ]);
      const pixels = [...(await readFile(out))];
      const mean = pixels.reduce((a, b) => a + b, 0) / pixels.length;
      const spread = Math.sqrt(pixels.reduce((a, b) => a + (b - mean) ** 2, 0) / pixels.length);
      expect(spread).toBeGreaterThan(40); // a colourful pattern, not a flat frame
      const timing = latencyFree.stats.jobs.values().next().value;
      expect(timing?.readyAt).toBeGreaterThan(timing?.completesAt ?? Infinity);
    } finally {
      sim = previous;
      await latencyFree.close();
    }
  });

  it("ends the job in error when ffmpeg cannot decode a frame", async () => {
    const broken = `data:image/png;base64,${Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(64, 7),
    ]).toString("base64")}`;
    const submitted = await http(submitUrl(sim.url), {
      headers: AUTH,
      body: {
        model: FIRST_LAST,
        prompt: "x",
        image_url: broken,
        last_image_url: navy,
        duration: 4,
        resolution: "720p",
      },
    });
    expect(submitted.status).toBe(200);
    const { last } = await waitForJob(sim, json(submitted)["id"] as string);
    expect(last).toMatchObject({ status: "error", video: null, error: { name: "GenerationError" } });
  });

  it("close() during a render returns and kills ffmpeg", async () => {
    const s = await startSimulator({ render: "ffmpeg", latency: 0 });
    const res = await http(submitUrl(s.url), {
      headers: AUTH,
      body: { model: T2V, prompt: "long", duration: 8, resolution: "1080p" },
    });
    expect(res.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(s.stats.inFlight).toBe(1);
    await s.close();
  });

  it("close() returns even with more renders queued than run at once", async () => {
    const s = await startSimulator({ render: "ffmpeg", latency: 0, renderConcurrency: 1 });
    for (let i = 0; i < 3; i++) {
      const res = await http(submitUrl(s.url), {
        headers: AUTH,
        body: { model: T2V, prompt: `queued ${i}`, duration: 8, resolution: "1080p" },
      });
      expect(res.status).toBe(200);
    }
    expect(s.stats.inFlight).toBe(3);
    await s.close();
  });
});
