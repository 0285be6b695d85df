// The shots waiting for a submission slot: the coordinator takes from here; whatever decides readiness feeds it.
import type { ShotStatus } from "../manifest/index.js";
import type { PlanEntry } from "./plan.js";

/**
 * What the coordinator submits next, one entry per free slot. `next()` gives an entry ready now; `pending()`
 * says whether any is still to come, now or later — a dependency gate, say, would hold shots that need another
 * shot's clip here (holding no slot) and release them from `finished`, which is told how every shot of the run
 * ended (its run outcome: completed, failed, unknown or skipped).
 */
export interface ReadyQueue {
  next(): PlanEntry | undefined;
  pending(): boolean;
  /** Submit again, ahead of the rest (a resumed generation the API no longer knows). */
  retry(entry: PlanEntry): void;
  finished(id: string, status: ShotStatus): void;
}

/** Every entry is ready at once, in storyboard order; retries first. */
export class FifoReadyQueue implements ReadyQueue {
  readonly #entries: readonly PlanEntry[];
  readonly #retries: PlanEntry[] = [];
  #index = 0;

  constructor(entries: readonly PlanEntry[]) {
    this.#entries = entries;
  }

  next(): PlanEntry | undefined {
    const retry = this.#retries.shift();
    if (retry) return retry;
    const entry = this.#entries[this.#index];
    if (entry) this.#index += 1;
    return entry;
  }

  pending(): boolean {
    return this.#retries.length > 0 || this.#index < this.#entries.length;
  }

  retry(entry: PlanEntry): void {
    this.#retries.push(entry);
  }

  finished(): void {
    // Nothing waits on another shot here.
  }
}
