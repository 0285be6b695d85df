import { afterEach, describe, expect, it } from "vitest";
import { startSimulator } from "../../src/simulator/index.js";
import type { Simulator } from "../../src/simulator/index.js";
import { AUTH, ManualClock, http, json, pollUrl, submitUrl, T2V } from "./helpers.js";

describe("rate limit", () => {
  let sim: Simulator | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it("refuses requests beyond N per sliding second over submits and polls with 429 Retry-After: 1", async () => {
    const clock = new ManualClock();
    sim = await startSimulator({ render: "fast", latency: 100, clock, rateLimit: { requestsPerSecond: 3 } });
    const submit = () => http(submitUrl(sim!.url), { headers: AUTH, body: { model: T2V, prompt: "x" } });
    const first = await submit();
    const id = json(first)["id"] as string;
    clock.advance(400);
    expect((await http(pollUrl(sim.url, id), { headers: AUTH })).status).toBe(200);
    expect((await submit()).status).toBe(200);

    const limited = await http(pollUrl(sim.url, id), { headers: AUTH });
    expect(limited.status).toBe(429);
    expect(limited.headers["retry-after"]).toBe("1");
    expect(json(limited)).toMatchObject({ statusCode: 429, path: "/v2/video/generations" });
    expect(Object.keys(json(limited)).sort()).toEqual([
      "message",
      "path",
      "requestId",
      "statusCode",
      "timestamp",
    ]);

    // The window slides: the first request leaves it 1 s after it came.
    clock.advance(600);
    expect((await submit()).status).toBe(200);
    expect((await submit()).status).toBe(429);
    expect(sim.stats.rateLimited).toBe(2);
    expect(sim.stats.jobsCreated).toBe(3);
  });

  it("does not count downloads", async () => {
    const clock = new ManualClock();
    sim = await startSimulator({ render: "fast", latency: 0, clock, rateLimit: { requestsPerSecond: 1 } });
    const res = await http(submitUrl(sim.url), { headers: AUTH, body: { model: T2V, prompt: "x" } });
    const fileKey = (json(res)["id"] as string).split(":")[0] ?? "";
    for (let i = 0; i < 3; i += 1) expect((await http(`${sim.url}/files/${fileKey}.mp4`)).status).toBe(200);
    expect(sim.stats.rateLimited).toBe(0);
  });
});
