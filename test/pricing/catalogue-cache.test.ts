// The catalogue cache over real HTTP (the simulator counts the catalogue requests), its age rule on a fake clock.
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  cacheFileFor,
  describeLoaded,
  loadPriceCatalogue,
  quote,
  resolveCacheDir,
  type LoadCatalogueOptions,
} from "../../src/pricing/index.js";
import { startSimulator, type Simulator } from "../../src/simulator/index.js";
import { createFakeClock, type FakeClock } from "../helpers/fake-clock.js";

const HOUR = 3_600_000;
const T2V = "google/veo-3.1-t2v-fast";

let cacheDir: string;
let sim: Simulator | undefined;
let clock: FakeClock;

beforeEach(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), "storyreel-cache-"));
  sim = await startSimulator({ render: "fast" });
  clock = createFakeClock(Date.UTC(2026, 11, 3, 8, 40));
});

afterEach(async () => {
  await sim?.close();
  sim = undefined;
  await rm(cacheDir, { recursive: true, force: true });
});

function load(overrides: Partial<LoadCatalogueOptions> = {}) {
  return loadPriceCatalogue({ baseUrl: sim!.url, cacheDir, clock, cacheLoopback: true, ...overrides });
}

const catalogueRequests = (): number => sim!.stats.requests.models;

describe("catalogue cache", () => {
  it("downloads once, then answers from the cache for 6 h, then revalidates with If-None-Match (304)", async () => {
    const first = await load();
    expect(first).toMatchObject({ state: "downloaded", requests: 1, problem: null });
    expect(first.catalogue?.checkedAt).toBe("2026-12-03T08:40:00.000Z");
    expect(catalogueRequests()).toBe(1);

    await clock.advance(6 * HOUR - 1);
    const young = await load();
    expect(young).toMatchObject({ state: "cached", requests: 0 });
    expect(catalogueRequests()).toBe(1);

    await clock.advance(1);
    const old = await load();
    expect(old).toMatchObject({ state: "revalidated", requests: 1 });
    expect(catalogueRequests()).toBe(2);
    expect(sim!.stats.responses[304]).toBe(1);
    const [revalidation] = sim!.requests.filter((r) => r.kind === "models").slice(-1);
    expect(revalidation!.headers["if-none-match"]).toMatch(/^"[0-9a-f]{32}"$/);
    // the 304 renewed the date: another 6 h without asking
    expect(old.catalogue?.checkedAt).toBe("2026-12-03T14:40:00.000Z");
    await clock.advance(HOUR);
    expect(await load()).toMatchObject({ state: "cached", requests: 0 });
    expect(catalogueRequests()).toBe(2);
  });

  it("a changed list is downloaded again (new ETag) and priced at the new prices", async () => {
    const before = await load();
    const price = (c: typeof before) =>
      quote(c.catalogue!, { model: T2V, fields: {}, durationSeconds: 4, resolution: "720p", audio: false });
    sim!.setPriceScale(2);
    await clock.advance(7 * HOUR);
    const after = await load();
    expect(after.state).toBe("downloaded");
    const [a, b] = [price(before), price(after)];
    expect(a.known && b.known && b.usd / a.usd).toBeCloseTo(2, 1);
    expect(catalogueRequests()).toBe(2);
    expect(sim!.stats.responses[304] ?? 0).toBe(0);
  });

  it("--refresh-prices revalidates a young copy", async () => {
    await load();
    expect(await load({ refresh: true })).toMatchObject({ state: "revalidated", requests: 1 });
    expect(catalogueRequests()).toBe(2);
  });

  it("offline: the cached copy with its date and the reason; without one: none", async () => {
    await load();
    const url = sim!.url;
    await sim!.close();
    sim = undefined;
    await clock.advance(8 * HOUR);
    const offline = await loadPriceCatalogue({ baseUrl: url, cacheDir, clock, cacheLoopback: true });
    expect(offline.state).toBe("stale");
    expect(offline.catalogue?.checkedAt).toBe("2026-12-03T08:40:00.000Z");
    expect(offline.problem).toMatch(/cannot connect/);
    expect(describeLoaded(offline, { maxAgeHours: 6 })).toMatch(
      /^prices: the simulator's price list \(made up, not AIML's\), cached copy: the catalogue could not be read now \(.*cannot connect/,
    );
    const empty = await loadPriceCatalogue({ baseUrl: url, cacheDir: null, clock });
    expect(empty).toMatchObject({ state: "none", catalogue: null, requests: 1 });
    expect(empty.problem).toMatch(/cannot connect/);
  });

  it("an error answer (503) also falls back to the cached copy", async () => {
    await load();
    sim!.faults.add("models", { type: "status", status: 503 }, { times: "always" });
    await clock.advance(7 * HOUR);
    const failed = await load();
    expect(failed.state).toBe("stale");
    expect(failed.problem).toContain("HTTP 503");
    expect(catalogueRequests()).toBeGreaterThanOrEqual(2);
  });

  it("after a failed request, asks again only 10 min later or with --refresh-prices (offline stays quick)", async () => {
    await load();
    sim!.faults.add("models", { type: "status", status: 503 }, { times: "always" });
    await clock.advance(7 * HOUR);
    const failed = await load();
    expect(failed).toMatchObject({ state: "stale", requests: 1 });
    const asked = catalogueRequests();
    await clock.advance(9 * 60_000);
    const remembered = await load();
    expect(remembered).toMatchObject({ state: "stale", requests: 0 });
    expect(remembered.problem).toMatch(/HTTP 503.*asked again 10 min later, or with --refresh-prices/);
    expect(catalogueRequests()).toBe(asked);
    const forced = await load({ refresh: true });
    expect(forced.requests).toBe(1);
    expect(catalogueRequests()).toBeGreaterThan(asked);
    const beforeAgain = catalogueRequests();
    sim!.faults.clear();
    // The forced request failed too, so the 10 minutes count from it.
    await clock.advance(10 * 60_000);
    const again = await load();
    expect(again).toMatchObject({ state: "revalidated", requests: 1, problem: null });
    expect(catalogueRequests()).toBe(beforeAgain + 1);
  });

  it("one file per origin holding body, ETag and dates; a damaged file is a cache miss", async () => {
    await load();
    const file = cacheFileFor(cacheDir, sim!.url);
    const saved = JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
    expect(saved).toMatchObject({
      version: 1,
      origin: sim!.url,
      fetchedAt: "2026-12-03T08:40:00.000Z",
      checkedAt: "2026-12-03T08:40:00.000Z",
    });
    expect(saved["etag"]).toMatch(/^"/);
    expect(JSON.parse(saved["body"] as string)).toMatchObject({ storyreel_simulator: true });
    await writeFile(file, "{ not json");
    expect(await load()).toMatchObject({ state: "downloaded", requests: 1 });
    expect(await readdir(join(cacheDir, "catalogue"))).toHaveLength(1);
  });

  it("does not cache a loopback API unless asked (a local simulator's port and prices come and go)", async () => {
    await load({ cacheLoopback: false });
    await load({ cacheLoopback: false });
    expect(catalogueRequests()).toBe(2);
    await expect(readdir(cacheDir)).resolves.toEqual([]);
  });
});

describe("resolveCacheDir", () => {
  it("STORYREEL_CACHE_HOME, else $XDG_CACHE_HOME/storyreel, else ~/.cache/storyreel, else none", () => {
    expect(resolveCacheDir({ STORYREEL_CACHE_HOME: "/tmp/x", XDG_CACHE_HOME: "/c", HOME: "/h" })).toBe(
      "/tmp/x",
    );
    expect(resolveCacheDir({ XDG_CACHE_HOME: "/c", HOME: "/h" })).toBe("/c/storyreel");
    expect(resolveCacheDir({ XDG_CACHE_HOME: "relative", HOME: "/h" })).toBe("/h/.cache/storyreel");
    expect(resolveCacheDir({ HOME: "/h" })).toBe("/h/.cache/storyreel");
    expect(resolveCacheDir({})).toBeNull();
  });
});
