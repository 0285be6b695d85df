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

/** A job of a dependency graph: it may start once every job in `after` has ended. */
export interface ChainJob {
  id: string;
  duration: number;
  after: readonly string[];
}

/**
 * The zero-overhead yardstick for chained shots: the greedy list schedule of `jobs` on `slots` slots where a job
 * starts once its upstream jobs have ended (and a slot is free), ready jobs taken longest chain below first (the
 * scheduler's own priority), no extraction, submit, poll or download time. Never below the longest chain.
 * Jobs must form an acyclic graph over their ids.
 */
export function greedyChainMakespan(jobs: readonly ChainJob[], slots: number): number {
  if (!Number.isInteger(slots) || slots < 1)
    throw new RangeError(`slots is ${slots}; allowed: an integer >= 1`);
  const byId = new Map(jobs.map((j) => [j.id, j]));
  const down = new Map<string, string[]>();
  for (const j of jobs) for (const up of j.after) down.set(up, [...(down.get(up) ?? []), j.id]);
  const chain = new Map<string, number>();
  const chainOf = (id: string): number => {
    const stack = [id];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const kids = (down.get(top) ?? []).filter((k) => !chain.has(k));
      if (kids.length > 0) {
        stack.push(...kids);
        continue;
      }
      stack.pop();
      chain.set(top, 1 + Math.max(0, ...(down.get(top) ?? []).map((k) => chain.get(k)!)));
    }
    return chain.get(id)!;
  };
  const remaining = new Map(jobs.map((j) => [j.id, j.after.filter((a) => byId.has(a)).length]));
  const ready = jobs.filter((j) => remaining.get(j.id) === 0);
  const running: { id: string; end: number }[] = [];
  let now = 0;
  let makespan = 0;
  for (;;) {
    ready.sort((a, b) => chainOf(b.id) - chainOf(a.id));
    while (running.length < slots && ready.length > 0) {
      const job = ready.shift()!;
      running.push({ id: job.id, end: now + job.duration });
    }
    if (running.length === 0) return makespan;
    running.sort((a, b) => a.end - b.end);
    const done = running.shift()!;
    now = done.end;
    makespan = Math.max(makespan, now);
    for (const k of down.get(done.id) ?? []) {
      const left = remaining.get(k)! - 1;
      remaining.set(k, left);
      if (left === 0) ready.push(byId.get(k)!);
    }
  }
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
