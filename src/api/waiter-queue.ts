// FIFO queue with O(1) amortised push/shift and lazy removal of cancelled entries.

export interface Cancellable {
  settled: boolean;
}

export class WaiterQueue<T extends Cancellable> {
  #items: (T | undefined)[] = [];
  #head = 0;
  #live = 0;

  /** Entries neither granted nor cancelled. */
  get size(): number {
    return this.#live;
  }

  push(item: T): void {
    this.#items.push(item);
    this.#live++;
  }

  /** Removes and returns the oldest live entry (cancelled ones are skipped and dropped on the way). */
  shift(): T | undefined {
    while (this.#head < this.#items.length) {
      const item = this.#items[this.#head];
      this.#items[this.#head] = undefined;
      this.#head++;
      if (item !== undefined && !item.settled) {
        this.#live--;
        this.#compact();
        return item;
      }
    }
    this.#compact();
    return undefined;
  }

  /** Call after setting `settled` on an entry that is still queued. */
  cancelled(): void {
    this.#live--;
    if (this.#live === 0) {
      this.#items = [];
      this.#head = 0;
    }
  }

  #compact(): void {
    if (this.#head >= this.#items.length) {
      this.#items = [];
      this.#head = 0;
    } else if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
  }
}
