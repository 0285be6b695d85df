// What render needs to know about money before it spends: prices for its shots, and whether the balance covers them.
import type { AimlClient } from "../../api/index.js";
import { USD_TO_CREDITS } from "../../catalog/index.js";
import type { Manifest } from "../../manifest/index.js";
import { resolveCacheDir } from "../../pricing/index.js";
import type { PlanEntry } from "../../scheduler/index.js";
import { StoryreelError } from "../../util/errors.js";
import { PriceBook } from "../shared/price-book.js";
import { loadPriceSource } from "../shared/price-source.js";

/** The run's price book: the live catalogue (or the simulator's list) when something will be submitted, and what earlier renders here observed. */
export async function runPrices(options: {
  previous: Manifest | null;
  entries: readonly PlanEntry[];
  backend: string;
  /** The API base URL (unused on the simulator). */
  baseUrl: string | null;
  env: Readonly<Record<string, string | undefined>>;
  refresh?: boolean;
}): Promise<PriceBook> {
  const { previous, backend } = options;
  // Nothing to submit: nothing to price, and no request for a catalogue either.
  if (!options.entries.some((e) => e.action === "submit")) return PriceBook.create(previous, { backend });
  const source = await loadPriceSource(
    backend === "simulator"
      ? { sim: true, cacheDir: null }
      : {
          baseUrl: options.baseUrl ?? undefined,
          cacheDir: resolveCacheDir(options.env),
          ...(options.refresh ? { refresh: true } : {}),
        },
  );
  return PriceBook.create(previous, {
    backend,
    catalogue: source.catalogue,
    catalogueProblem: source.catalogue === null ? (source.problem ?? "no price catalogue") : null,
  });
}

/** The balance is below what this run will submit: nothing is sent. */
export class BalanceLowError extends StoryreelError {
  constructor(message: string) {
    super("E_BALANCE_LOW", message);
  }
}

/**
 * Before the first submission: GET /v2/billing, and refuse (E_BALANCE_LOW) when the balance is below the
 * estimate of what this run will submit. Only when every such shot's price is known; a billing error is a
 * warning (returned), never a reason to stop.
 */
export async function checkBalance(options: {
  client: Pick<AimlClient, "billing">;
  prices: PriceBook;
  /** The shots this run will submit (cache hits left out). */
  toSubmit: readonly PlanEntry[];
  ignore: boolean;
  /** --max-credits / --max-usd: the run never spends past it, so it never needs more. */
  maxCredits?: number | null;
}): Promise<{ warning: string | null; balanceUsd: number | null; estimateUsd: number | null }> {
  if (options.toSubmit.length === 0) return { warning: null, balanceUsd: null, estimateUsd: null };
  let credits = 0;
  for (const entry of options.toSubmit) {
    const estimate = options.prices.estimate(entry.shot).credits;
    if (estimate === null) return { warning: null, balanceUsd: null, estimateUsd: null }; // cost not known
    credits += estimate;
  }
  const capped = options.maxCredits != null && options.maxCredits < credits;
  if (capped) credits = options.maxCredits!;
  const estimateUsd = credits / USD_TO_CREDITS;
  let balance;
  try {
    balance = await options.client.billing();
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return {
      warning: `could not check the balance before submitting (${why}); going on`,
      balanceUsd: null,
      estimateUsd,
    };
  }
  const balanceUsd = balance.currentBalance;
  if (balance.currency.toUpperCase() !== "USD") {
    return {
      warning: `the balance is in ${balance.currency}, not USD: not compared with the estimate`,
      balanceUsd: null,
      estimateUsd,
    };
  }
  if (balanceUsd >= estimateUsd || options.ignore) return { warning: null, balanceUsd, estimateUsd };
  const shots = options.toSubmit.length;
  const what = capped
    ? `the run's spending cap of $${estimateUsd.toFixed(2)} (${credits.toLocaleString("en-US")} credits)`
    : `the estimated $${estimateUsd.toFixed(2)} (${credits.toLocaleString("en-US")} credits) of the ${shots} shot${shots === 1 ? "" : "s"} this run would submit`;
  throw new BalanceLowError(
    `the balance is $${balanceUsd.toFixed(2)}, below ${what}: nothing was sent. Top up, render fewer shots (--only, --max-usd), or pass --ignore-balance`,
  );
}
