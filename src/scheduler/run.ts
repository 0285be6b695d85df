// Runs a plan: at most N generations in flight, one poll queue for all of them, downloads apart, events out.
import { setMaxListeners } from "node:events";
import type { ResolvedShot } from "../storyboard/index.js";
import type { ManifestStore, ShotError, ShotRecord, ShotStatus } from "../manifest/index.js";
import type { Clock } from "../util/clock.js";
import { systemClock } from "../util/clock.js";
import { StoryreelError, hasCode } from "../util/errors.js";
import type { PlanEntry } from "./plan.js";
import type { RunCounts, RunEvent } from "./events.js";
import { MinHeap } from "../util/heap.js";
import { PollPlanner } from "./poll-planner.js";
import { CreditGuard } from "./credit-guard.js";
import { countOutcomes } from "./counts.js";
import { intentPatch, restartPatch, revertPatch } from "./submit-intent.js";

/** What the scheduler needs from the API client (see src/api). */
export interface GenerationClient {
  /**
   * The run's stop signal is passed: an abort may cut the submission only while it cannot have reached the
   * API (rejecting with the signal's reason); once it may have, the answer is awaited, or the submission
   * rejects E_SUBMIT_UNKNOWN — never with the abort reason.
   */
  submit(body: Record<string, unknown>, options: { signal?: AbortSignal }): Promise<GenerationResult>;
  poll(id: string, options: { signal?: AbortSignal }): Promise<GenerationResult>;
}

export interface GenerationResult {
  id: string;
  status: string;
  videoUrl: string | null;
  error: { name: string | null; message: string } | null;
  creditsUsed: number | null;
}

export interface DownloadJob {
  shot: ResolvedShot;
  url: string;
  relPath: string;
  signal: AbortSignal;
}

export interface DownloadOutcome {
  relPath: string;
  bytes: number;
  sha256: string;
  warnings: string[];
}

export interface RunOptions {
  entries: readonly PlanEntry[];
  client: GenerationClient;
  store: ManifestStore;
  buildBody: (shot: ResolvedShot) => Promise<Record<string, unknown>>;
  download: (job: DownloadJob) => Promise<DownloadOutcome>;
  /** Where a shot's clip goes, relative to the output folder. */
  clipPath: (shot: ResolvedShot) => string;
  /** Generations in flight at most (submitted and not finished). */
  concurrency: number;
  /** Downloads at once, apart from the generation slots (default 4). */
  downloadConcurrency?: number;
  /** The shortest wait between two polls of one shot. */
  pollIntervalMs: number;
  /** A shot still unfinished this long after submission (or after this run resumed it) fails. */
  shotTimeoutMs: number;
  /**
   * How long a generation submitted in this run may be unknown to the API (404) before its shot fails
   * E_GENERATION_LOST (default: 15 poll intervals, at least 1 s). It is never submitted again in the same run.
   */
  notFoundGraceMs?: number;
  maxCredits?: number | null;
  /**
   * Expected credits of a shot (null: unknown). If it throws, the shot is not submitted and the run stops as if
   * interrupted, resolving with `fatal` E_ESTIMATE_CREDITS (its `cause` is what was thrown).
   */
  estimateCredits?: (shot: ResolvedShot) => number | null;
  /**
   * Aborting stops the run gracefully: no new submissions (one waiting for a 429 pause or a retry is
   * abandoned), no new polls; in-flight ids stay for the next run.
   */
  signal?: AbortSignal;
  /**
   * Called synchronously for every event. If it throws, the run stops as if interrupted (nothing more is
   * submitted or polled; every paid id stays in the manifest for the next run) and resolves with `fatal`
   * E_EVENT_LISTENER (its `cause` is what was thrown); later events are still delivered.
   */
  onEvent?: (event: RunEvent) => void;
  clock?: Clock;
  /** Where submissions go, recorded on each shot it submits: "simulator", or the API origin. */
  backend: string;
  /** Generation times seen before, per model (ms), to poll well from the first shot on. */
  timingSeed?: ReadonlyMap<string, readonly number[]>;
}

export interface ShotTiming {
  id: string;
  model: string;
  submittedMs: number;
  detectedMs: number | null;
  polls: number;
}

export interface RunResult {
  counts: RunCounts;
  creditsUsed: number;
  interrupted: boolean;
  /** A run-stopping error (401/403, manifest not writable, a throwing onEvent or estimateCredits): exit 2. */
  fatal: StoryreelError | null;
  elapsedMs: number;
  polls: number;
  timings: ShotTiming[];
  /** Observed generation times per model, for the next run. */
  learned: Map<string, number[]>;
}

const PENDING = new Set(["queued", "generating", "waiting", "active"]);
const STOPPING_CODES = ["E_API_UNAUTHORIZED", "E_API_FORBIDDEN"];
const TRANSIENT_POLL_BACKOFF_MS = 5_000;
const NOT_FOUND_GRACE_POLLS = 15;
const MIN_NOT_FOUND_GRACE_MS = 1_000;
/** Looks at a generation the API does not know (yet) within its grace period, at least. */
const NOT_FOUND_LOOKS = 4;

/** What the poll queue holds: one shot's next poll, or the next probe of a cold model's cohort. */
type HeapItem =
  { kind: "shot"; active: Active; version: number } | { kind: "probe"; model: string; version: number };

interface Cohort {
  members: Set<Active>;
  /** Bumped whenever the cohort's probe is rescheduled; stale probes are dropped. */
  version: number;
  probeScheduled: boolean;
  /** Probes alternate: the oldest member (first to finish), then the member polled longest ago (no starving). */
  probeStalest: boolean;
}

interface Active {
  entry: PlanEntry;
  generationId: string;
  /** "resumed": the id comes from an earlier run; "submitted": this run paid for it. */
  origin: "resumed" | "submitted";
  /** Clock time of the first of the 404s the latest polls answered; null when the last poll found it. */
  notFoundSince: number | null;
  /** Clock time the generation was submitted (earlier than this run for resumed shots). */
  submittedAt: number;
  deadline: number;
  lastPollAge: number | null;
  /** Age at the last poll that found it still pending; null when none did. */
  lastPendingAge: number | null;
  lastStatus: string;
  polls: number;
  /** A poll request for this shot is under way. */
  polling: boolean;
  version: number;
  durable: Promise<void>;
  timing: ShotTiming;
}

export function runPlan(options: RunOptions): Promise<RunResult> {
  return new Runner(options).run();
}

class Runner {
  readonly #o: RunOptions;
  readonly #clock: Clock;
  readonly #planner: PollPlanner;
  readonly #credits: CreditGuard;
  readonly #heap = new MinHeap<HeapItem>();
  /** Shots of models not seen completing yet, probed together (see #probe). */
  readonly #cohorts = new Map<string, Cohort>();
  readonly #active = new Set<Active>();
  readonly #byModel = new Map<string, Set<Active>>();
  readonly #stop = new AbortController();
  readonly #queue: PlanEntry[] = [];
  readonly #retryQueue: PlanEntry[] = [];
  readonly #timings: ShotTiming[] = [];
  readonly #downloadWaiting: (() => void)[] = [];
  #queueIndex = 0;
  #inFlight = 0;
  #submitting = 0;
  #polling = 0;
  #downloads = 0;
  #downloadsRunning = 0;
  #polls = 0;
  #creditsUsed = 0;
  #stopping = false;
  #fatal: StoryreelError | null = null;
  #wake: (() => void) | null = null;
  #start = 0;
  readonly #notFoundGraceMs: number;

  constructor(options: RunOptions) {
    this.#o = options;
    this.#clock = options.clock ?? systemClock;
    this.#planner = new PollPlanner({
      minIntervalMs: options.pollIntervalMs,
      ...(options.timingSeed ? { seed: options.timingSeed } : {}),
    });
    this.#credits = new CreditGuard(options.maxCredits ?? null);
    this.#notFoundGraceMs =
      options.notFoundGraceMs ??
      Math.max(MIN_NOT_FOUND_GRACE_MS, NOT_FOUND_GRACE_POLLS * options.pollIntervalMs);
    // Every poll and download in flight listens on the stop signal.
    setMaxListeners(0, this.#stop.signal);
  }

  async run(): Promise<RunResult> {
    this.#start = this.#clock.now();
    const onAbort = (): void => this.#halt();
    if (this.#o.signal?.aborted) this.#halt();
    this.#o.signal?.addEventListener("abort", onAbort, { once: true });
    try {
      this.#announce();
      this.#pump();
      await this.#loop();
    } finally {
      this.#o.signal?.removeEventListener("abort", onAbort);
    }
    const counts = countOutcomes(this.#o.entries, this.#o.store);
    const elapsedMs = this.#clock.now() - this.#start;
    this.#emit({
      type: "run_finished",
      at: this.#clock.wallNow().toISOString(),
      elapsed_ms: Math.round(elapsedMs),
      counts,
      credits_used: this.#creditsUsed,
      interrupted: this.#stopping && this.#fatal === null,
      fatal: this.#fatal ? { code: this.#fatal.code, message: this.#fatal.message } : null,
    });
    // Read after run_finished: a listener that threw on it is reported too.
    return {
      counts,
      creditsUsed: this.#creditsUsed,
      interrupted: this.#stopping && this.#fatal === null,
      fatal: this.#fatal,
      elapsedMs,
      polls: this.#polls,
      timings: this.#timings,
      learned: this.#planner.snapshot(),
    };
  }

  #announce(): void {
    const entries = this.#o.entries;
    const count = (action: PlanEntry["action"]): number => entries.filter((e) => e.action === action).length;
    this.#emit({
      type: "run_started",
      at: this.#clock.wallNow().toISOString(),
      total: entries.length,
      toSubmit: count("submit"),
      toResume: count("resume"),
      upToDate: count("skip"),
      excluded: count("excluded"),
      concurrency: this.#o.concurrency,
    });
    for (const entry of entries) {
      const { shot } = entry;
      if (entry.action === "skip" || entry.action === "excluded") {
        const status = this.#o.store.shot(shot.id).status;
        this.#emit({ type: "shot_skipped", id: shot.id, index: shot.index, reason: entry.reason, status });
      } else if (entry.action === "resume") {
        this.#resume(entry);
      } else {
        this.#queue.push(entry);
      }
    }
  }

  /** The main loop: fire due polls until nothing is left to do (or, when stopping, nothing is under way). */
  async #loop(): Promise<void> {
    for (;;) {
      if (this.#settled()) return;
      const due = this.#stopping ? undefined : this.#heap.peekKey();
      if (due === undefined) {
        await new Promise<void>((resolve) => (this.#wake = resolve));
        continue;
      }
      const wait = due - this.#clock.now();
      if (wait > 0) {
        const sleeper = new AbortController();
        this.#wake = () => sleeper.abort();
        await this.#clock.sleep(wait, sleeper.signal).catch(() => undefined);
        continue;
      }
      const item = this.#heap.pop();
      if (item?.kind === "shot" && item.version === item.active.version && this.#active.has(item.active)) {
        void this.#pollOne(item.active);
      } else if (item?.kind === "probe" && item.version === this.#cohorts.get(item.model)?.version) {
        this.#probe(item.model);
      }
    }
  }

  #settled(): boolean {
    const busy = this.#submitting > 0 || this.#polling > 0 || this.#downloads > 0;
    if (busy) return false;
    if (this.#stopping) return true;
    return this.#active.size === 0 && this.#nextEntry(false) === undefined;
  }

  #notify(): void {
    const wake = this.#wake;
    this.#wake = null;
    wake?.();
  }

  #halt(): void {
    if (this.#stopping) return;
    this.#stopping = true;
    this.#stop.abort(new StoryreelError("E_INTERRUPTED", "the run was stopped"));
    for (const release of this.#downloadWaiting.splice(0)) release();
    this.#notify();
  }

  #setFatal(err: StoryreelError): void {
    this.#fatal ??= err;
    this.#halt();
  }

  // ── submissions ──────────────────────────────────────────────────────────

  #nextEntry(take: boolean): PlanEntry | undefined {
    if (this.#retryQueue.length > 0) return take ? this.#retryQueue.shift() : this.#retryQueue[0];
    const entry = this.#queue[this.#queueIndex];
    if (take && entry) this.#queueIndex += 1;
    return entry;
  }

  #pump(): void {
    while (!this.#stopping && this.#inFlight < this.#o.concurrency) {
      const entry = this.#nextEntry(true);
      if (!entry) return;
      this.#inFlight += 1;
      this.#submitting += 1;
      void this.#submit(entry).finally(() => {
        this.#submitting -= 1;
        this.#notify();
      });
    }
  }

  #freeSlot(): void {
    this.#inFlight -= 1;
    this.#pump();
    this.#notify();
  }

  async #submit(entry: PlanEntry): Promise<void> {
    const { shot } = entry;
    const estimate = this.#estimate(shot);
    if (estimate === undefined) {
      this.#freeSlot();
      return;
    }
    const decision = this.#credits.reserve(shot, estimate);
    if (!decision.ok) {
      this.#skip(entry, decision.error);
      this.#freeSlot();
      return;
    }
    let body: Record<string, unknown>;
    try {
      body = await this.#o.buildBody(shot);
    } catch (err) {
      this.#credits.release(shot.id);
      this.#onSubmitError(entry, err, null);
      this.#freeSlot();
      return;
    }
    const before = await this.#recordIntent(entry);
    if (before === null) {
      this.#credits.release(shot.id);
      this.#freeSlot();
      return;
    }
    let result: GenerationResult;
    try {
      // The stop signal abandons a submission still waiting (429 pause, retry backoff, not yet sent).
      result = await this.#o.client.submit(body, { signal: this.#stop.signal });
    } catch (err) {
      const paidId = knownGenerationId(err);
      if (paidId === null) {
        this.#credits.release(shot.id);
        this.#onSubmitError(entry, err, before);
        this.#freeSlot();
        return;
      }
      // The answer was unusable but named the generation: it exists, so record it and poll it.
      this.#emit({
        type: "warning",
        id: shot.id,
        message: `${toShotError(err).message}; polling generation ${paidId}`,
      });
      result = { id: paidId, status: "queued", videoUrl: null, error: null, creditsUsed: null };
    }
    const submittedAt = this.#clock.now();
    const submittedWall = this.#clock.wallNow().toISOString();
    const durable = this.#o.store.recordSubmission(shot.id, {
      generation_id: result.id,
      submitted_at: submittedWall,
      input_hash: shot.inputHash,
    });
    durable.catch((err: unknown) => {
      this.#setFatal(
        new StoryreelError("E_MANIFEST_IO", `cannot record generation ${result.id} in the manifest`, {
          cause: err,
        }),
      );
    });
    this.#o.store.update(shot.id, {
      polls: 0,
      completed_at: null,
      video_url: null,
      clip: null,
      credits_used: null,
    });
    const active = this.#track(entry, result.id, {
      origin: "submitted",
      submittedAt,
      trackedFrom: submittedAt,
      durable,
    });
    this.#emit({
      type: "shot_submitted",
      id: shot.id,
      index: shot.index,
      generation_id: result.id,
      resumed: false,
    });
    if (PENDING.has(result.status)) {
      this.#schedule(active);
    } else {
      await durable.catch(() => undefined);
      this.#onResult(active, result, 0);
    }
  }

  /**
   * The shot's estimated credits (null: unknown). A throwing estimateCredits is a bug of the caller: like a
   * throwing listener, it stops the run gracefully with fatal E_ESTIMATE_CREDITS (its `cause` is what was
   * thrown) and the shot is not submitted (undefined).
   */
  #estimate(shot: ResolvedShot): number | null | undefined {
    try {
      return this.#o.estimateCredits?.(shot) ?? null;
    } catch (err) {
      const why = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      this.#setFatal(
        new StoryreelError(
          "E_ESTIMATE_CREDITS",
          `estimating the credits of shot ${shot.id} threw (${why}); it was not submitted and the run was stopped, in-flight generations are kept for the next run`,
          { cause: err },
        ),
      );
      return undefined;
    }
  }

  /**
   * Records (written, not fsync'd: see ManifestStore.recordIntent) that the shot's submission is about to leave:
   * its fresh record, `unknown` with E_SUBMIT_INTERRUPTED, so a run that dies with the POST on the wire (kill -9,
   * a second Ctrl-C) leaves a shot that may have been charged, never a pending one. Returns the record as it was
   * (to revert to if nothing is sent or created), or null when nothing may be sent: the run is stopping, or the
   * intent could not be written (fatal E_MANIFEST_IO).
   */
  async #recordIntent(entry: PlanEntry): Promise<ShotRecord | null> {
    const { shot } = entry;
    const store = this.#o.store;
    if (this.#stopping) {
      this.#withdraw(shot.id, null, this.#stop.signal.reason);
      return null;
    }
    const before = { ...store.shot(shot.id) };
    try {
      await store.recordIntent(shot.id, intentPatch(before, shot, this.#o.backend));
    } catch (err) {
      const fatal = new StoryreelError(
        "E_MANIFEST_IO",
        `cannot record in the manifest that ${shot.id} is being submitted, so it was not submitted`,
        { cause: err },
      );
      store.update(shot.id, revertPatch(store.shot(shot.id), before, toShotError(fatal)));
      this.#setFatal(fatal);
      return null;
    }
    if (this.#stopping) {
      this.#withdraw(shot.id, before, this.#stop.signal.reason);
      return null;
    }
    const earlier = entry.previous;
    if (earlier?.status === "unknown") {
      this.#emit({
        type: "warning",
        id: shot.id,
        message: `submitting ${shot.id} again, although its last submission may have been created and charged (${earlier.error?.code ?? "unknown outcome"}): check the AIML usage page`,
      });
    }
    return before;
  }

  /**
   * A submission that did not happen or created nothing (stopped before it was sent, refused with 401/403):
   * the shot goes back to its record from before the intent (`before`; null when none was written). A pending
   * shot notes why it is still pending; any other keeps its status and error, so --failed selects it again.
   */
  #withdraw(id: string, before: ShotRecord | null, why: unknown): void {
    const current = this.#o.store.shot(id);
    const patch = revertPatch(current, before ?? current, toShotError(why));
    if (Object.keys(patch).length > 0) this.#o.store.update(id, patch);
  }

  /** `before`: the record before the intent, null when the submission failed before one was written. */
  #onSubmitError(entry: PlanEntry, err: unknown, before: ShotRecord | null): void {
    const error = toShotError(err);
    const { shot } = entry;
    // First: a submission that may have been paid for is unknown, even when the run is stopping.
    if (hasCode(err, "E_SUBMIT_UNKNOWN")) {
      this.#finish(entry, "unknown", null, error);
      return;
    }
    if (hasCode(err, ...STOPPING_CODES)) {
      this.#withdraw(shot.id, before, err);
      this.#setFatal(err);
      return;
    }
    if (hasCode(err, "E_INTERRUPTED") || this.#stop.signal.aborted) {
      this.#withdraw(shot.id, before, err);
      return;
    }
    // A failure of the new request (refused, a frame changed, …): the shot's record is the new one, failed.
    if (before === null) {
      this.#o.store.update(shot.id, restartPatch(this.#o.store.shot(shot.id), shot, this.#o.backend));
    }
    this.#finish(entry, "failed", null, error);
  }

  #resume(entry: PlanEntry): void {
    const previous = entry.previous;
    if (!previous?.generation_id) return;
    const now = this.#clock.now();
    const submittedWall = previous.submitted_at ? Date.parse(previous.submitted_at) : Number.NaN;
    const ageAtStart = Number.isNaN(submittedWall)
      ? 0
      : Math.max(0, this.#clock.wallNow().getTime() - submittedWall);
    this.#inFlight += 1;
    this.#o.store.update(entry.shot.id, { status: "submitted", error: null });
    const active = this.#track(entry, previous.generation_id, {
      origin: "resumed",
      submittedAt: now - ageAtStart,
      trackedFrom: now,
      durable: Promise.resolve(),
    });
    this.#emit({
      type: "shot_submitted",
      id: entry.shot.id,
      index: entry.shot.index,
      generation_id: previous.generation_id,
      resumed: true,
    });
    this.#schedule(active, now);
  }

  #track(
    entry: PlanEntry,
    generationId: string,
    how: { origin: Active["origin"]; submittedAt: number; trackedFrom: number; durable: Promise<void> },
  ): Active {
    const { submittedAt, trackedFrom, durable } = how;
    const model = entry.shot.model;
    const timing: ShotTiming = {
      id: entry.shot.id,
      model,
      submittedMs: submittedAt - this.#start,
      detectedMs: null,
      polls: 0,
    };
    this.#timings.push(timing);
    const active: Active = {
      entry,
      generationId,
      origin: how.origin,
      notFoundSince: null,
      submittedAt,
      deadline: trackedFrom + this.#o.shotTimeoutMs,
      lastPollAge: null,
      lastPendingAge: null,
      lastStatus: "submitted",
      polls: 0,
      polling: false,
      version: 0,
      durable,
      timing,
    };
    this.#active.add(active);
    let peers = this.#byModel.get(model);
    if (!peers) this.#byModel.set(model, (peers = new Set()));
    peers.add(active);
    return active;
  }

  #untrack(active: Active): void {
    active.version += 1;
    this.#active.delete(active);
    this.#byModel.get(active.entry.shot.model)?.delete(active);
    this.#cohorts.get(active.entry.shot.model)?.members.delete(active);
  }

  // ── polling ──────────────────────────────────────────────────────────────

  #schedule(active: Active, at?: number): void {
    const model = active.entry.shot.model;
    active.version += 1;
    if (at === undefined && !this.#planner.isWarm(model)) {
      this.#joinCohort(active);
      return;
    }
    const planned = active.submittedAt + this.#planner.nextPollAge(model, active.lastPollAge);
    const due = Math.min(at ?? planned, Math.max(active.deadline, this.#clock.now()));
    this.#heap.push(due, { kind: "shot", active, version: active.version });
    this.#notify();
  }

  #joinCohort(active: Active): void {
    const model = active.entry.shot.model;
    let cohort = this.#cohorts.get(model);
    if (!cohort)
      this.#cohorts.set(
        model,
        (cohort = { members: new Set(), version: 0, probeScheduled: false, probeStalest: false }),
      );
    cohort.members.add(active);
    if (!cohort.probeScheduled)
      this.#scheduleProbe(model, cohort, this.#clock.now() + this.#o.pollIntervalMs / 2);
  }

  #scheduleProbe(model: string, cohort: Cohort, due: number): void {
    cohort.version += 1;
    cohort.probeScheduled = true;
    this.#heap.push(due, { kind: "probe", model, version: cohort.version });
    this.#notify();
  }

  /**
   * A cold model's shots were submitted at about the same time and take about as long, so polling the
   * oldest one (not polled within the minimum interval) stands for all: the first completion is seen
   * within one probe interval, and the cost grows with elapsed time, not with the number of shots.
   * Every other probe polls the member polled longest ago instead, so a slow or stuck oldest shot never
   * starves the rest, and no member goes unpolled longer than the planner's longest interval.
   * Shots past their deadline get their last poll here too.
   */
  #probe(model: string): void {
    const cohort = this.#cohorts.get(model);
    if (!cohort) return;
    cohort.probeScheduled = false;
    if (cohort.members.size === 0) {
      this.#cohorts.delete(model);
      return;
    }
    const now = this.#clock.now();
    const lastPollAt = (member: Active): number =>
      member.lastPollAge === null ? -Infinity : member.submittedAt + member.lastPollAge;
    let oldest: Active | null = null;
    let stalest: Active | null = null;
    for (const member of cohort.members) {
      if (member.polling || now - lastPollAt(member) < this.#o.pollIntervalMs) continue;
      // Never polled: stale since its submission, not since forever.
      const quietFor = now - Math.max(lastPollAt(member), member.submittedAt);
      if (now >= member.deadline || quietFor >= this.#planner.maxIntervalMs) {
        void this.#pollOne(member);
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
    if (pick) void this.#pollOne(pick);
    let oldestAge = 0;
    for (const member of cohort.members) oldestAge = Math.max(oldestAge, now - member.submittedAt);
    this.#scheduleProbe(model, cohort, now + this.#planner.probeIntervalMs(oldestAge));
  }

  async #pollOne(active: Active): Promise<void> {
    this.#polling += 1;
    active.polling = true;
    try {
      try {
        await active.durable;
      } catch {
        return; // not durable: the run is stopping with E_MANIFEST_IO
      }
      if (this.#stopping) return;
      const ageBefore = this.#clock.now() - active.submittedAt;
      let result: GenerationResult;
      try {
        result = await this.#o.client.poll(active.generationId, { signal: this.#stop.signal });
      } catch (err) {
        this.#onPollError(active, err, ageBefore);
        return;
      }
      if (!this.#active.has(active)) return;
      active.polls += 1;
      this.#polls += 1;
      active.timing.polls = active.polls;
      this.#onResult(active, result, ageBefore);
    } finally {
      active.polling = false;
      this.#polling -= 1;
      this.#notify();
    }
  }

  #onResult(active: Active, result: GenerationResult, ageBefore: number): void {
    const { shot } = active.entry;
    active.notFoundSince = null;
    this.#o.store.update(shot.id, { polls: active.polls });
    if (PENDING.has(result.status)) {
      active.lastPollAge = ageBefore;
      active.lastPendingAge = ageBefore;
      if (result.status !== active.lastStatus) {
        active.lastStatus = result.status;
        this.#emitStatus(active, result.status);
      } else {
        this.#emit({
          type: "shot_polled",
          id: shot.id,
          index: shot.index,
          status: result.status,
          polls: active.polls,
          elapsed_ms: this.#elapsed(active),
        });
      }
      if (this.#clock.now() >= active.deadline) this.#timeOut(active);
      else this.#schedule(active);
      return;
    }
    const ageAfter = this.#clock.now() - active.submittedAt;
    active.timing.detectedMs = active.timing.submittedMs + ageAfter;
    this.#untrack(active);
    if (this.#planner.observe(shot.model, active.lastPendingAge, ageAfter)) this.#rescheduleModel(shot.model);
    this.#creditsUsed += result.creditsUsed ?? 0;
    this.#credits.settle(shot.id, result.creditsUsed);
    this.#freeSlot();
    if (result.status === "completed" && result.videoUrl) {
      this.#o.store.update(shot.id, {
        video_url: result.videoUrl,
        credits_used: result.creditsUsed,
        completed_at: this.#clock.wallNow().toISOString(),
      });
      this.#emitStatus(active, "downloading");
      void this.#download(active, result.videoUrl);
      return;
    }
    const error: ShotError =
      result.status === "completed"
        ? {
            code: "E_API_MALFORMED",
            message: "the API reported the generation completed but gave no video url",
          }
        : {
            code: "E_GENERATION_FAILED",
            message: result.error?.message ?? `the generation ended with status ${result.status}`,
          };
    this.#o.store.update(shot.id, { credits_used: result.creditsUsed });
    this.#finish(active.entry, "failed", active, error);
  }

  /** The first completion of a model tells everyone else of that model when to look. */
  #rescheduleModel(model: string): void {
    this.#cohorts.delete(model);
    for (const peer of this.#byModel.get(model) ?? []) if (!peer.polling) this.#schedule(peer);
  }

  #onPollError(active: Active, err: unknown, ageBefore: number): void {
    if (this.#stopping || !this.#active.has(active)) return;
    const { shot } = active.entry;
    if (hasCode(err, ...STOPPING_CODES)) {
      this.#setFatal(err);
      return;
    }
    if (hasCode(err, "E_API_NOT_FOUND")) {
      this.#onNotFound(active, toShotError(err), ageBefore);
      return;
    }
    // The generation is paid for: keep looking (the client already retried) until the shot's deadline.
    active.lastPollAge = ageBefore;
    const error = toShotError(err);
    this.#o.store.update(shot.id, { error });
    this.#emit({
      type: "warning",
      id: shot.id,
      message: `polling ${shot.id} failed (${error.code}); will try again`,
    });
    if (this.#clock.now() >= active.deadline) {
      this.#timeOut(active);
      return;
    }
    const due = this.#clock.now() + Math.max(this.#o.pollIntervalMs, TRANSIENT_POLL_BACKOFF_MS);
    this.#schedule(active, due);
  }

  /**
   * 404 for a generation id. One carried over from an earlier run is gone: its shot is submitted again (once:
   * the new generation is "submitted"). One this run paid for may just not be visible yet: keep polling for
   * the grace period, then fail the shot E_GENERATION_LOST — never pay again in the same run; the next run
   * polls it once more and submits again only if that poll is a 404 too.
   */
  #onNotFound(active: Active, error: ShotError, ageBefore: number): void {
    const { shot } = active.entry;
    const id = active.generationId;
    if (active.origin === "resumed") {
      this.#untrack(active);
      this.#emit({
        type: "warning",
        id: shot.id,
        message: `the API no longer knows generation ${id} (404): submitting ${shot.id} again`,
      });
      this.#o.store.update(shot.id, { status: "pending", generation_id: null, submitted_at: null });
      this.#retryQueue.push(active.entry);
      this.#freeSlot();
      return;
    }
    const now = this.#clock.now();
    active.lastPollAge = ageBefore;
    const graceEnd = (active.notFoundSince ??= now) + this.#notFoundGraceMs;
    const seconds = Math.round(this.#notFoundGraceMs / 1000);
    if (now >= graceEnd || now >= active.deadline) {
      this.#untrack(active);
      this.#freeSlot();
      const lastedS = Math.round((now - active.notFoundSince) / 1000);
      this.#finish(active.entry, "failed", active, {
        code: "E_GENERATION_LOST",
        message: `the API does not know generation ${id}, submitted in this run (404 for ${lastedS} s); it was not submitted again: render again to poll it once more (it is submitted again only if the API still answers 404)`,
      });
      return;
    }
    this.#o.store.update(shot.id, { error });
    if (now === active.notFoundSince) {
      this.#emit({
        type: "warning",
        id: shot.id,
        message: `the API does not know generation ${id} yet (404); polling it for up to ${seconds} s before giving up`,
      });
    }
    const step = Math.max(
      this.#o.pollIntervalMs,
      Math.min(TRANSIENT_POLL_BACKOFF_MS, this.#notFoundGraceMs / NOT_FOUND_LOOKS),
    );
    this.#schedule(active, Math.min(now + step, graceEnd));
  }

  #timeOut(active: Active): void {
    this.#untrack(active);
    this.#freeSlot();
    const seconds = Math.round(this.#o.shotTimeoutMs / 1000);
    this.#finish(active.entry, "failed", active, {
      code: "E_SHOT_TIMEOUT",
      message: `no result within ${seconds} s (--shot-timeout); generation ${active.generationId} may still finish: render again to poll it instead of paying again`,
    });
  }

  // ── downloads ────────────────────────────────────────────────────────────

  async #download(active: Active, url: string): Promise<void> {
    const { shot } = active.entry;
    this.#downloads += 1;
    try {
      await this.#downloadSlot();
      if (this.#stopping) return;
      this.#downloadsRunning += 1;
      try {
        const outcome = await this.#o.download({
          shot,
          url,
          relPath: this.#o.clipPath(shot),
          signal: this.#stop.signal,
        });
        this.#o.store.update(shot.id, {
          status: "completed",
          clip: { path: outcome.relPath, bytes: outcome.bytes, sha256: outcome.sha256 },
          warnings: outcome.warnings,
          error: null,
        });
        this.#emit({
          type: "shot_completed",
          id: shot.id,
          index: shot.index,
          generation_id: active.generationId,
          clip: outcome.relPath,
          bytes: outcome.bytes,
          polls: active.polls,
          credits_used: this.#o.store.shot(shot.id).credits_used,
          elapsed_ms: this.#elapsed(active),
          warnings: outcome.warnings,
        });
      } catch (err) {
        if (this.#stopping) return;
        this.#finish(active.entry, "failed", active, toShotError(err));
      } finally {
        this.#downloadsRunning -= 1;
        this.#downloadWaiting.shift()?.();
      }
    } finally {
      this.#downloads -= 1;
      this.#notify();
    }
  }

  async #downloadSlot(): Promise<void> {
    if (this.#downloadsRunning < (this.#o.downloadConcurrency ?? 4)) return;
    await new Promise<void>((resolve) => this.#downloadWaiting.push(resolve));
  }

  // ── outcomes and events ──────────────────────────────────────────────────

  /** A shot the run decided not to submit (--max-credits): nothing was paid. */
  #skip(entry: PlanEntry, error: ShotError): void {
    const { shot } = entry;
    this.#o.store.update(shot.id, { status: "skipped", error });
    this.#emit({
      type: "shot_skipped",
      id: shot.id,
      index: shot.index,
      reason: error.message,
      status: "skipped",
      error,
    });
  }

  #finish(entry: PlanEntry, status: ShotStatus, active: Active | null, error: ShotError): void {
    const { shot } = entry;
    this.#o.store.update(shot.id, { status, error });
    this.#emit({
      type: "shot_failed",
      id: shot.id,
      index: shot.index,
      status,
      generation_id: active?.generationId ?? null,
      error,
      polls: active?.polls ?? 0,
      elapsed_ms: active ? this.#elapsed(active) : 0,
    });
  }

  #emitStatus(active: Active, status: string): void {
    const { shot } = active.entry;
    this.#emit({
      type: "shot_status",
      id: shot.id,
      index: shot.index,
      status,
      polls: active.polls,
      elapsed_ms: this.#elapsed(active),
    });
  }

  #elapsed(active: Active): number {
    return Math.round(this.#clock.now() - active.submittedAt);
  }

  /**
   * A listener that throws must not leave the run half-way (counters off, promises never settled): it is
   * caught here, the run stops gracefully like an interrupt — paid ids are all in the manifest and in-flight
   * generations are resumed by the next run — and `runPlan` resolves with fatal E_EVENT_LISTENER, so the
   * caller sees the bug and still gets a consistent manifest and counts. Later events are still delivered.
   */
  #emit(event: DistributiveOmit<RunEvent, "t">): void {
    const onEvent = this.#o.onEvent;
    if (!onEvent) return;
    try {
      onEvent({ ...event, t: Math.round(this.#clock.now() - this.#start) });
    } catch (err) {
      const why = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      this.#setFatal(
        new StoryreelError(
          "E_EVENT_LISTENER",
          `the onEvent listener threw on a ${event.type} event (${why}); the run was stopped, in-flight generations are kept for the next run`,
          { cause: err },
        ),
      );
    }
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The generation id an unusable submit answer still carried (see ApiError.generationId), if any. */
function knownGenerationId(err: unknown): string | null {
  if (!hasCode(err, "E_SUBMIT_UNKNOWN")) return null;
  const id = (err as { generationId?: unknown }).generationId;
  return typeof id === "string" && id !== "" ? id : null;
}

function toShotError(err: unknown): ShotError {
  if (err instanceof StoryreelError) return { code: err.code, message: err.message };
  if (err instanceof Error) return { code: "E_UNEXPECTED", message: err.message };
  return { code: "E_UNEXPECTED", message: String(err) };
}
