// When each generation in flight is polled next: one min-heap for all, cold models probed as a cohort (pure: takes `now`).
import { MinHeap } from "../util/heap.js";
import type { PollPlanner } from "./poll-planner.js";

export interface PollQueueOptions {
  planner: PollPlanner;
  /** The shortest wait between two polls of one shot (--poll-interval). */
  minIntervalMs: number;
}

/** A generation to poll: its shot id, model, and when it was submitted and must be done (clock ms). */
export interface QueuedShot {
  id: string;
  model: string;
  submittedAt: number;
  deadline: number;
}

interface Slot extends QueuedShot {
  /** Age (ms since submission) at which the last answered poll was sent; null before the first. */
  lastPollAge: number | null;
  /** A poll request for it is under way. */
  polling: boolean;
  /** Bumped whenever it is rescheduled or untracked; stale heap items are dropped. */
  version: number;
}

/** What the heap holds: one shot's next poll, or the next probe of a cold model's cohort. */
type HeapItem =
  { kind: "shot"; slot: Slot; version: number } | { kind: "probe"; model: string; version: number };

interface Cohort {
  members: Set<Slot>;
  /** Bumped whenever the cohort's probe is rescheduled; stale probes are dropped. */
  version: number;
  probeScheduled: boolean;
  /** Probes alternate: the oldest member (first to finish), then the member polled longest ago (no starving). */
  probeStalest: boolean;
}

/**
 * Once a model is warm (one of its shots completed) each shot is polled when the planner says. While it is
 * cold its shots form a cohort: they were submitted at about the same time and take about as long, so one
 * probe stands for all — the first completion is seen within one probe interval and the cost grows with
 * elapsed time, not with the number of shots. Probes alternate between the oldest member and the one polled
 * longest ago, so a stuck oldest shot never starves the rest, and no member waits longer than the planner's
 * longest interval. Shots past their deadline get their last poll from the probe too.
 */
export class PollQueue {
  readonly #planner: PollPlanner;
  readonly #minIntervalMs: number;
  readonly #heap = new MinHeap<HeapItem>();
  readonly #slots = new Map<string, Slot>();
  readonly #byModel = new Map<string, Set<Slot>>();
  readonly #cohorts = new Map<string, Cohort>();

  constructor(options: PollQueueOptions) {
    this.#planner = options.planner;
    this.#minIntervalMs = options.minIntervalMs;
  }

  /** Generations tracked. */
  get size(): number {
    return this.#slots.size;
  }

  has(id: string): boolean {
    return this.#slots.has(id);
  }

  /** Whether a poll of `id` is under way (taken by `due` and not yet answered). */
  isPolling(id: string): boolean {
    return this.#slots.get(id)?.polling ?? false;
  }

  track(shot: QueuedShot): void {
    this.untrack(shot.id);
    const slot: Slot = { ...shot, lastPollAge: null, polling: false, version: 0 };
    this.#slots.set(shot.id, slot);
    let peers = this.#byModel.get(shot.model);
    if (!peers) this.#byModel.set(shot.model, (peers = new Set()));
    peers.add(slot);
  }

  untrack(id: string): void {
    const slot = this.#slots.get(id);
    if (!slot) return;
    slot.version += 1;
    this.#slots.delete(id);
    this.#byModel.get(slot.model)?.delete(slot);
    this.#cohorts.get(slot.model)?.members.delete(slot);
  }

  /**
   * Poll `id` next at `at`, or when the planner says (no `at`): then a cold model's shot joins its cohort
   * instead. Never later than its deadline (or `now`, if that has passed).
   */
  schedule(id: string, now: number, at?: number): void {
    const slot = this.#slots.get(id);
    if (!slot) return;
    slot.version += 1;
    if (at === undefined && !this.#planner.isWarm(slot.model)) {
      this.#joinCohort(slot, now);
      return;
    }
    const planned = slot.submittedAt + this.#planner.nextPollAge(slot.model, slot.lastPollAge);
    const due = Math.min(at ?? planned, Math.max(slot.deadline, now));
    this.#heap.push(due, { kind: "shot", slot, version: slot.version });
  }

  /** The poll of `id` was answered (sent at `sentAtAge` ms after submission, when given). */
  answered(id: string, sentAtAge?: number): void {
    const slot = this.#slots.get(id);
    if (!slot) return;
    slot.polling = false;
    if (sentAtAge !== undefined) slot.lastPollAge = sentAtAge;
  }

  /**
   * The first completion of `model` tells its other shots when to look: the cohort dissolves, and every shot
   * not being polled right now is scheduled by the planner (those being polled are when their answer comes).
   */
  warmed(model: string, now: number): void {
    this.#cohorts.delete(model);
    for (const peer of this.#byModel.get(model) ?? []) if (!peer.polling) this.schedule(peer.id, now);
  }

  /** When the next item is due (clock ms), or undefined when nothing is scheduled. */
  nextDue(): number | undefined {
    return this.#heap.peekKey();
  }

  /** The shots to poll now, for every item due at `now`; each is marked as being polled until `answered`. */
  due(now: number): string[] {
    const out: string[] = [];
    for (let key = this.#heap.peekKey(); key !== undefined && key <= now; key = this.#heap.peekKey()) {
      const item = this.#heap.pop()!;
      if (item.kind === "probe") {
        if (item.version === this.#cohorts.get(item.model)?.version) this.#probe(item.model, now, out);
        continue;
      }
      const { slot } = item;
      if (item.version === slot.version && this.#slots.get(slot.id) === slot && !slot.polling) {
        this.#take(slot, out);
      }
    }
    return out;
  }

  #take(slot: Slot, out: string[]): void {
    slot.polling = true;
    out.push(slot.id);
  }

  #joinCohort(slot: Slot, now: number): void {
    let cohort = this.#cohorts.get(slot.model);
    if (!cohort) {
      cohort = { members: new Set(), version: 0, probeScheduled: false, probeStalest: false };
      this.#cohorts.set(slot.model, cohort);
    }
    cohort.members.add(slot);
    if (!cohort.probeScheduled) this.#scheduleProbe(slot.model, cohort, now + this.#minIntervalMs / 2);
  }

  #scheduleProbe(model: string, cohort: Cohort, due: number): void {
    cohort.version += 1;
    cohort.probeScheduled = true;
    this.#heap.push(due, { kind: "probe", model, version: cohort.version });
  }

  /** One probe of a cold model's cohort (see the class comment); schedules the next one. */
  #probe(model: string, now: number, out: string[]): void {
    const cohort = this.#cohorts.get(model);
    if (!cohort) return;
    cohort.probeScheduled = false;
    if (cohort.members.size === 0) {
      this.#cohorts.delete(model);
      return;
    }
    const lastPollAt = (member: Slot): number =>
      member.lastPollAge === null ? -Infinity : member.submittedAt + member.lastPollAge;
    let oldest: Slot | null = null;
    let stalest: Slot | null = null;
    for (const member of cohort.members) {
      if (member.polling || now - lastPollAt(member) < this.#minIntervalMs) continue;
      // Never polled: stale since its submission, not since forever.
      const quietFor = now - Math.max(lastPollAt(member), member.submittedAt);
      if (now >= member.deadline || quietFor >= this.#planner.maxIntervalMs) {
        this.#take(member, out);
        continue;
      }
      if (!oldest || member.submittedAt < oldest.submittedAt) oldest = member;
      const age = lastPollAt(member);
      if (
        !stalest ||
        age < lastPollAt(stalest) ||
        (age === lastPollAt(stalest) && member.submittedAt < stalest.submittedAt)
      )
        stalest = member;
    }
    const pick = cohort.probeStalest ? (stalest ?? oldest) : (oldest ?? stalest);
    cohort.probeStalest = !cohort.probeStalest;
    if (pick) this.#take(pick, out);
    let oldestAge = 0;
    for (const member of cohort.members) oldestAge = Math.max(oldestAge, now - member.submittedAt);
    this.#scheduleProbe(model, cohort, now + this.#planner.probeIntervalMs(oldestAge));
  }
}
