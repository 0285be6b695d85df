import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator } from "../../src/simulator/index.js";
import type { Simulator } from "../../src/simulator/index.js";
import { AUTH, FIRST_LAST, KEY, ONE_PIXEL_PNG, http, json, submitUrl, T2V } from "./helpers.js";

const API_ERROR_KEYS = ["message", "path", "requestId", "statusCode", "timestamp"];

describe("body validation and auth", () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({
      render: "fast",
      latency: 50,
      rejectKeys: { "revoked-key": 401, "broke-key": 403 },
    });
  });
  afterAll(() => sim.close());

  const submit = (body: unknown, headers: Record<string, string> = AUTH) =>
    http(submitUrl(sim.url), { headers, body });

  it("rejects duration 5 on veo-3.1-first-last and a missing last frame with 400 Body validation error!", async () => {
    const res = await submit({ model: FIRST_LAST, prompt: "x", image_url: ONE_PIXEL_PNG, duration: 5 });
    expect(res.status).toBe(400);
    const body = json(res);
    expect(Object.keys(body).sort()).toEqual([...API_ERROR_KEYS, "details"].sort());
    expect(body).toMatchObject({
      message: "Body validation error!",
      statusCode: 400,
      path: "/v2/video/generations",
    });
    const details = body["details"] as string[];
    expect(details.some((d) => d.startsWith("duration:") && d.includes("4, 6, 8"))).toBe(true);
    expect(details.some((d) => d.startsWith("last_image_url:"))).toBe(true);
    expect(sim.stats.jobsCreated).toBe(0);
  });

  it("rejects a missing image_url, an unknown model, a non-object and a non-JSON body", async () => {
    const noImage = await submit({ model: "google/veo-3.1-i2v-fast", prompt: "x" });
    expect(noImage.status).toBe(400);
    expect((json(noImage)["details"] as string[]).some((d) => d.startsWith("image_url:"))).toBe(true);

    const unknown = await submit({ model: "acme/nope", prompt: "x" });
    expect(unknown.status).toBe(400);
    expect(json(unknown)["details"]).toEqual(['model: unknown model "acme/nope"']);

    expect((await submit([1, 2])).status).toBe(400);
    const notJson = await http(submitUrl(sim.url), { headers: AUTH, body: "{not json" });
    expect(notJson.status).toBe(400);
    expect(json(notJson)["message"]).toBe("Body validation error!");
  });

  it("rejects frame data URIs that are not decodable images", async () => {
    const cases = [
      "data:image/png;base64,SGVsbG8gd29ybGQ=", // "Hello world"
      "data:text/plain;base64,SGVsbG8=",
      "data:image/png;base64,!!!not-base64!!!",
      "data:image/png,rawbytes",
    ];
    for (const uri of cases) {
      const res = await submit({
        model: FIRST_LAST,
        prompt: "x",
        image_url: uri,
        last_image_url: ONE_PIXEL_PNG,
      });
      expect(res.status, uri).toBe(400);
      expect(
        (json(res)["details"] as string[]).some((d) => d.startsWith("image_url:")),
        uri,
      ).toBe(true);
    }
    const ok = await submit({
      model: FIRST_LAST,
      prompt: "x",
      image_url: ONE_PIXEL_PNG,
      last_image_url: ONE_PIXEL_PNG,
    });
    expect(ok.status).toBe(200);
  });

  it("accepts http(s) frame URLs without fetching them", async () => {
    const res = await submit({
      model: FIRST_LAST,
      prompt: "x",
      image_url: "https://example.com/a.png",
      last_image_url: "https://example.com/b.png",
    });
    expect(res.status).toBe(200);
  });

  it("answers 401 in the API's shape without a key, with an empty key, or with a non-Bearer scheme", async () => {
    const variants: Record<string, string>[] = [
      {},
      { authorization: "Bearer " },
      { authorization: `Basic ${KEY}` },
    ];
    for (const headers of variants) {
      const res = await submit({ model: T2V, prompt: "x" }, headers);
      expect(res.status).toBe(401);
      expect(Object.keys(json(res)).sort()).toEqual(API_ERROR_KEYS);
      expect(json(res)["statusCode"]).toBe(401);
    }
    const poll = await http(`${sim.url}/v2/video/generations?generation_id=x`);
    expect(poll.status).toBe(401);
  });

  it("refuses configured keys with 401 or 403 and never echoes a key", async () => {
    const revoked = await submit({ model: T2V, prompt: "x" }, { authorization: "Bearer revoked-key" });
    const broke = await submit({ model: T2V, prompt: "x" }, { authorization: "Bearer broke-key" });
    expect(revoked.status).toBe(401);
    expect(broke.status).toBe(403);
    expect(revoked.body.toString()).not.toContain("revoked-key");
    expect(broke.body.toString()).not.toContain("broke-key");
  });
});

describe("apiKey option", () => {
  it("accepts only the configured key", async () => {
    const sim = await startSimulator({ render: "fast", latency: 50, apiKey: KEY });
    try {
      const body = { model: T2V, prompt: "x" };
      expect((await http(submitUrl(sim.url), { headers: AUTH, body })).status).toBe(200);
      const wrong = await http(submitUrl(sim.url), { headers: { authorization: "Bearer other" }, body });
      expect(wrong.status).toBe(401);
    } finally {
      await sim.close();
    }
  });
});
