// Counts grants over the last second in ten 100 ms slots: O(1) time and memory, whatever the request rate.
const SLOT_MS = 100;
const SLOTS = 10;

export class GrantWindow {
  readonly #counts = new Array<number>(SLOTS).fill(0);
  readonly #stamps = new Array<number>(SLOTS).fill(-Infinity);

  add(now: number): void {
    const slot = Math.floor(now / SLOT_MS);
    const index = ((slot % SLOTS) + SLOTS) % SLOTS;
    if (this.#stamps[index] !== slot) {
      this.#stamps[index] = slot;
      this.#counts[index] = 0;
    }
    this.#counts[index] = (this.#counts[index] ?? 0) + 1;
  }

  /** Grants in the last second (the current slot and the nine before it). */
  perSecond(now: number): number {
    const slot = Math.floor(now / SLOT_MS);
    let total = 0;
    for (let i = 0; i < SLOTS; i++) {
      if ((this.#stamps[i] ?? -Infinity) > slot - SLOTS) total += this.#counts[i] ?? 0;
    }
    return total;
  }
}
