import { afterEach, describe, expect, it } from "vitest";
import { startSimulator } from "../../src/simulator/index.js";
import type { Simulator } from "../../src/simulator/index.js";
import { AUTH, KEY, ManualClock, http, pollUrl, submitT2v } from "./helpers.js";

describe("stats and recording", () => {
  let sim: Simulator | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it("tracks generations in flight and the maximum ever in flight", async () => {
    const clock = new ManualClock();
    sim = await startSimulator({ render: "fast", latency: 100, clock });
    await Promise.all([submitT2v(sim.url), submitT2v(sim.url), submitT2v(sim.url)]);
    expect(sim.stats.inFlight).toBe(3);
    clock.advance(50);
    await submitT2v(sim.url);
    expect(sim.stats.maxInFlight).toBe(4);
    clock.advance(50);
    expect(sim.stats.inFlight).toBe(1);
    await submitT2v(sim.url);
    await submitT2v(sim.url);
    expect(sim.stats.inFlight).toBe(3);
    expect(sim.stats.maxInFlight).toBe(4);
    clock.advance(100);
    expect(sim.stats.inFlight).toBe(0);
    expect(sim.stats.jobsCreated).toBe(6);
    expect(sim.stats.requests.submit).toBe(6);
    expect(sim.stats.responses[200]).toBe(6);
  });

  it("records method, path, query, raw headers and body size", async () => {
    sim = await startSimulator({ render: "fast", latency: 100 });
    const id = await submitT2v(sim.url);
    await http(pollUrl(sim.url, id), { headers: AUTH });
    const [submit, poll] = sim.requests;
    expect(submit).toMatchObject({
      origin: "api",
      kind: "submit",
      method: "POST",
      path: "/v2/video/generations",
      status: 200,
    });
    expect(submit?.bodyBytes).toBeGreaterThan(20);
    expect(submit?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(poll).toMatchObject({ kind: "poll", method: "GET", query: { generation_id: id }, bodyBytes: 0 });
    expect(sim.stats.totalRequests).toBe(2);
  });

  it("keeps only the last `recordRequests` requests, or none", async () => {
    sim = await startSimulator({ render: "fast", latency: 100, recordRequests: 3 });
    for (let i = 0; i < 8; i += 1) await http(pollUrl(sim.url, `id-${i}`), { headers: AUTH });
    expect(sim.requests.map((r) => r.query["generation_id"])).toEqual(["id-5", "id-6", "id-7"]);
    expect(sim.stats.totalRequests).toBe(8);
    await sim.close();
    sim = await startSimulator({ render: "fast", latency: 100, recordRequests: 0 });
    await http(pollUrl(sim.url, "x"), { headers: AUTH });
    expect(sim.requests).toHaveLength(0);
  });
});
