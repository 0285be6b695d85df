// The zero-overhead yardstick: a greedy list schedule of known job durations on N identical slots.

/**
 * Makespan of the greedy list schedule: jobs start in the given order, each on the slot that frees first,
 * with no submit, poll or download overhead at all. Durations in any unit; returns the same unit.
 */
export function greedyMakespan(durations: readonly number[], slots: number): number {
  if (!Number.isInteger(slots) || slots < 1)
    throw new RangeError(`slots is ${slots}; allowed: an integer >= 1`);
  const free = new SlotHeap();
  let makespan = 0;
  for (const duration of durations) {
    if (!(duration >= 0)) throw new RangeError(`duration ${duration} is not allowed; allowed: a number >= 0`);
    const start = free.size < slots ? 0 : free.pop();
    const end = start + duration;
    free.push(end);
    if (end > makespan) makespan = end;
  }
  return makespan;
}

/** The rate floor: at least `requestsPerShot` API requests per shot, at `requestsPerSecond`, in ms. */
export function rateBoundMs(shots: number, requestsPerSecond: number, requestsPerShot = 2): number {
  return ((shots * requestsPerShot) / requestsPerSecond) * 1000;
}

/** A binary min-heap of slot free times. */
class SlotHeap {
  readonly #items: number[] = [];

  get size(): number {
    return this.#items.length;
  }

  push(value: number): void {
    const items = this.#items;
    items.push(value);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent]! <= items[i]!) break;
      [items[parent], items[i]] = [items[i]!, items[parent]!];
      i = parent;
    }
  }

  pop(): number {
    const items = this.#items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < items.length && items[left]! < items[smallest]!) smallest = left;
        if (right < items.length && items[right]! < items[smallest]!) smallest = right;
        if (smallest === i) break;
        [items[smallest], items[i]] = [items[i]!, items[smallest]!];
        i = smallest;
      }
    }
    return top;
  }
}
