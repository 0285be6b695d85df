// The simulator's catalogue (/v1/models), request log (/v2/logs), balance (/v2/billing) and tracing headers, over real HTTP.
import { afterEach, describe, expect, it } from "vitest";
import { listModels } from "../../src/catalog/index.js";
import { startSimulator } from "../../src/simulator/index.js";
import type { Simulator, SimulatorOptions } from "../../src/simulator/index.js";
import { AUTH, ManualClock, http, json, pollUrl, submitUrl, T2V } from "./helpers.js";

const START = Date.UTC(2026, 0, 1);
const I2V_FAST = "google/veo-3.0-i2v-fast";

describe("simulator service routes", () => {
  let sim: Simulator | undefined;
  let clock: ManualClock;
  const start = async (opts: SimulatorOptions = {}): Promise<Simulator> => {
    clock = new ManualClock();
    sim = await startSimulator({ render: "fast", latency: 100, clock, ...opts });
    return sim;
  };
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });
  const models = (s: Simulator, query = "?include=pricing", headers: Record<string, string> = {}) =>
    http(`${s.url}/v1/models${query}`, { headers });
  const logs = (s: Simulator, query = "") => http(`${s.url}/v2/logs${query}`, { headers: AUTH });
  const submit = (s: Simulator, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    http(submitUrl(s.url), { headers: { ...AUTH, ...headers }, body: { model: T2V, prompt: "x", ...extra } });

  describe("GET /v1/models", () => {
    it("lists every catalog model without a key, with a simulated price list when asked, marked as simulated", async () => {
      const s = await start();
      const res = await models(s);
      expect(res.status).toBe(200);
      const body = json(res) as {
        object: string;
        storyreel_simulator: boolean;
        data: Record<string, unknown>[];
      };
      expect(body.storyreel_simulator).toBe(true);
      expect(body.data.map((m) => m["id"])).toEqual(listModels().map((m) => m.id));
      const t2v = body.data.find((m) => m["id"] === T2V)!;
      expect(t2v["aliases"]).toEqual(["veo-3.1-t2v-fast"]);
      expect(t2v["pricing"]).toMatchObject({
        kind: "variants",
        currency: "USD",
        dimensions: ["resolution", "generate_audio"],
      });
      const variants = (
        t2v["pricing"] as {
          variants: { when: Record<string, unknown>; price: number; unit: string; per: number }[];
        }
      ).variants;
      const at = (resolution: string, audio: boolean) =>
        variants.find((v) => v.when["resolution"] === resolution && v.when["generate_audio"] === audio)!;
      expect(at("720p", false)).toMatchObject({ unit: "second", per: 1 });
      // plausible: 1080p costs more than 720p, audio more than silence, every price in cents
      expect(at("1080p", false).price).toBeGreaterThan(at("720p", false).price);
      expect(at("720p", true).price).toBeGreaterThan(at("720p", false).price);
      for (const v of variants) expect(Math.round(v.price * 100) / 100).toBe(v.price);
      const plain = json(await models(s, "")) as { data: Record<string, unknown>[] };
      expect(plain.data[0]).not.toHaveProperty("pricing");
      expect(s.stats.requests.models).toBe(2);
      expect(s.stats.jobsCreated).toBe(0);
    });

    it("answers 304 with an empty body to If-None-Match of the current ETag, and a new ETag once prices change", async () => {
      const s = await start();
      const first = await models(s);
      const etag = first.headers.etag!;
      expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
      const again = await models(s, "?include=pricing", { "if-none-match": etag });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
      expect(again.headers.etag).toBe(etag);
      // the ETag covers the whole answer: without pricing it is another answer
      expect((await models(s, "", { "if-none-match": etag })).status).toBe(200);
      s.setPriceScale(1.1);
      const changed = await models(s, "?include=pricing", { "if-none-match": etag });
      expect(changed.status).toBe(200);
      expect(changed.headers.etag).not.toBe(etag);
      expect(s.stats.requests.models).toBe(4);
    });

    it("narrows to one model by id or by alias", async () => {
      const s = await start();
      for (const id of [T2V, "veo-3.1-t2v-fast"]) {
        const body = json(await models(s, `?include=pricing&id=${encodeURIComponent(id)}`)) as {
          data: { id: string }[];
        };
        expect(body.data.map((m) => m.id)).toEqual([T2V]);
      }
    });

    it("bills a job exactly its listed price: 720p/1080p per second × seconds", async () => {
      const s = await start();
      const body = json(await models(s, `?include=pricing&id=${I2V_FAST}`)) as {
        data: { pricing: { variants: { when: Record<string, unknown>; price: number }[] } }[];
      };
      const price = (resolution: string) =>
        body.data[0]!.pricing.variants.find(
          (v) => v.when["resolution"] === resolution && v.when["generate_audio"] === false,
        )!.price;
      const job = await submitAndComplete(s, {
        model: I2V_FAST,
        duration: 6,
        resolution: "1080P",
        generate_audio: false,
        image_url: PIXEL,
      });
      expect(job.credits).toBe(Math.round(price("1080P") * 6 * 2_000_000));
      expect(s.stats.jobsCreated).toBe(1);
    });
  });

  describe("tracing headers", () => {
    it("echoes a valid X-Client-Request-Id, drops an invalid one, and names the generation in x-inference-id", async () => {
      const s = await start();
      const ok = await submit(s, {}, { "x-client-request-id": "run-1:shot-a.b_c:1" });
      expect(ok.status).toBe(200);
      expect(ok.headers["x-client-request-id"]).toBe("run-1:shot-a.b_c:1");
      expect(ok.headers["x-inference-id"]).toBe(json(ok)["id"]);
      expect(ok.headers["x-aimlapi-credits-used"]).toBe("0");
      const bad = await submit(s, {}, { "x-client-request-id": "has space" });
      expect(bad.status).toBe(200); // the request still runs (and is billed)
      expect(bad.headers["x-client-request-id"]).toBeUndefined();
      expect(s.stats.jobsCreated).toBe(2);
    });

    it("a completed poll's answer carries what the generation cost", async () => {
      const s = await start();
      const { id, credits } = await submitAndComplete(s);
      const res = await http(pollUrl(s.url, id), { headers: AUTH });
      expect(res.headers["x-inference-id"]).toBe(id);
      expect(Number(res.headers["x-aimlapi-credits-used"])).toBe(credits);
      expect(Number(res.headers["x-aimlapi-usd-spent"])).toBe(credits / 2_000_000);
    });

    it("drop-after-headers: the job is created, the head (with x-inference-id) arrives, the body breaks off", async () => {
      const s = await start();
      s.faults.add("submit", { type: "drop-after-headers" });
      const res = await submit(s);
      expect(res.status).toBe(200);
      expect(res.error).not.toBeNull();
      expect(res.body.length).toBeLessThan(Number(res.headers["content-length"]));
      expect(s.stats.jobsCreated).toBe(1);
      expect(res.headers["x-inference-id"]).toBe([...s.stats.jobs.keys()][0]);
    });
  });

  describe("GET /v2/logs", () => {
    it("has a row per submission with its request id, inference id, status and cost (booked once completed)", async () => {
      const s = await start();
      const accepted = await submit(s, {}, { "x-client-request-id": "req-ok" });
      const id = json(accepted)["id"] as string;
      const refused = await submit(s, { duration: 99 }, { "x-client-request-id": "req-bad" });
      expect(refused.status).toBe(400);
      const before = json(await logs(s)) as { data: Record<string, unknown>[]; pagination: unknown };
      expect(before.pagination).toEqual({ limit: 50, offset: 0, total: 2, has_more: false });
      const [bad, ok] = before.data; // newest first
      expect(ok).toMatchObject({
        status: "succeeded",
        model: T2V,
        inference_id: id,
        client_request_id: "req-ok",
        cost: { usd: 0, credits: 0 },
        created: new Date(START).toISOString(),
      });
      expect(bad).toMatchObject({
        status: "failed",
        client_request_id: "req-bad",
        cost: { usd: 0, credits: 0 },
      });
      expect(bad!["inference_id"]).not.toBe(id);
      clock.advance(100);
      const polled = json(await http(pollUrl(s.url, id), { headers: AUTH }));
      const credits = (polled["meta"] as { usage: { credits_used: number } }).usage.credits_used;
      expect(credits).toBeGreaterThan(0);
      const after = json(await logs(s, "?status=succeeded")) as { data: Record<string, unknown>[] };
      expect(after.data).toHaveLength(1);
      expect(after.data[0]!["cost"]).toEqual({ usd: credits / 2_000_000, credits });
      expect(s.stats.jobsCreated).toBe(1);
    });

    it("a generation that ends in error is a failed row, never charged", async () => {
      const s = await start();
      s.faults.add("submit", { type: "job-error" });
      const id = json(await submit(s))["id"] as string;
      clock.advance(100);
      const body = json(await logs(s)) as { data: Record<string, unknown>[] };
      expect(body.data[0]).toMatchObject({ inference_id: id, status: "failed", cost: { credits: 0 } });
    });

    it("shows a row only logsDelayMs after its request, on the simulator's clock; a lag fault hides recent rows once", async () => {
      const s = await start({ logsDelayMs: 5000 });
      await submit(s);
      expect((json(await logs(s)) as { data: unknown[] }).data).toHaveLength(0);
      clock.advance(4999);
      expect((json(await logs(s)) as { data: unknown[] }).data).toHaveLength(0);
      clock.advance(1);
      expect((json(await logs(s)) as { data: unknown[] }).data).toHaveLength(1);
      s.faults.add("logs", { type: "lag", ms: 60_000 });
      expect((json(await logs(s)) as { data: unknown[] }).data).toHaveLength(0);
      expect((json(await logs(s)) as { data: unknown[] }).data).toHaveLength(1);
      expect(s.stats.requests.logs).toBe(5);
    });

    it("pages newest first with limit/offset/total/has_more, and filters by repeated model and status", async () => {
      const s = await start();
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        ids.push(json(await submit(s, {}, { "x-client-request-id": `r${i}` }))["id"] as string);
        clock.advance(10);
      }
      await submit(s, { model: "no/such-model" });
      const page = async (q: string): Promise<Page> => json(await logs(s, q)) as Page;
      const p1 = await page("?limit=2&model=" + encodeURIComponent(T2V));
      expect(p1.data.map((r) => r["client_request_id"])).toEqual(["r4", "r3"]);
      expect(p1.pagination).toEqual({ limit: 2, offset: 0, total: 5, has_more: true });
      const p3 = await page("?limit=2&offset=4&model=" + encodeURIComponent(T2V));
      expect(p3.data.map((r) => r["inference_id"])).toEqual([ids[0]]);
      expect(p3.pagination.has_more).toBe(false);
      const both = await page(`?model=${encodeURIComponent(T2V)}&model=no%2Fsuch-model`);
      expect(both.pagination.total).toBe(6);
      const commas = await page(`?model=${encodeURIComponent(`${T2V},no/such-model`)}`);
      expect(commas.pagination.total).toBe(0); // commas do not split
      const failed = await page("?status=failed");
      expect(failed.data.map((r) => r["model"])).toEqual(["no/such-model"]);
      expect((await page("?status=failed&status=succeeded")).pagination.total).toBe(6);
    });

    it("filters by window (period or start+end) and refuses what the reference forbids with 400", async () => {
      const s = await start();
      await submit(s);
      const at = new Date(START).toISOString();
      const later = new Date(START + 3_600_000).toISOString();
      expect((json(await logs(s, `?start=${at}&end=${later}`)) as Page).pagination.total).toBe(1);
      const before = new Date(START - 3_600_000).toISOString();
      expect(
        (json(await logs(s, `?start=${before}&end=${new Date(START - 1).toISOString()}`)) as Page).pagination
          .total,
      ).toBe(0);
      expect((json(await logs(s, "?period=1h")) as Page).pagination.total).toBe(1);
      for (const bad of [
        `?period=1h&start=${at}&end=${later}`,
        `?start=${at}`,
        `?start=${before}&end=${new Date(START + 93 * 86_400_000).toISOString()}`,
        "?limit=0",
        "?limit=101",
        "?offset=-1",
        "?status=pending",
      ]) {
        const res = await logs(s, bad);
        expect(res.status, bad).toBe(400);
        expect(json(res)).toMatchObject({ message: "Query validation error!" });
      }
    });

    it("allows 200 requests per 60 s, then 429 with Retry-After until the window frees", async () => {
      const s = await start();
      for (let i = 0; i < 200; i++) expect((await logs(s, "?limit=1")).status).toBe(200);
      const refused = await logs(s, "?limit=1");
      expect(refused.status).toBe(429);
      expect(refused.headers["retry-after"]).toBe("60");
      clock.advance(59_999);
      expect((await logs(s)).status).toBe(429);
      clock.advance(1);
      expect((await logs(s)).status).toBe(200);
      expect(s.stats.requests.logs).toBe(203);
      // the generations' own routes are not held back by the logs limit
      expect((await submit(s)).status).toBe(200);
    });

    it("needs the key, and fails as scripted (status, malformed)", async () => {
      const s = await start();
      expect((await http(`${s.url}/v2/logs`)).status).toBe(401);
      s.faults.add("logs", { type: "status", status: 503 }, { times: 1 });
      s.faults.add("logs", { type: "malformed" });
      expect((await logs(s)).status).toBe(503);
      const broken = await logs(s);
      expect(broken.status).toBe(200);
      expect(() => JSON.parse(broken.body.toString()) as unknown).toThrow();
      expect((await logs(s)).status).toBe(200);
    });
  });

  describe("GET /v2/billing", () => {
    it("starts at balanceUsd and loses each generation's cost once it has completed", async () => {
      const s = await start({ balanceUsd: 25 });
      const balance = async () => json(await http(`${s.url}/v2/billing`, { headers: AUTH }));
      expect(await balance()).toEqual({ current_balance: 25, currency: "USD" });
      const { credits } = await submitAndComplete(s);
      const second = json(await submit(s))["id"] as string;
      // the second generation is still running: not charged yet
      expect((await balance())["current_balance"]).toBeCloseTo(25 - credits / 2_000_000, 6);
      clock.advance(100);
      await http(pollUrl(s.url, second), { headers: AUTH });
      expect((await balance())["current_balance"]).toBeCloseTo(25 - (2 * credits) / 2_000_000, 6);
      expect((await http(`${s.url}/v2/billing`)).status).toBe(401);
      expect(s.stats.requests.billing).toBe(4);
    });
  });

  async function submitAndComplete(
    s: Simulator,
    body: Record<string, unknown> = { model: T2V, prompt: "x" },
  ): Promise<{ id: string; credits: number }> {
    const res = await http(submitUrl(s.url), { headers: AUTH, body: { prompt: "x", ...body } });
    expect(res.status, res.body.toString()).toBe(200);
    const id = json(res)["id"] as string;
    clock.advance(100);
    const polled = json(await http(pollUrl(s.url, id), { headers: AUTH }));
    expect(polled["status"]).toBe("completed");
    return { id, credits: (polled["meta"] as { usage: { credits_used: number } }).usage.credits_used };
  }
});

type Page = { data: Record<string, unknown>[]; pagination: { total: number; has_more: boolean } };

const PIXEL =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
