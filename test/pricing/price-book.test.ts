// The price book: basis order (catalogue, observed, unknown), whose observations count, and the >10% charge warning.
import { describe, expect, it } from "vitest";
import { chargeWarning, PriceBook } from "../../src/commands/shared/price-book.js";
import type { Manifest, ShotRecord } from "../../src/manifest/index.js";
import { buildPriceCatalogue } from "../../src/pricing/index.js";
import type { ResolvedShot } from "../../src/storyboard/index.js";

const MODEL = "google/veo-3.0-i2v-fast";
const ORIGIN = "https://api.aimlapi.com";

const catalogue = (simulated = false) =>
  buildPriceCatalogue(
    [
      {
        id: MODEL,
        aliases: [],
        type: "video",
        name: null,
        pricing: {
          kind: "variants",
          dimensions: ["resolution"],
          variants: [
            { when: { resolution: "720p" }, price: 0.39, unit: "second", per: 1 },
            { when: { resolution: "1080p" }, price: 0.65, unit: "second", per: 1 },
          ],
        },
      },
    ],
    { simulated, origin: ORIGIN, checkedAt: "2026-12-03T08:40:00.000Z" },
  );

function shot(overrides: Partial<ResolvedShot> = {}): ResolvedShot {
  return {
    id: "s1",
    model: MODEL,
    fields: { model: MODEL, duration: 4, resolution: "720P" },
    durationSeconds: 4,
    resolution: "720P",
    audio: true,
    ...overrides,
  } as ResolvedShot;
}

function manifestOf(records: Partial<ShotRecord>[]): Manifest {
  return {
    version: 1,
    storyboard: { path: "story.yaml", sha256: "x" },
    started_at: "2026-12-01T00:00:00.000Z",
    finished_at: null,
    shots: records.map((r, i) => ({
      id: `old${i}`,
      status: "completed",
      model: MODEL,
      input_hash: "h",
      generation_id: "g",
      submitted_at: null,
      completed_at: null,
      polls: 1,
      request: { resolution: "720P" },
      video_url: "https://cdn.example.com/clip.mp4",
      clip: null,
      credits_used: 4_000_000,
      duration_seconds: 4,
      error: null,
      ...r,
    })),
  };
}

describe("PriceBook", () => {
  it("the catalogue first: USD and credits, basis catalogue, with the list's date", () => {
    const book = PriceBook.create(null, { backend: ORIGIN, catalogue: catalogue() });
    expect(book.estimate(shot({ durationSeconds: 5, resolution: "1080p" }))).toEqual({
      credits: 6_500_000,
      usd: 3.25,
      basis: "catalogue",
      detail: "catalogue of 2026-12-03 08:40 UTC: 0.65 USD per second (resolution 1080p)",
      priceList: "catalogue of 2026-12-03 08:40 UTC",
      catalogueDate: "2026-12-03T08:40:00.000Z",
    });
  });

  it("the simulator's list is basis simulator", () => {
    const book = PriceBook.create(null, { backend: "simulator", catalogue: catalogue(true) });
    expect(book.estimate(shot())).toMatchObject({ basis: "simulator", credits: 3_120_000 });
  });

  it("falls back to observed prices of the same backend, then unknown with both reasons", () => {
    const records = manifestOf([{ backend: ORIGIN, credits_used: 4_000_000 }]);
    const unpriced = shot({ resolution: "4k" });
    const observed = PriceBook.create(records, { backend: ORIGIN, catalogue: catalogue() }).estimate(
      unpriced,
    );
    expect(observed).toMatchObject({ basis: "observed", credits: 4_000_000, usd: 2 });
    const elsewhere = PriceBook.create(records, { backend: "https://other.example", catalogue: catalogue() });
    expect(elsewhere.estimate(unpriced)).toEqual({
      credits: null,
      usd: null,
      basis: "unknown",
      detail: `unknown: ${MODEL}: no listed price for resolution 4k (catalogue of 2026-12-03 08:40 UTC); no earlier shot of ${MODEL} here`,
      priceList: null,
      catalogueDate: null,
    });
  });

  it("never prices a real run with what the simulator charged (recorded, or a legacy record with a loopback clip)", () => {
    const records = manifestOf([
      { backend: "simulator", credits_used: 999 },
      { backend: null, video_url: "http://127.0.0.1:40000/files/x.mp4", credits_used: 999 },
    ]);
    const real = PriceBook.create(records, { backend: ORIGIN });
    expect(real.estimate(shot())).toMatchObject({ basis: "unknown", credits: null });
    const onSim = PriceBook.create(records, { backend: "simulator" });
    expect(onSim.estimate(shot())).toMatchObject({ basis: "observed", credits: 999 });
    // legacy records without a backend and without a loopback clip count as the current backend
    const legacy = PriceBook.create(manifestOf([{ backend: null }]), { backend: ORIGIN });
    expect(legacy.estimate(shot())).toMatchObject({ basis: "observed" });
    // callers that do not name their backend keep the old behaviour: every record counts
    expect(PriceBook.fromManifest(records).estimate(shot())).toMatchObject({ basis: "observed" });
  });
});

describe("chargeWarning", () => {
  const book = PriceBook.create(null, { backend: ORIGIN, catalogue: catalogue() });
  const listed = book.listedPrice(shot()); // 4 s × 0.39 = 1.56 USD = 3,120,000 credits

  it.each([
    [3_120_000, null],
    [3_432_000, null], // +10% exactly
    [2_808_000, null], // -10% exactly
    [
      3_433_000,
      "shot s1: charged 3,433,000 credits ($1.72), but the catalogue of 2026-12-03 08:40 UTC lists 3,120,000 credits ($1.56) for it (+10.0%)",
    ],
    [
      4_000_000,
      "shot s1: charged 4,000,000 credits ($2.00), but the catalogue of 2026-12-03 08:40 UTC lists 3,120,000 credits ($1.56) for it (+28.2%)",
    ],
    [
      1_000_000,
      "shot s1: charged 1,000,000 credits ($0.50), but the catalogue of 2026-12-03 08:40 UTC lists 3,120,000 credits ($1.56) for it (-67.9%)",
    ],
  ])("credits_used %d → %s", (used, expected) => {
    expect(chargeWarning("s1", used, listed)).toBe(expected);
    expect(book.chargeWarning(shot(), used)).toBe(expected);
  });

  it("says nothing when there is no listed price (observed or unknown estimates are not a price list)", () => {
    const observed = PriceBook.create(manifestOf([{}]), { backend: ORIGIN }).estimate(shot());
    expect(observed.basis).toBe("observed");
    expect(chargeWarning("s1", 10 * (observed.credits ?? 0), observed)).toBeNull();
    expect(PriceBook.create(null, {}).chargeWarning(shot(), 1)).toBeNull();
  });
});
