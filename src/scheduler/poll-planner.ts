// Adaptive polling: learn each model's generation time from completed shots and poll around it, not on a fixed beat.
export interface PollPlannerOptions {
  /** The shortest wait between two polls of one shot (--poll-interval). */
  minIntervalMs: number;
  /** The longest wait between two polls of one shot. */
  maxIntervalMs?: number;
  /** Earlier observations (e.g. from a previous run), per model, in ms. */
  seed?: ReadonlyMap<string, readonly number[]>;
}

export interface PollState {
  /** Age of the generation (ms since submission) at its last poll; null before the first. */
  lastPollAge: number | null;
  /** Whether this shot polls densely while its model's timing is still unknown. */
  scout: boolean;
}

const MAX_SAMPLES = 64;
const SCOUTS_PER_MODEL = 2;

interface ModelTiming {
  /** Estimated generation times, ascending. */
  samples: number[];
  scouts: number;
}

/**
 * While a model is cold (nothing completed yet) a couple of scout shots poll densely and the rest back
 * off geometrically; once one completes, everyone polls from the fast quartile of observed times on,
 * at a step of an eighth of the observed spread (never closer than the minimum interval).
 */
export class PollPlanner {
  readonly #min: number;
  readonly #max: number;
  readonly #models = new Map<string, ModelTiming>();

  constructor(options: PollPlannerOptions) {
    this.#min = Math.max(1, options.minIntervalMs);
    this.#max = Math.max(this.#min, options.maxIntervalMs ?? 60_000);
    for (const [model, samples] of options.seed ?? []) {
      for (const sample of samples) this.#timing(model).samples.push(sample);
      this.#timing(model).samples.sort((a, b) => a - b);
    }
  }

  isWarm(model: string): boolean {
    return this.#timing(model).samples.length > 0;
  }

  /** Whether a newly submitted shot of `model` should scout (poll densely while the model is cold). */
  claimScout(model: string): boolean {
    const timing = this.#timing(model);
    if (timing.samples.length > 0 || timing.scouts >= SCOUTS_PER_MODEL) return false;
    timing.scouts += 1;
    return true;
  }

  releaseScout(model: string): void {
    const timing = this.#timing(model);
    timing.scouts = Math.max(0, timing.scouts - 1);
  }

  /** The age (ms since submission) at which to poll next. */
  nextPollAge(model: string, state: PollState): number {
    const last = state.lastPollAge;
    const earliest = last === null ? this.#min : last + this.#min;
    const samples = this.#timing(model).samples;
    let target: number;
    if (samples.length === 0) {
      const from = last ?? 0;
      target = state.scout ? from + Math.max(this.#min, 0.15 * from) : Math.max(3 * this.#min, 2.5 * from);
    } else {
      const low = samples.length >= 4 ? quantile(samples, 0.25) : samples[0]! * 0.85;
      const high = samples[samples.length - 1]!;
      const step = Math.max(this.#min, (high - low) / 8);
      if (last === null || last < low) target = low;
      else if (last < high * 1.1) target = last + step;
      else target = last + Math.max(step, 0.25 * last);
    }
    return Math.min(Math.max(target, earliest), (last ?? 0) + this.#max);
  }

  /**
   * A shot of `model` was seen completed at age `upperMs`, still pending at `lowerMs`.
   * Returns true when this was the model's first observation (callers reschedule its other shots).
   */
  observe(model: string, lowerMs: number, upperMs: number): boolean {
    const timing = this.#timing(model);
    const first = timing.samples.length === 0;
    const estimate = lowerMs + (upperMs - lowerMs) / 2;
    insertSorted(timing.samples, estimate);
    if (timing.samples.length > MAX_SAMPLES) {
      // Drop from alternating ends so the window keeps its spread.
      if (timing.samples.length % 2 === 0) timing.samples.shift();
      else timing.samples.pop();
    }
    return first;
  }

  /** Observations per model, for persisting between runs or reporting. */
  snapshot(): Map<string, number[]> {
    return new Map([...this.#models].map(([model, t]) => [model, [...t.samples]]));
  }

  #timing(model: string): ModelTiming {
    let timing = this.#models.get(model);
    if (!timing) {
      timing = { samples: [], scouts: 0 };
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

function insertSorted(values: number[], value: number): void {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  values.splice(lo, 0, value);
}
