// What a shot is expected to cost, and on what basis: the price catalogue (or the simulator's list), else what the
// same model cost per second in earlier renders on the same backend, else unknown (with the reasons).
import { getModel } from "../../catalog/index.js";
import type { Manifest, ShotRecord } from "../../manifest/index.js";
import { catalogueLabel, CREDITS_PER_USD, quote } from "../../pricing/index.js";
import type { PriceCatalogue } from "../../pricing/index.js";
import type { ResolvedShot } from "../../storyboard/index.js";

/** catalogue: the API's price list; simulator: the simulator's made-up list; observed: earlier renders' credits_used. */
export type EstimateBasis = "catalogue" | "observed" | "simulator" | "unknown";

export interface ShotEstimate {
  /** AIML credits ($1 = 2,000,000 credits); null: unknown. */
  credits: number | null;
  usd: number | null;
  basis: EstimateBasis;
  /** How the number was made, e.g. "catalogue of 2026-12-03 08:40 UTC: 0.39 USD per second (resolution 720p)". */
  detail: string;
  /** The price list's name (basis catalogue or simulator), e.g. "catalogue of 2026-12-03 08:40 UTC"; else null. */
  priceList: string | null;
  /** The price list's date (basis catalogue or simulator), ISO-8601; else null. */
  catalogueDate: string | null;
}

export interface PriceBookOptions {
  /**
   * The backend the run submits to: "simulator" or the API origin. Only records of that backend (or legacy records
   * without one, unless their clips came from a loopback host) teach prices: prices seen on the simulator never
   * price a real run. Omitted: every record counts (callers that do not know their backend yet).
   */
  backend?: string | null;
  /** The price list for this backend (the simulator's list for a run on the simulator); null: none. */
  catalogue?: PriceCatalogue | null;
  /** Why there is no catalogue (shown in unknown estimates), e.g. "the catalogue could not be read: …". */
  catalogueProblem?: string | null;
}

interface Observed {
  creditsPerSecond: number;
  samples: number;
}

/** Charged vs listed beyond this share draws a warning. */
export const CHARGE_TOLERANCE = 0.1;

export class PriceBook {
  readonly #observed = new Map<string, Observed>();
  readonly #catalogue: PriceCatalogue | null;
  readonly #catalogueProblem: string | null;
  readonly #backend: string | null | undefined;

  private constructor(options: PriceBookOptions) {
    this.#catalogue = options.catalogue ?? null;
    this.#catalogueProblem = options.catalogueProblem ?? null;
    this.#backend = options.backend;
  }

  static create(manifest: Manifest | null, options: PriceBookOptions = {}): PriceBook {
    const book = new PriceBook(options);
    for (const shot of manifest?.shots ?? []) {
      if (!book.#teaches(shot)) continue;
      const resolution = typeof shot.request.resolution === "string" ? shot.request.resolution : null;
      if (shot.credits_used !== null && shot.duration_seconds) {
        book.observe(shot.model, resolution, shot.duration_seconds, shot.credits_used);
      }
    }
    return book;
  }

  /** Kept for callers of the first API: the same as create(manifest, options). */
  static fromManifest(manifest: Manifest | null, options: PriceBookOptions = {}): PriceBook {
    return PriceBook.create(manifest, options);
  }

  /** A completed generation of this run (on this book's backend) reported `credits` for `durationSeconds`. */
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
    const listed = this.listedPrice(shot);
    if (listed.credits !== null) return listed;
    const seen =
      this.#observed.get(keyOf(shot.model, shot.resolution)) ?? this.#observed.get(keyOf(shot.model, null));
    if (seen && shot.durationSeconds !== null) {
      const credits = Math.ceil(seen.creditsPerSecond * shot.durationSeconds);
      return {
        credits,
        usd: credits / CREDITS_PER_USD,
        basis: "observed",
        detail: `observed: ${Math.round(seen.creditsPerSecond)} credits/s over ${seen.samples} earlier shot${seen.samples === 1 ? "" : "s"} of ${shot.model}`,
        priceList: null,
        catalogueDate: null,
      };
    }
    return unknown(`unknown: ${listed.detail}; no earlier shot of ${shot.model} here`);
  }

  /** The price list's price for the shot (basis catalogue or simulator), or an unknown estimate saying why not. */
  listedPrice(shot: ResolvedShot): ShotEstimate {
    const catalogue = this.#catalogue;
    if (catalogue === null) return unknown(this.#catalogueProblem ?? "no price catalogue");
    const q = quote(catalogue, {
      model: shot.model,
      fields: shot.fields,
      durationSeconds: shot.durationSeconds ?? getModel(shot.model)?.defaults.duration ?? null,
      resolution: shot.resolution ?? getModel(shot.model)?.defaults.resolution ?? null,
      audio: shot.audio,
    });
    const label = catalogueLabel(catalogue);
    if (!q.known) return unknown(`${q.reason} (${label})`);
    return {
      credits: q.credits,
      usd: q.usd,
      basis: catalogue.source === "simulator" ? "simulator" : "catalogue",
      detail: `${label}: ${q.rate}`,
      priceList: label,
      catalogueDate: catalogue.checkedAt,
    };
  }

  /** Warning text when a completed shot's credits_used differs from its listed price by more than 10%. */
  chargeWarning(shot: ResolvedShot, creditsUsed: number): string | null {
    return chargeWarning(shot.id, creditsUsed, this.listedPrice(shot));
  }

  #teaches(record: ShotRecord): boolean {
    const current = this.#backend;
    if (current === undefined) return true;
    const recorded = record.backend ?? (clipFromLoopback(record) ? "simulator" : null);
    if (recorded === null) return true; // legacy record: treated as the current backend
    return recorded === current;
  }
}

/**
 * "shot s1: charged 1,300,000 credits ($0.65), but the catalogue of … lists 1,000,000 credits ($0.50) (+30%)",
 * when `creditsUsed` is more than 10% away from a listed price (basis catalogue or simulator); else null.
 */
export function chargeWarning(shotId: string, creditsUsed: number, listed: ShotEstimate): string | null {
  if (listed.basis !== "catalogue" && listed.basis !== "simulator") return null;
  if (listed.credits === null || listed.credits <= 0 || !Number.isFinite(creditsUsed)) return null;
  const ratio = (creditsUsed - listed.credits) / listed.credits;
  if (Math.abs(ratio) <= CHARGE_TOLERANCE) return null;
  const pct = `${ratio > 0 ? "+" : ""}${(ratio * 100).toFixed(1)}%`;
  const list = (listed.priceList ?? "price list").replace(/^the /, "");
  return `shot ${shotId}: charged ${money(creditsUsed)}, but the ${list} lists ${money(listed.credits)} for it (${pct})`;
}

function money(credits: number): string {
  return `${credits.toLocaleString("en-US")} credits ($${(credits / CREDITS_PER_USD).toFixed(2)})`;
}

function unknown(detail: string): ShotEstimate {
  return { credits: null, usd: null, basis: "unknown", detail, priceList: null, catalogueDate: null };
}

/** A legacy record (no backend) whose clip came from a loopback host was rendered on a simulator. */
function clipFromLoopback(record: ShotRecord): boolean {
  if (record.video_url === null) return false;
  try {
    const host = new URL(record.video_url).hostname;
    return host === "localhost" || host === "[::1]" || /^127\./.test(host);
  } catch {
    return false;
  }
}

function keyOf(model: string, resolution: string | null): string {
  return `${model}\u0000${resolution?.toLowerCase() ?? "*"}`;
}
