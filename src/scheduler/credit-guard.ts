// --max-credits: known spend plus the estimates of generations still running must stay within the cap.
import type { ShotError } from "../manifest/index.js";

/** What the guard needs of a shot to name it in a refusal. */
export interface PricedShot {
  id: string;
  model: string;
  resolution: string | null;
}

/**
 * ok, or why the shot is not submitted: E_PRICE_UNKNOWN (no estimate, so the cap cannot be guaranteed) or
 * E_MAX_CREDITS (its estimate would take spend past the cap). `error` is what the shot records.
 */
export type CreditDecision = { ok: true } | { ok: false; error: ShotError };

export class CreditGuard {
  readonly #max: number | null;
  #spent = 0;
  readonly #reserved = new Map<string, number>();

  constructor(maxCredits: number | null) {
    this.#max = maxCredits;
  }

  get spent(): number {
    return this.#spent;
  }

  /** Reserve `estimate` credits for `shot`, unless that could take spend past the cap. */
  reserve(shot: PricedShot, estimate: number | null): CreditDecision {
    if (this.#max === null) return { ok: true };
    if (estimate === null) {
      const at = shot.resolution === null ? "its default resolution" : shot.resolution;
      return refuse(
        "E_PRICE_UNKNOWN",
        `no price is known for ${shot.model} at ${at}: render one such shot without --max-credits first, e.g. \`--only ${shot.id}\``,
      );
    }
    const committed = this.#spent + this.#reservedTotal();
    if (committed + estimate > this.#max) {
      return refuse(
        "E_MAX_CREDITS",
        `it would take spend to ${round(committed + estimate)} credits, past --max-credits ${this.#max} (spent ${round(this.#spent)}, ${round(committed - this.#spent)} reserved by running shots)`,
      );
    }
    this.#reserved.set(shot.id, estimate);
    return { ok: true };
  }

  /** The shot finished (or failed): its reservation becomes what the API says it cost. */
  settle(id: string, creditsUsed: number | null): void {
    const reserved = this.#reserved.get(id) ?? 0;
    this.#reserved.delete(id);
    this.#spent += creditsUsed ?? (this.#max === null ? 0 : reserved);
  }

  /** The request never created a generation: nothing was spent. */
  release(id: string): void {
    this.#reserved.delete(id);
  }

  #reservedTotal(): number {
    let total = 0;
    for (const value of this.#reserved.values()) total += value;
    return total;
  }
}

function refuse(code: "E_PRICE_UNKNOWN" | "E_MAX_CREDITS", reason: string): CreditDecision {
  return { ok: false, error: { code, message: `not submitted: ${reason}` } };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
