import { afterEach, describe, expect, it } from "vitest";
import { isMp4 } from "../../src/media/index.js";
import { startSimulator } from "../../src/simulator/index.js";
import type { Simulator } from "../../src/simulator/index.js";
import { AUTH, ManualClock, http, json, pollUrl, submitT2v, submitUrl, T2V } from "./helpers.js";

describe("job lifecycle", () => {
  let sim: Simulator | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it("goes queued → generating → completed as the clock passes the drawn latency", async () => {
    const clock = new ManualClock();
    sim = await startSimulator({ render: "fast", latency: 200, queuedFraction: 0.25, clock });
    const submitted = await http(submitUrl(sim.url), { headers: AUTH, body: { model: T2V, prompt: "dawn" } });
    expect(submitted.status).toBe(200);
    const { id, status } = json(submitted) as { id: string; status: string };
    expect(status).toBe("queued");
    expect(id).toMatch(/^[0-9a-f-]{36}:google\/veo-3\.1-t2v-fast$/);

    const poll = async (): Promise<Record<string, unknown>> =>
      json(await http(pollUrl(sim!.url, id), { headers: AUTH }));
    expect(await poll()).toMatchObject({ id, status: "queued", video: null, error: null });
    clock.advance(60);
    expect((await poll())["status"]).toBe("generating");
    clock.advance(139);
    expect((await poll())["status"]).toBe("generating");
    clock.advance(1);
    const done = await poll();
    expect(done).toMatchObject({ id, status: "completed", error: null });
    const credits = (done["meta"] as { usage: { credits_used: number } }).usage.credits_used;
    expect(credits).toBeGreaterThan(0);

    const url = (done["video"] as { url: string }).url;
    expect(url).toMatch(new RegExp(`^${sim.url}/files/[0-9a-f-]{36}\\.mp4$`));
    const clip = await http(url);
    expect(clip.status).toBe(200);
    expect(Number(clip.headers["content-length"])).toBe(clip.body.length);
    expect(isMp4(clip.body)).toBe(true);
    const head = await http(url, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers["content-length"]).toBe(String(clip.body.length));
    expect(head.body.length).toBe(0);

    const timing = sim.stats.jobs.get(id);
    expect(timing).toMatchObject({
      submittedAt: 0,
      completesAt: 200,
      readyAt: 200,
      firstCompletedPollAt: 200,
    });
  });

  it("reports waiting/active on the per-vendor route, for the same body and query", async () => {
    const clock = new ManualClock();
    sim = await startSimulator({ render: "fast", latency: 100, queuedFraction: 0.5, clock });
    const route = "/v2/generate/video/google/generation";
    const submitted = await http(`${sim.url}${route}`, {
      headers: AUTH,
      body: { model: T2V, prompt: "noon" },
    });
    const { id, status } = json(submitted) as { id: string; status: string };
    expect(status).toBe("waiting");
    const poll = async (): Promise<unknown> =>
      json(await http(pollUrl(sim!.url, id, route), { headers: AUTH }))["status"];
    expect(await poll()).toBe("waiting");
    clock.advance(50);
    expect(await poll()).toBe("active");
    // The universal route spells the same state its own way.
    expect(json(await http(pollUrl(sim.url, id), { headers: AUTH }))["status"]).toBe("generating");
    clock.advance(50);
    expect(await poll()).toBe("completed");
  });

  it("answers 404 in the API's shape for an unknown id, and 400 without generation_id", async () => {
    sim = await startSimulator({ render: "fast", latency: 10 });
    const missing = await http(pollUrl(sim.url, "no-such-id"), { headers: AUTH });
    expect(missing.status).toBe(404);
    expect(Object.keys(json(missing)).sort()).toEqual([
      "message",
      "path",
      "requestId",
      "statusCode",
      "timestamp",
    ]);
    const noId = await http(`${sim.url}/v2/video/generations`, { headers: AUTH });
    expect(noId.status).toBe(400);
    const elsewhere = await http(`${sim.url}/v1/nothing`, { headers: AUTH });
    expect(elsewhere.status).toBe(404);
    expect(sim.stats.requests.other).toBe(1);
  });

  it("does not serve a clip before its job completes", async () => {
    const clock = new ManualClock();
    sim = await startSimulator({ render: "fast", latency: 100, clock });
    const id = await submitT2v(sim.url);
    const fileKey = id.split(":")[0] ?? "";
    expect((await http(`${sim.url}/files/${fileKey}.mp4`)).status).toBe(404);
    clock.advance(100);
    expect((await http(`${sim.url}/files/${fileKey}.mp4`)).status).toBe(200);
  });

  it("draws the same latencies from the same seed, within the configured range", async () => {
    const draws = async (): Promise<number[]> => {
      const clock = new ManualClock();
      const s = await startSimulator({
        render: "fast",
        latency: { minMs: 100, maxMs: 300 },
        seed: 42,
        clock,
      });
      try {
        const ids = [await submitT2v(s.url), await submitT2v(s.url), await submitT2v(s.url)];
        return ids.map((id) => s.stats.jobs.get(id)?.completesAt ?? Number.NaN);
      } finally {
        await s.close();
      }
    };
    const first = await draws();
    expect(await draws()).toEqual(first);
    for (const at of first) {
      expect(at).toBeGreaterThanOrEqual(100);
      expect(at).toBeLessThanOrEqual(300);
    }
    expect(new Set(first).size).toBe(3);
  });
});
