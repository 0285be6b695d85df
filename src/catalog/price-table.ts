// Published AIML API prices per model, as plain data with their source; a model absent here has an unknown price.

/** AIML bills in credits: "$1 USD = 2,000,000 credits" (AIML FAQ, read 2026-11-21). */
export const USD_TO_CREDITS = 2_000_000;
export const USD_TO_CREDITS_SOURCE = "https://docs.aimlapi.com/faq/how-can-i-track-my-funds";

/** One price line: USD per second (or per clip) for a resolution and/or audio setting. */
export interface PriceRate {
  /** Resolution the rate applies to, compared case-insensitively; absent: any resolution. */
  resolution?: string;
  /** Whether the rate is for output with audio; absent: either. */
  audio?: boolean;
  usd: number;
}

export interface PriceEntry {
  per: "second" | "clip";
  rates: readonly PriceRate[];
  /** URL of the page the price was read from. */
  source: string;
  /** Date the source was read (YYYY-MM-DD). */
  read: string;
}

/**
 * Model id → published AIML price. Only prices actually read on an AIML page belong here; never estimates.
 * Empty: on 2026-11-21 the searchable copies of aimlapi.com and docs.aimlapi.com showed no per-model video
 * price. Prices now come from the API's live catalogue (GET /v1/models?include=pricing, read by src/pricing,
 * cached per user); this static table only backs `estimateCost` for library callers that price a ModelSpec.
 */
export const PRICE_TABLE: Readonly<Record<string, PriceEntry>> = {};
