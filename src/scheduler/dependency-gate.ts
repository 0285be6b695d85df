// Holds shots that start from another shot's frame until that clip is on disk (pure: no I/O, time passed in).
import type { ShotStatus } from "../manifest/index.js";
import type { PlanEntry } from "./plan.js";
import type { ReadyQueue } from "./ready-queue.js";

/** Why a dependent shot was not submitted: an upstream shot of this run did not end with a clip. */
export const UPSTREAM_FAILED = "E_UPSTREAM_FAILED";

export interface GateOptions {
  /** The shots this run submits, in storyboard order. */
  entries: readonly PlanEntry[];
  /** The shots `id` takes a frame from (direct). Upstreams this run does not submit count as available. */
  upstream: (id: string) => readonly string[];
  /** Shots on the longest chain from `id` down, `id` included: the longer, the sooner it is submitted. */
  chainLength: (id: string) => number;
  /** Shots this run renders outside the queue (resumed generations): their dependents wait for them too. */
  following?: readonly string[];
  now: () => number;
  /** A shot starts waiting on `on` (its upstreams not yet finished), at `t`. */
  onWaiting?: (entry: PlanEntry, on: readonly string[], t: number) => void;
  /** A dependent will not be submitted: `upstream` failed, ended unknown or was skipped. */
  onSkip?: (entry: PlanEntry, error: { code: string; message: string }, upstream: string) => void;
}

interface Waiting {
  entry: PlanEntry;
  remaining: Set<string>;
  since: number;
}

/**
 * A ReadyQueue for a run with chained shots. A shot whose upstream clips this run still has to make waits here
 * (holding no generation slot) until each of them is `completed` (downloaded and verified); one whose upstream
 * ends otherwise is skipped with E_UPSTREAM_FAILED naming it, and so are the shots after it. Ready shots go out
 * longest chain first (storyboard order between equals); retries go first of all.
 */
export class DependencyGate implements ReadyQueue {
  readonly #o: GateOptions;
  readonly #ready: PlanEntry[] = [];
  readonly #retries: PlanEntry[] = [];
  readonly #waiting = new Map<string, Waiting>();
  readonly #order = new Map<string, number>();
  /** Upstream id → the waiting shots that need it. */
  readonly #dependents = new Map<string, string[]>();
  readonly #waited = new Map<string, number>();
  #announced = false;

  constructor(options: GateOptions) {
    this.#o = options;
    const inRun = new Set([...options.entries.map((e) => e.shot.id), ...(options.following ?? [])]);
    options.entries.forEach((entry, i) => {
      const id = entry.shot.id;
      this.#order.set(id, i);
      const remaining = new Set(options.upstream(id).filter((up) => inRun.has(up) && up !== id));
      if (remaining.size === 0) {
        this.#ready.push(entry);
        return;
      }
      this.#waiting.set(id, { entry, remaining, since: 0 });
      for (const up of remaining) this.#dependents.set(up, [...(this.#dependents.get(up) ?? []), id]);
    });
    this.#sortReady();
  }

  /** Says (once) which shots wait and on what: call when the run starts. */
  announce(): void {
    if (this.#announced) return;
    this.#announced = true;
    const t = this.#o.now();
    for (const w of this.#waiting.values()) {
      w.since = t;
      this.#o.onWaiting?.(w.entry, [...w.remaining], t);
    }
  }

  next(): PlanEntry | undefined {
    return this.#retries.shift() ?? this.#ready.shift();
  }

  pending(): boolean {
    return this.#retries.length > 0 || this.#ready.length > 0 || this.#waiting.size > 0;
  }

  retry(entry: PlanEntry): void {
    this.#retries.push(entry);
  }

  /** The shots still waiting, each with the upstreams it waits on. */
  waiting(): ReadonlyMap<string, readonly string[]> {
    return new Map([...this.#waiting].map(([id, w]) => [id, [...w.remaining]]));
  }

  /** How long `id` waited before it was released (milliseconds), once released. */
  waitedMs(id: string): number | undefined {
    return this.#waited.get(id);
  }

  finished(id: string, status: ShotStatus): void {
    const dependents = this.#dependents.get(id);
    if (!dependents) return;
    this.#dependents.delete(id);
    for (const dep of dependents) {
      const w = this.#waiting.get(dep);
      if (!w) continue;
      if (status !== "completed") {
        this.#skip(w, id, status);
        continue;
      }
      w.remaining.delete(id);
      if (w.remaining.size > 0) continue;
      this.#waiting.delete(dep);
      this.#waited.set(dep, this.#o.now() - w.since);
      this.#ready.push(w.entry);
    }
    this.#sortReady();
  }

  #skip(w: Waiting, upstream: string, status: ShotStatus): void {
    const id = w.entry.shot.id;
    this.#waiting.delete(id);
    // Its own dependents go the same way, after it (naming it): taken now, so a reentrant finished() does nothing.
    const after = this.#dependents.get(id) ?? [];
    this.#dependents.delete(id);
    const how = status === "skipped" ? "was skipped" : status === "unknown" ? "ended unknown" : "failed";
    const message = `not submitted: it starts from shot "${upstream}", which ${how}; a rerun renders both in order`;
    this.#o.onSkip?.(w.entry, { code: UPSTREAM_FAILED, message }, upstream);
    for (const dep of after) {
      const next = this.#waiting.get(dep);
      if (next) this.#skip(next, id, "skipped");
    }
  }

  #sortReady(): void {
    const { chainLength } = this.#o;
    const order = (id: string): number => this.#order.get(id) ?? 0;
    this.#ready.sort(
      (a, b) => chainLength(b.shot.id) - chainLength(a.shot.id) || order(a.shot.id) - order(b.shot.id),
    );
  }
}
