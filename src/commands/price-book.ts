// Credits a shot is expected to cost: the catalog's price table, else what the same model cost per second before.
import { estimateCost, getModel } from "../catalog/index.js";
import type { ResolvedShot } from "../storyboard/index.js";
import type { Manifest } from "../manifest/index.js";

export interface ShotEstimate {
  credits: number | null;
  /** Where the number comes from, e.g. "price table: per second, 720p, with audio" or "observed: 2 earlier shots". */
  basis: string;
}

interface Observed {
  creditsPerSecond: number;
  samples: number;
}

/**
 * AIML publishes no per-model price we could verify (the catalog's table is empty until one is), but every
 * completed generation reports `credits_used`: those observations, per model and resolution, price later shots.
 */
export class PriceBook {
  readonly #observed = new Map<string, Observed>();

  static fromManifest(manifest: Manifest | null): PriceBook {
    const book = new PriceBook();
    for (const shot of manifest?.shots ?? []) {
      const resolution = typeof shot.request.resolution === "string" ? shot.request.resolution : null;
      if (shot.credits_used !== null && shot.duration_seconds) {
        book.observe(shot.model, resolution, shot.duration_seconds, shot.credits_used);
      }
    }
    return book;
  }

  observe(model: string, resolution: string | null, durationSeconds: number, credits: number): void {
    if (!(durationSeconds > 0) || !Number.isFinite(credits)) return;
    for (const key of [keyOf(model, resolution), keyOf(model, null)]) {
      const seen = this.#observed.get(key) ?? { creditsPerSecond: 0, samples: 0 };
      const perSecond = credits / durationSeconds;
      // Keep the highest rate seen: an estimate used to cap spending must not be optimistic.
      this.#observed.set(key, {
        creditsPerSecond: Math.max(seen.creditsPerSecond, perSecond),
        samples: seen.samples + 1,
      });
    }
  }

  estimate(shot: ResolvedShot): ShotEstimate {
    const model = getModel(shot.model);
    if (model) {
      const cost = estimateCost(model, {
        durationSeconds: shot.durationSeconds,
        resolution: shot.resolution,
        audio: shot.audio,
      });
      if (cost.credits !== null) return { credits: cost.credits, basis: `price table: ${cost.basis}` };
    }
    const seen =
      this.#observed.get(keyOf(shot.model, shot.resolution)) ?? this.#observed.get(keyOf(shot.model, null));
    if (seen && shot.durationSeconds !== null) {
      return {
        credits: Math.ceil(seen.creditsPerSecond * shot.durationSeconds),
        basis: `observed: ${Math.round(seen.creditsPerSecond)} credits/s over ${seen.samples} earlier shot${seen.samples === 1 ? "" : "s"} of ${shot.model}`,
      };
    }
    return {
      credits: null,
      basis: `unknown: no published price for ${shot.model} and no earlier shot of it here`,
    };
  }
}

function keyOf(model: string, resolution: string | null): string {
  return `${model}\u0000${resolution?.toLowerCase() ?? "*"}`;
}
