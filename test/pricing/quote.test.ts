// Price computation from catalogue pricing blocks: the reference's example, variants, units, and every "unknown" reason.
import { describe, expect, it } from "vitest";
import { listModels } from "../../src/catalog/index.js";
import { buildPriceCatalogue, catalogueFromBody, quote, type PriceRequest } from "../../src/pricing/index.js";
import { simulatedCredits, simulatorCatalogue } from "../../src/simulator/index.js";

const CHECKED = "2026-12-03T08:40:00.000Z";

/** The reference's example: 720p at 0.39 USD per 1 second, 1080p at 0.65. */
const VEO_PRICING = {
  kind: "variants",
  currency: "USD",
  dimensions: ["resolution"],
  variants: [
    { when: { resolution: "720p" }, price: 0.39, unit: "second", per: 1 },
    { when: { resolution: "1080p" }, price: 0.65, unit: "second", per: 1 },
  ],
};

function catalogue(models: { id: string; aliases?: string[]; pricing: unknown }[]) {
  return buildPriceCatalogue(
    models.map((m) => ({
      id: m.id,
      aliases: m.aliases ?? [],
      type: "video",
      name: null,
      pricing: m.pricing,
    })),
    { simulated: false, origin: "https://api.aimlapi.com", checkedAt: CHECKED },
  );
}

function request(overrides: Partial<PriceRequest> = {}): PriceRequest {
  return {
    model: "google/veo-x",
    fields: {},
    durationSeconds: 5,
    resolution: "1080p",
    audio: false,
    ...overrides,
  };
}

describe("quote: the reference's example and its variations", () => {
  const prices = catalogue([{ id: "google/veo-x", aliases: ["veo-x"], pricing: VEO_PRICING }]);

  it.each([
    // [what, request, usd, credits]
    ["5 s at 1080p: 0.65 × 5", request(), 3.25, 6_500_000],
    ["5 s at 720p: 0.39 × 5", request({ resolution: "720p" }), 1.95, 3_900_000],
    ["8 s at 720p", request({ resolution: "720p", durationSeconds: 8 }), 3.12, 6_240_000],
    ["the request's spelling 1080P matches 1080p", request({ resolution: "1080P" }), 3.25, 6_500_000],
    ["by alias", request({ model: "veo-x" }), 3.25, 6_500_000],
    ["by id in another case", request({ model: "Google/VEO-X" }), 3.25, 6_500_000],
  ])("%s", (_what, req, usd, credits) => {
    const q = quote(prices, req);
    expect(q).toMatchObject({ known: true, usd, credits, model: "google/veo-x" });
  });

  it("says how it computed the price", () => {
    expect(quote(prices, request())).toMatchObject({
      detail: "0.65 USD per second × 5 s (resolution 1080p)",
    });
  });

  it.each([
    [
      "a resolution the list does not price",
      request({ resolution: "4k" }),
      "google/veo-x: no listed price for resolution 4k",
    ],
    [
      "an unknown resolution",
      request({ resolution: null }),
      "google/veo-x: priced by resolution, which the request does not set",
    ],
    [
      "an unknown duration",
      request({ durationSeconds: null }),
      "google/veo-x: priced per second, and the duration is unknown",
    ],
    [
      "a model not in the catalogue",
      request({ model: "kling/other" }),
      "kling/other is not in the catalogue",
    ],
  ])("unknown for %s, with the reason", (_what, req, reason) => {
    expect(quote(prices, req)).toEqual({ known: false, reason });
  });
});

describe("quote: pricing kinds and units", () => {
  it.each([
    [
      "fixed per second",
      { kind: "fixed", currency: "USD", units: [{ price: 0.1, unit: "second", per: 1 }] },
      { usd: 0.6, credits: 1_200_000 },
    ],
    [
      "fixed per video (no duration needed)",
      { kind: "fixed", price: 0.8, unit: "video", per: 1 },
      { usd: 0.8, credits: 1_600_000 },
    ],
    [
      "a price per 10 seconds",
      { kind: "fixed", price: 1, unit: "seconds", per: 10 },
      { usd: 0.6, credits: 1_200_000 },
    ],
    [
      "a fee per request plus a price per second add up",
      {
        kind: "fixed",
        units: [
          { price: 0.05, unit: "request", per: 1 },
          { price: 0.1, unit: "second", per: 1 },
        ],
      },
      { usd: 0.65, credits: 1_300_000 },
    ],
    ["per minute", { kind: "fixed", price: 3, unit: "minute", per: 1 }, { usd: 0.3, credits: 600_000 }],
  ])("%s", (_what, pricing, expected) => {
    const q = quote(catalogue([{ id: "m", pricing }]), request({ model: "m", durationSeconds: 6 }));
    expect(q).toMatchObject({ known: true, ...expected });
  });

  it("matches audio (a boolean dimension) and any request field named as a dimension, case-insensitively", () => {
    const pricing = {
      kind: "variants",
      dimensions: ["resolution", "generate_audio", "Mode"],
      variants: [
        {
          when: { resolution: "720P", generate_audio: false, Mode: "std" },
          price: 0.1,
          unit: "second",
          per: 1,
        },
        {
          when: { resolution: "720P", generate_audio: true, Mode: "std" },
          price: 0.2,
          unit: "second",
          per: 1,
        },
        {
          when: { resolution: "720P", generate_audio: true, Mode: "PRO" },
          price: 0.4,
          unit: "second",
          per: 1,
        },
      ],
    };
    const prices = catalogue([{ id: "m", pricing }]);
    const base = request({ model: "m", resolution: "720p", durationSeconds: 4 });
    expect(quote(prices, { ...base, audio: true, fields: { mode: "pro" } })).toMatchObject({ usd: 1.6 });
    expect(quote(prices, { ...base, audio: true, fields: { mode: "std" } })).toMatchObject({ usd: 0.8 });
    expect(quote(prices, { ...base, audio: false, fields: { mode: "std" } })).toMatchObject({ usd: 0.4 });
    expect(quote(prices, { ...base, audio: false, fields: {} })).toEqual({
      known: false,
      reason: "m: priced by Mode, which the request does not set",
    });
  });

  it.each([
    [
      "variable",
      { kind: "variable" },
      "m: its price is variable (it depends on the request in ways the catalogue does not list)",
    ],
    [
      "token prices",
      { kind: "fixed", units: [{ price: 2.5, unit: "input_token", per: 1_000_000 }] },
      "m: priced per input_token, which a video request does not measure",
    ],
    [
      "another currency",
      { kind: "fixed", currency: "EUR", price: 1, unit: "video" },
      'm: it is priced in "EUR", not USD',
    ],
    [
      "an unknown kind",
      { kind: "tiered" },
      'm: its pricing kind "tiered" is not fixed, variants or variable',
    ],
    [
      "a price that is not a number",
      { kind: "fixed", price: "cheap", unit: "video" },
      'm: price "cheap" is not a number of USD',
    ],
    [
      "per 0 units",
      { kind: "fixed", price: 1, unit: "video", per: 0 },
      'm: "per" 0 is not a positive number',
    ],
    ["variants without any", { kind: "variants", variants: [] }, "m: its pricing lists no variants"],
  ])("unknown for %s, with the reason", (_what, pricing, reason) => {
    expect(quote(catalogue([{ id: "m", pricing }]), request({ model: "m" }))).toEqual({
      known: false,
      reason,
    });
  });

  it("a model listed without pricing is unknown", () => {
    expect(quote(catalogue([{ id: "m", pricing: null }]), request({ model: "m" }))).toEqual({
      known: false,
      reason: "the catalogue lists no price for m",
    });
  });
});

describe("the simulator's price list", () => {
  it("quotes every model, resolution and audio setting at exactly what the simulator bills", () => {
    const body = simulatorCatalogue({ includePricing: true, id: null, type: null, priceScale: 1 }).body;
    const prices = catalogueFromBody(body, { origin: "simulator", checkedAt: CHECKED })!;
    expect(prices.source).toBe("simulator");
    let checked = 0;
    for (const model of listModels()) {
      for (const resolution of model.resolutions ?? [null]) {
        for (const audio of model.fields.generate_audio === undefined ? [false] : [false, true]) {
          const q = quote(prices, {
            model: model.id,
            fields: {},
            durationSeconds: 6,
            resolution: resolution ?? model.defaults.resolution ?? null,
            audio,
          });
          expect(q, `${model.id} ${resolution} ${audio}`).toMatchObject({ known: true });
          const billed = simulatedCredits(
            model,
            { durationSeconds: 6, resolution, audio },
            { priceScale: 1, chargeScale: 1 },
          );
          expect(q.known && q.credits).toBe(billed);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(listModels().length);
  });
});
