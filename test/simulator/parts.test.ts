import { describe, expect, it } from "vitest";
import { describeSimulator, parseLatencySpec, startSimulator } from "../../src/simulator/index.js";
import { decodeImageDataUri } from "../../src/simulator/frames.js";
import { SlidingWindowLimiter } from "../../src/simulator/rate-limit.js";
import { hasCode } from "../../src/util/errors.js";
import { ONE_PIXEL_PNG } from "./helpers.js";

describe("decodeImageDataUri", () => {
  it("decodes PNG, JPEG, GIF and WebP payloads", () => {
    expect(decodeImageDataUri(ONE_PIXEL_PNG)).toMatchObject({ ok: true, type: "png" });
    const jpeg = `data:image/jpeg;base64,${Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]).toString("base64")}`;
    expect(decodeImageDataUri(jpeg)).toMatchObject({ ok: true, type: "jpg" });
    expect(
      decodeImageDataUri(`data:image/gif;base64,${Buffer.from("GIF89a..").toString("base64")}`),
    ).toMatchObject({
      type: "gif",
    });
    const webp = Buffer.concat([Buffer.from("RIFF"), Buffer.alloc(4), Buffer.from("WEBPVP8 ")]);
    expect(decodeImageDataUri(`data:image/webp;base64,${webp.toString("base64")}`)).toMatchObject({
      type: "webp",
    });
  });

  it("explains why other data URIs are refused", () => {
    expect(decodeImageDataUri("data:image/png;base64")).toMatchObject({ ok: false });
    expect(decodeImageDataUri("data:audio/wav;base64,AAAA")).toMatchObject({ ok: false });
    expect(decodeImageDataUri("data:image/png;base64,@@@@")).toMatchObject({ ok: false });
    expect(decodeImageDataUri("data:image/png;base64,AAAAAAAA")).toMatchObject({ ok: false });
  });
});

describe("SlidingWindowLimiter", () => {
  it("admits N per window and frees slots as they age out", () => {
    const limiter = new SlidingWindowLimiter({ requestsPerSecond: 2 });
    expect([limiter.tryAcquire(0), limiter.tryAcquire(10), limiter.tryAcquire(20)]).toEqual([
      true,
      true,
      false,
    ]);
    expect(limiter.tryAcquire(999)).toBe(false);
    expect(limiter.tryAcquire(1000)).toBe(true);
    expect(limiter.tryAcquire(1005)).toBe(false);
    expect(limiter.tryAcquire(1010)).toBe(true);
  });
});

describe("parseLatencySpec", () => {
  it("reads fixed and ranged latencies and rejects others", () => {
    expect(parseLatencySpec("3000", { unit: "ms" })).toBe(3000);
    expect(parseLatencySpec("2000-4000", { unit: "ms" })).toEqual({ minMs: 2000, maxMs: 4000 });
    expect(parseLatencySpec("2-4", { unit: "s" })).toEqual({ minMs: 2000, maxMs: 4000 });
    expect(parseLatencySpec(" 0.5 ", { unit: "s" })).toBe(500);
    for (const bad of ["fast", "4-2", "-5", "1-2-3"]) {
      let caught: unknown = null;
      try {
        parseLatencySpec(bad, { unit: "s" });
      } catch (err) {
        caught = err;
      }
      expect(hasCode(caught, "E_SIM_CONFIG"), bad).toBe(true);
    }
  });
});

describe("options and describeSimulator", () => {
  it("rejects bad options with E_SIM_CONFIG before starting", async () => {
    const err: unknown = await startSimulator({ renderConcurrency: 0 }).catch((e: unknown) => e);
    expect(hasCode(err, "E_SIM_CONFIG")).toBe(true);
    expect((err as Error).message).toContain("renderConcurrency 0");
    const latency: unknown = await startSimulator({ latency: { minMs: 5, maxMs: 1 } }).catch(
      (e: unknown) => e,
    );
    expect(hasCode(latency, "E_SIM_CONFIG")).toBe(true);
  });

  it("describes where it listens and how it behaves", async () => {
    const sim = await startSimulator({
      render: "fast",
      latency: { minMs: 100, maxMs: 200 },
      rateLimit: { requestsPerSecond: 5 },
    });
    try {
      const text = describeSimulator(sim).join("\n");
      expect(text).toContain(sim.url);
      expect(text).toContain("100–200 ms");
      expect(text).toContain("5 requests/s");
      expect(text).toContain("fast");
    } finally {
      await sim.close();
    }
  });
});
