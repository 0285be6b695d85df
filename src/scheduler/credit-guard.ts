// --max-credits: known spend plus the estimates of generations still running must stay within the cap.
export interface CreditDecision {
  ok: boolean;
  reason: string;
}

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

  /** Reserve `estimate` credits for shot `id`, unless that could take spend past the cap. */
  reserve(id: string, estimate: number | null): CreditDecision {
    if (this.#max === null) return { ok: true, reason: "" };
    if (estimate === null) {
      return {
        ok: false,
        reason: `its price is unknown, so --max-credits ${this.#max} cannot be guaranteed`,
      };
    }
    const committed = this.#spent + this.#reservedTotal();
    if (committed + estimate > this.#max) {
      return {
        ok: false,
        reason: `it would take spend to ${round(committed + estimate)} credits, past --max-credits ${this.#max} (spent ${round(this.#spent)}, ${round(committed - this.#spent)} reserved by running shots)`,
      };
    }
    this.#reserved.set(id, estimate);
    return { ok: true, reason: "" };
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

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
