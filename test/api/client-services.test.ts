// The client's service routes against the simulator: catalogue (ETag, no key), logs (paging, filters, its own
// 200/60 s window in the shared budget), billing.
import { afterEach, describe, expect, it } from "vitest";
import {
  ApiError,
  ConfigError,
  createCatalogueClient,
  createClient,
  createRequestBudget,
  listAllLogs,
  type AimlClient,
} from "../../src/api/index.js";
import { listModels } from "../../src/catalog/index.js";
import { startSimulator, type Simulator, type SimulatorOptions } from "../../src/simulator/index.js";
import { createFakeClock, settle, type FakeClock } from "../helpers/fake-clock.js";
import { FAKE_KEY, FAST_POLICY, rejectionOf, testClient } from "./fixtures.js";

const T2V = "google/veo-3.1-t2v-fast";
const BODY = { model: T2V, prompt: "a harbour at dawn" };

let sim: Simulator | undefined;
let clients: { close(): Promise<void> }[] = [];

async function simulator(options: SimulatorOptions = {}): Promise<Simulator> {
  sim = await startSimulator({ render: "fast", latency: 30, ...options });
  return sim;
}

function client(s: Simulator, overrides: Parameters<typeof testClient>[1] = {}): AimlClient {
  const c = testClient(s.url, overrides);
  clients.push(c);
  return c;
}

afterEach(async () => {
  await Promise.all(clients.map((c) => c.close()));
  clients = [];
  await sim?.close();
  sim = undefined;
});

describe("listModels (GET /v1/models)", () => {
  it("reads every model with its aliases and raw pricing, and sends no key", async () => {
    const s = await simulator();
    const listing = await client(s).listModels();
    expect(listing.notModified).toBe(false);
    if (listing.notModified) return;
    expect(listing.simulated).toBe(true);
    expect(listing.etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(listing.models.map((m) => m.id)).toEqual(listModels().map((m) => m.id));
    expect(listing.models.find((m) => m.id === T2V)).toMatchObject({
      aliases: ["veo-3.1-t2v-fast"],
      type: "video",
      pricing: { kind: "variants" },
    });
    expect(JSON.parse(listing.body)).toMatchObject({ object: "list" });
    const [request] = s.requests.filter((r) => r.kind === "models");
    expect(request!.query).toEqual({ include: "pricing" });
    expect(request!.headers.authorization).toBeUndefined();
    expect(JSON.stringify(request!.headers)).not.toContain(FAKE_KEY);
  });

  it("revalidates with If-None-Match: 304 → not modified; a changed list → the new body and ETag", async () => {
    const s = await simulator();
    const c = client(s);
    const first = await c.listModels();
    if (first.notModified) throw new Error("expected a body");
    await expect(c.listModels({ etag: first.etag })).resolves.toEqual({
      notModified: true,
      etag: first.etag,
    });
    s.setPriceScale(2);
    const changed = await c.listModels({ etag: first.etag });
    expect(changed.notModified).toBe(false);
    expect(changed.etag).not.toBe(first.etag);
    expect(s.stats.requests.models).toBe(3);
    expect(s.stats.responses[304]).toBe(1);
  });

  it("works without any key through createCatalogueClient, and narrows by id", async () => {
    const s = await simulator();
    const catalogue = createCatalogueClient({ baseUrl: s.url });
    clients.push(catalogue);
    const listing = await catalogue.listModels({ id: "veo-3.1-t2v-fast" });
    expect(listing.notModified ? [] : listing.models.map((m) => m.id)).toEqual([T2V]);
    expect(s.requests.at(-1)!.headers.authorization).toBeUndefined();
  });

  it("a failing catalogue is retried a few times, then a typed error (the caller falls back to its cache)", async () => {
    const s = await simulator();
    s.faults.add("models", { type: "status", status: 503 }, { times: "always" });
    const catalogue = createCatalogueClient({ baseUrl: s.url, retry: { ...FAST_POLICY, attempts: 3 } });
    clients.push(catalogue);
    expect(await rejectionOf(catalogue.listModels())).toMatchObject({
      code: "E_API_SERVER",
      status: 503,
      attempts: 3,
    });
    expect(s.stats.requests.models).toBe(3);
  });
});

describe("logs (GET /v2/logs)", () => {
  it("finds a submission by its request id: inference id = generation id, paged through every row", async () => {
    const s = await simulator();
    const c = client(s);
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await c.submit(BODY, { clientRequestId: `run1:s${i}:1` })).id);
    const first = await c.logs({ period: "1h", model: [T2V], limit: 3 });
    expect(first.pagination).toEqual({ limit: 3, offset: 0, total: 7, hasMore: true });
    expect(first.rows.map((r) => r.clientRequestId)).toEqual(["run1:s6:1", "run1:s5:1", "run1:s4:1"]);
    const before = s.stats.requests.logs;
    const all = await listAllLogs(c, { period: "1h", model: [T2V], limit: 3 });
    expect(all).toMatchObject({ pages: 3, complete: true });
    expect(s.stats.requests.logs - before).toBe(3);
    const byRequestId = new Map(all.rows.map((r) => [r.clientRequestId, r]));
    for (const [i, id] of ids.entries()) {
      expect(byRequestId.get(`run1:s${i}:1`)).toMatchObject({
        inferenceId: id,
        status: "succeeded",
        model: T2V,
      });
    }
    expect(s.stats.jobsCreated).toBe(7);
  });

  it("listAllLogs stops at maxPages and says the listing is incomplete", async () => {
    const s = await simulator();
    const c = client(s);
    for (let i = 0; i < 5; i++) await c.submit(BODY);
    const some = await listAllLogs(c, { period: "1h", limit: 2, maxPages: 2 });
    expect(some).toMatchObject({ pages: 2, complete: false });
    expect(some.rows).toHaveLength(4);
  });

  it("filters by status and window (start+end)", async () => {
    const s = await simulator();
    const c = client(s);
    s.faults.add("submit", { type: "status", status: 500 });
    // a 500 proves nothing was created: retried with the same request id, so one failed row and one accepted
    const accepted = await c.submit(BODY, { clientRequestId: "retried-once" });
    const now = Date.now();
    const window = { start: new Date(now - 60_000), end: new Date(now + 60_000) };
    const failed = await c.logs({ ...window, status: ["failed"] });
    expect(failed.rows.map((r) => [r.clientRequestId, r.status, r.cost])).toEqual([
      ["retried-once", "failed", { usd: 0, credits: 0 }],
    ]);
    const succeeded = await c.logs({ ...window, status: ["succeeded"] });
    expect(succeeded.rows.map((r) => [r.clientRequestId, r.inferenceId])).toEqual([
      ["retried-once", accepted.id],
    ]);
    expect(s.stats.jobsCreated).toBe(1);
    const older = await c.logs({ start: new Date(now - 7_200_000), end: new Date(now - 3_600_000) });
    expect(older.rows).toEqual([]);
  });

  it("refuses a query the API forbids before sending it (E_CONFIG naming the key)", async () => {
    const s = await simulator();
    const c = client(s);
    const cases: [Parameters<AimlClient["logs"]>[0], string][] = [
      [{ period: "1h", start: new Date(), end: new Date() }, "logs.period"],
      [{ start: new Date() }, "logs.end"],
      [{ start: new Date(0), end: new Date(93 * 86_400_000) }, "logs.start"],
      [{ limit: 101 }, "logs.limit"],
      [{ offset: -1 }, "logs.offset"],
      [{ status: ["pending" as "failed"] }, "logs.status"],
      [{ period: "yesterday" }, "logs.period"],
    ];
    for (const [query, key] of cases) {
      const err = await rejectionOf(c.logs(query));
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).key).toBe(key);
    }
    expect(s.stats.requests.logs).toBe(0);
  });

  it("a logs route that fails: 5xx retried, 401 not", async () => {
    const s = await simulator({ rejectKeys: { "sk-revoked": 401 } });
    const c = client(s);
    s.faults.add("logs", { type: "status", status: 503 }, { times: 2 });
    await expect(c.logs({ period: "1h" })).resolves.toMatchObject({ rows: [] });
    expect(s.stats.requests.logs).toBe(3);
    const revoked = client(s, { apiKey: "sk-revoked" });
    const err = await rejectionOf(revoked.logs({ period: "1h" }));
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: "E_API_UNAUTHORIZED", phase: "logs" });
    expect(s.stats.requests.logs).toBe(4);
  });

  it("the 201st request within 60 s waits in the shared budget instead of drawing a 429 (fake clock)", async () => {
    const clock: FakeClock = createFakeClock(Date.UTC(2026, 0, 1));
    const s = await simulator({ clock });
    const budget = createRequestBudget({ clock });
    const c = createClient({ baseUrl: s.url, apiKey: FAKE_KEY, clock, budget, retry: FAST_POLICY });
    clients.push(c);
    for (let i = 0; i < 200; i++) await c.logs({ period: "1h", limit: 1 });
    let done = false;
    const last = c.logs({ period: "1h", limit: 1 }).then(() => (done = true));
    // meanwhile the generations' routes are not held back
    await c.submit(BODY);
    for (let i = 0; i < 5; i++) await settle();
    expect(done).toBe(false);
    expect(s.stats.requests.logs).toBe(200);
    expect(budget.snapshot().waiting.logs).toBe(1);
    await clock.advance(61_000);
    await last;
    expect(done).toBe(true);
    expect(s.stats.requests.logs).toBe(201);
    expect(s.stats.rateLimited).toBe(0);
    expect(s.stats.requests.submit).toBe(1);
  });

  it("a 429 from the logs route holds back only logs requests until its Retry-After", async () => {
    const s = await simulator();
    const budget = createRequestBudget({ defaultPauseMs: 10 });
    const c = client(s, { budget, retry: { ...FAST_POLICY, retryAfterCapMs: 60_000 } });
    s.faults.add("logs", { type: "status", status: 429, retryAfter: 6 });
    const listing = c.logs({ period: "1h" });
    for (let i = 0; i < 100 && budget.snapshot().throttled === 0; i++)
      await new Promise((r) => setTimeout(r, 5));
    expect(budget.snapshot().logsPausedUntil).toBeGreaterThan(performance.now() + 4000);
    const t0 = performance.now();
    await c.submit(BODY); // not paused: done long before the logs pause ends, even on a loaded machine
    expect(performance.now() - t0).toBeLessThan(4000);
    await listing;
    const [refused, retried] = s.requests.filter((r) => r.kind === "logs");
    expect(refused!.status).toBe(429);
    expect(retried!.at - refused!.at).toBeGreaterThanOrEqual(5900);
  });
});

describe("billing (GET /v2/billing)", () => {
  it("reads the balance, which completed generations reduce", async () => {
    const s = await simulator({ balanceUsd: 10 });
    const c = client(s);
    await expect(c.billing()).resolves.toEqual({ currentBalance: 10, currency: "USD" });
    const submitted = await c.submit(BODY);
    let done = await c.poll(submitted.id);
    for (let i = 0; i < 200 && done.status !== "completed"; i++) {
      await new Promise((r) => setTimeout(r, 20));
      done = await c.poll(submitted.id);
    }
    expect(done.creditsUsed).toBeGreaterThan(0);
    const after = await c.billing();
    expect(after.currentBalance).toBeCloseTo(10 - done.creditsUsed! / 2_000_000, 6);
    expect(s.stats.requests.billing).toBe(2);
    expect(s.stats.jobsCreated).toBe(1);
  });

  it("an unusable balance answer is retried, then E_API_MALFORMED", async () => {
    const s = await simulator();
    s.faults.add("billing", { type: "malformed" }, { times: "always" });
    const c = client(s, { retry: { ...FAST_POLICY, attempts: 2 } });
    expect(await rejectionOf(c.billing())).toMatchObject({
      code: "E_API_MALFORMED",
      phase: "billing",
      attempts: 2,
    });
  });
});
