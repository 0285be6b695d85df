// Adaptive polling: learn each model's generation time from completed shots and poll around it, not on a fixed beat.
export interface PollPlannerOptions {
  /** The shortest wait between two polls of one shot (--poll-interval). */
  minIntervalMs: number;
  /** The longest wait between two polls of one shot. */
  maxIntervalMs?: number;
  /** Earlier observations (e.g. from a previous run), per model, in ms. */
  seed?: ReadonlyMap<string, readonly number[]>;
}

const MAX_SAMPLES = 64;

interface ModelTiming {
  /** Estimated generation times, ascending. */
  samples: number[];
  /** The same, oldest first. */
  order: number[];
}

/**
 * Once a model is warm (one of its shots completed), each shot polls from the fast quartile of the
 * observed times on, at a step of an eighth of the observed spread (never closer than the minimum
 * interval), backing off when it runs longer than anything seen. While a model is cold the scheduler
 * probes its shots as a cohort, at the rate `probeIntervalMs` gives.
 */
export class PollPlanner {
  readonly #min: number;
  readonly #max: number;
  readonly #models = new Map<string, ModelTiming>();

  constructor(options: PollPlannerOptions) {
    this.#min = Math.max(1, options.minIntervalMs);
    this.#max = Math.max(this.#min, options.maxIntervalMs ?? 60_000);
    for (const [model, samples] of options.seed ?? []) {
      const timing = this.#timing(model);
      for (const sample of samples.slice(-MAX_SAMPLES)) {
        insertSorted(timing.samples, sample);
        timing.order.push(sample);
      }
    }
  }

  /** The longest wait between two polls of one shot. */
  get maxIntervalMs(): number {
    return this.#max;
  }

  isWarm(model: string): boolean {
    return this.#timing(model).samples.length > 0;
  }

  /**
   * Cold model: the gap between two probes of its cohort (each probe polls the oldest shot not polled
   * within the minimum interval). Grows with the oldest shot's age so a long generation costs few polls.
   */
  probeIntervalMs(oldestAgeMs: number): number {
    return Math.min(this.#max, Math.max(this.#min / 2, 0.05 * oldestAgeMs));
  }

  /** The age (ms since submission) at which to poll next. */
  nextPollAge(model: string, lastPollAge: number | null): number {
    const last = lastPollAge;
    const earliest = last === null ? this.#min : last + this.#min;
    const samples = this.#timing(model).samples;
    let target: number;
    if (samples.length === 0) {
      // Cold and polled on its own (the scheduler normally probes cold shots as a cohort): back off geometrically.
      target = Math.max(2 * this.#min, 2 * (last ?? 0));
    } else {
      const low = samples.length >= 4 ? quantile(samples, 0.25) : samples[0]! * 0.85;
      const high = samples[samples.length - 1]!;
      const step = Math.max(this.#min, (high - low) / 8);
      // Few samples understate the slowest shot: keep the fine step well past it before backing off gently.
      const margin = Math.max(4 * step, 0.25 * high * Math.min(1, 4 / samples.length));
      if (last === null || last < low) target = low;
      else if (last < high + margin) target = last + step;
      else target = last + Math.max(step, 0.1 * last);
    }
    return Math.min(Math.max(target, earliest), (last ?? 0) + this.#max);
  }

  /**
   * A shot of `model` was seen finished at age `upperMs`, and still pending at `lowerMs` (null when no poll
   * found it pending: then it finished somewhere after the fastest time seen so far). Returns true when this
   * was the model's first observation (callers reschedule its other shots).
   */
  observe(model: string, lowerMs: number | null, upperMs: number): boolean {
    const timing = this.#timing(model);
    const first = timing.samples.length === 0;
    const lower = Math.min(upperMs, lowerMs ?? timing.samples[0] ?? upperMs);
    const estimate = lower + (upperMs - lower) / 2;
    insertSorted(timing.samples, estimate);
    timing.order.push(estimate);
    // Forget the oldest observation, so the window follows the API's current speed.
    if (timing.order.length > MAX_SAMPLES) removeSorted(timing.samples, timing.order.shift()!);
    return first;
  }

  /** Observations per model, oldest first, for persisting between runs or reporting. */
  snapshot(): Map<string, number[]> {
    return new Map(
      [...this.#models].filter(([, t]) => t.order.length > 0).map(([model, t]) => [model, [...t.order]]),
    );
  }

  #timing(model: string): ModelTiming {
    let timing = this.#models.get(model);
    if (!timing) {
      timing = { samples: [], order: [] };
      this.#models.set(model, timing);
    }
    return timing;
  }
}

function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

function removeSorted(values: number[], value: number): void {
  const at = lowerBound(values, value);
  if (values[at] === value) values.splice(at, 1);
}

function insertSorted(values: number[], value: number): void {
  values.splice(lowerBound(values, value), 0, value);
}

function lowerBound(values: readonly number[], value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
