// Cost estimates: unknown prices stay unknown; known prices convert at $1 = 2,000,000 AIML credits.
import { describe, expect, it } from "vitest";
import {
  estimateCost,
  listModels,
  PRICE_TABLE,
  requireModel,
  USD_TO_CREDITS,
  type ModelSpec,
  type PriceEntry,
} from "../../src/catalog/index.js";

const perSecond: PriceEntry = {
  per: "second",
  rates: [
    { resolution: "720p", audio: true, usd: 0.15 },
    { resolution: "1080p", audio: false, usd: 0.05 },
  ],
  source: "https://example.invalid/pricing",
  read: "2026-11-21",
};

function priced(price: PriceEntry): ModelSpec {
  return { ...requireModel("google/veo-3.0-i2v-fast"), price };
}

describe("estimateCost", () => {
  it("is unknown for a model without a published price", () => {
    const veo = requireModel("google/veo-3.0-i2v-fast");
    expect(estimateCost(veo, { durationSeconds: 8, resolution: "720P", audio: true })).toEqual({
      credits: null,
      usd: null,
      basis: "no published price for google/veo-3.0-i2v-fast",
      source: null,
    });
  });

  it("multiplies a per-second price by the duration and converts to credits", () => {
    const estimate = estimateCost(priced(perSecond), {
      durationSeconds: 8,
      resolution: "1080P",
      audio: false,
    });
    expect(USD_TO_CREDITS).toBe(2_000_000);
    expect(estimate.usd).toBeCloseTo(0.4, 10);
    expect(estimate.credits).toBe(800_000);
    expect(estimate.basis).toBe("per second, 1080P, without audio");
    expect(estimate.source).toBe("https://example.invalid/pricing");
  });

  it("charges a per-clip price once", () => {
    const clip: PriceEntry = { ...perSecond, per: "clip", rates: [{ usd: 0.5 }] };
    const estimate = estimateCost(priced(clip), { durationSeconds: 8, resolution: null, audio: true });
    expect(estimate).toEqual({
      credits: 1_000_000,
      usd: 0.5,
      basis: "per clip, 720P (server default), with audio",
      source: "https://example.invalid/pricing",
    });
  });

  it("prices the documented server defaults when duration or resolution is not sent", () => {
    const estimate = estimateCost(priced(perSecond), {
      durationSeconds: null,
      resolution: null,
      audio: true,
    });
    expect(estimate.credits).toBe(2_400_000); // 8 s default x $0.15 at the 720P default
    expect(estimate.basis).toBe("per second, 720P (server default), with audio");
  });

  it("is unknown when no rate matches the setting or the duration is unknown", () => {
    const noRate = estimateCost(priced(perSecond), { durationSeconds: 8, resolution: "720p", audio: false });
    expect(noRate.credits).toBeNull();
    expect(noRate.basis).toBe("no published price for google/veo-3.0-i2v-fast at 720p, without audio");
    const noDefaults: ModelSpec = { ...priced(perSecond), defaults: {} };
    const noDuration = estimateCost(noDefaults, { durationSeconds: null, resolution: "720p", audio: true });
    expect(noDuration.credits).toBeNull();
    expect(noDuration.basis).toBe("per second, 720p, with audio, duration unknown");
  });

  it("gives each model the price table's entry (or null)", () => {
    for (const model of listModels()) expect(model.price).toBe(PRICE_TABLE[model.id] ?? null);
    for (const [id, entry] of Object.entries(PRICE_TABLE)) {
      expect(requireModel(id).price).toBe(entry);
      expect(entry.source).toMatch(/^https:\/\//);
      expect(entry.read).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});
