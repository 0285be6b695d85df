// Runs a plan: the coordinator of the parts — ready queue, submissions, poll queue, decisions, downloads, recorder.
import { setMaxListeners } from "node:events";
import type { Clock } from "../util/clock.js";
import { systemClock } from "../util/clock.js";
import { StoryreelError } from "../util/errors.js";
import { countOutcomes } from "./counts.js";
import { CreditGuard } from "./credit-guard.js";
import { Downloads } from "./downloads.js";
import type { PlanEntry } from "./plan.js";
import {
  decidePollError,
  decideResult,
  defaultNotFoundGraceMs,
  PENDING_STATUSES,
  timeoutError,
} from "./poll-decisions.js";
import type { PollRules } from "./poll-decisions.js";
import { PollPlanner } from "./poll-planner.js";
import { PollQueue } from "./poll-queue.js";
import { readySource } from "./ready-source.js";
import type { ReadyQueue } from "./ready-queue.js";
import { RunRecorder } from "./recorder.js";
import type { GenerationResult, RunOptions, RunResult, ShotTiming } from "./run-types.js";
import { resumedHow, trackedShot } from "./tracked-shot.js";
import type { Tracked, TrackHow } from "./tracked-shot.js";
import { Submitter } from "./submission.js";
import type { Submission } from "./submission.js";
import { runIdAt } from "./request-ids.js";

export function runPlan(options: RunOptions): Promise<RunResult> {
  return new Run(options).run();
}

/**
 * Owns no counters: whether the run is over is read off what is under way — submissions (each holding a
 * generation slot), generations followed (each holding one), polls being answered, downloads — and the ready
 * queue. A slot is free whenever those two sets are smaller than the concurrency; every change to them pumps.
 */
class Run {
  readonly #o: RunOptions;
  readonly #clock: Clock;
  readonly #rules: PollRules;
  readonly #planner: PollPlanner;
  readonly #credits: CreditGuard;
  readonly #queue: PollQueue;
  readonly #ready: ReadyQueue;
  readonly #startReady: () => void;
  readonly #recorder: RunRecorder;
  readonly #submitter: Submitter;
  readonly #downloads: Downloads;
  readonly #stop = new AbortController();
  readonly #submitting = new Set<PlanEntry>();
  readonly #tracked = new Map<string, Tracked>();
  readonly #polling = new Set<Tracked>();
  readonly #timings: ShotTiming[] = [];
  #polls = 0;
  #creditsUsed = 0;
  #stopping = false;
  #fatal: StoryreelError | null = null;
  #wake: (() => void) | null = null;

  constructor(options: RunOptions) {
    this.#o = options;
    this.#clock = options.clock ?? systemClock;
    this.#rules = {
      pollIntervalMs: options.pollIntervalMs,
      shotTimeoutMs: options.shotTimeoutMs,
      notFoundGraceMs: options.notFoundGraceMs ?? defaultNotFoundGraceMs(options.pollIntervalMs),
    };
    this.#planner = new PollPlanner({
      minIntervalMs: options.pollIntervalMs,
      ...(options.timingSeed ? { seed: options.timingSeed } : {}),
    });
    this.#credits = new CreditGuard(options.maxCredits ?? null);
    this.#queue = new PollQueue({ planner: this.#planner, minIntervalMs: options.pollIntervalMs });
    this.#recorder = new RunRecorder({
      store: options.store,
      clock: this.#clock,
      ...(options.onEvent ? { onEvent: options.onEvent } : {}),
      onFatal: (err) => this.#setFatal(err),
      onOutcome: (id, status) => this.#ready.finished(id, status),
    });
    const ready = readySource({ ...options, recorder: this.#recorder, now: () => this.#clock.now() });
    [this.#ready, this.#startReady] = [ready.queue, ready.start];
    this.#submitter = new Submitter({
      client: options.client,
      recorder: this.#recorder,
      credits: this.#credits,
      buildBody: options.buildBody,
      ...(options.estimateCredits ? { estimateCredits: options.estimateCredits } : {}),
      backend: options.backend,
      clock: this.#clock,
      stop: this.#stop.signal,
      fatal: (err) => this.#setFatal(err),
      ...(options.hooks ? { hooks: options.hooks } : {}),
      runId: options.runId ?? runIdAt(this.#clock.wallNow()),
      ...(options.reconcileDelayMs !== undefined ? { reconcileDelayMs: options.reconcileDelayMs } : {}),
    });
    this.#downloads = new Downloads({
      concurrency: options.downloadConcurrency ?? 4,
      download: options.download,
      clipPath: options.clipPath,
      recorder: this.#recorder,
      stop: this.#stop.signal,
      onSettled: () => this.#changed(),
    });
    // Every poll and download in flight listens on the stop signal.
    setMaxListeners(0, this.#stop.signal);
  }

  async run(): Promise<RunResult> {
    this.#recorder.start();
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
    const counts = countOutcomes(this.#o.entries, this.#o.store, this.#recorder.runOutcomes());
    const elapsedMs = this.#recorder.elapsedMs();
    const interrupted = this.#stopping && this.#fatal === null;
    this.#recorder.finished({ counts, creditsUsed: this.#creditsUsed, interrupted, fatal: this.#fatal });
    // Read after run_finished: a listener that threw on it is reported too.
    return {
      counts,
      creditsUsed: this.#creditsUsed,
      interrupted,
      fatal: this.#fatal,
      elapsedMs,
      polls: this.#polls,
      timings: this.#timings,
      learned: this.#planner.snapshot(),
    };
  }

  /** run_started, then each shot in order: left alone, or (a generation of an earlier run) followed again. */
  #announce(): void {
    this.#recorder.started(this.#o.entries, this.#o.concurrency, this.#o.backend);
    for (const entry of this.#o.entries) {
      if (entry.action === "skip" || entry.action === "excluded") this.#recorder.leftAlone(entry);
      else if (entry.action === "resume") this.#resume(entry);
    }
    this.#startReady();
  }

  /** The main loop: start due polls until the run is over (or, when stopping, nothing is under way). */
  async #loop(): Promise<void> {
    for (;;) {
      if (this.#over()) return;
      const due = this.#stopping ? undefined : this.#queue.nextDue();
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
      for (const id of this.#queue.due(this.#clock.now())) {
        const tracked = this.#tracked.get(id);
        if (tracked) void this.#poll(tracked);
      }
    }
  }

  #over(): boolean {
    if (this.#submitting.size > 0 || this.#polling.size > 0 || this.#downloads.size > 0) return false;
    return this.#stopping || (this.#tracked.size === 0 && !this.#ready.pending());
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
    this.#downloads.clear();
    this.#notify();
  }

  #setFatal(err: StoryreelError): void {
    this.#fatal ??= err;
    this.#halt();
  }

  // ── submissions ──────────────────────────────────────────────────────────

  /** Starts submissions while a generation slot is free: slots are held by submissions and followed generations. */
  #pump(): void {
    while (!this.#stopping && this.#submitting.size + this.#tracked.size < this.#o.concurrency) {
      const entry = this.#ready.next();
      if (!entry) return;
      this.#submitting.add(entry);
      void this.#submit(entry);
    }
  }

  async #submit(entry: PlanEntry): Promise<void> {
    let submission: Submission = { kind: "none" };
    let tracked: Tracked | null = null;
    try {
      // A chained shot is submitted with its upstream frames bound (RunOptions.prepare; it never throws).
      const sent = this.#o.prepare ? await this.#o.prepare(entry).catch(() => entry) : entry;
      submission = await this.#submitter.submit(sent);
      if (submission.kind === "generation") {
        // The slot passes from the submission to the generation in one step.
        const { generationId, submittedAt, durable } = submission;
        const how = { origin: "submitted", submittedAt, trackedFrom: submittedAt, durable } as const;
        tracked = this.#track(sent, generationId, how);
      }
    } finally {
      this.#submitting.delete(entry);
      this.#changed();
    }
    if (tracked === null || submission.kind !== "generation") return;
    this.#recorder.submittedEvent(tracked, false);
    const { first } = submission;
    if (first === null || PENDING_STATUSES.has(first.status)) {
      this.#schedule(tracked);
      return;
    }
    // Finished in its first answer: handled like a poll's answer, once the id is durable.
    this.#polling.add(tracked);
    try {
      await tracked.durable.catch(() => undefined);
      this.#onResult(tracked, first, 0);
    } finally {
      this.#polling.delete(tracked);
      this.#changed();
    }
  }

  #resume(entry: PlanEntry): void {
    const previous = entry.previous;
    if (!previous?.generation_id) return;
    this.#recorder.apply(entry.shot.id, { type: "resumed" });
    const tracked = this.#track(entry, previous.generation_id, resumedHow(previous, this.#clock));
    this.#recorder.submittedEvent(tracked, true);
    this.#schedule(tracked, this.#clock.now());
  }

  #track(entry: PlanEntry, generationId: string, how: TrackHow): Tracked {
    const { startedAt } = this.#recorder;
    const tracked = trackedShot(entry, generationId, how, {
      startedAt,
      shotTimeoutMs: this.#o.shotTimeoutMs,
    });
    this.#timings.push(tracked.timing);
    const { id, model } = entry.shot;
    this.#tracked.set(id, tracked);
    this.#queue.track({ id, model, submittedAt: tracked.submittedAt, deadline: tracked.deadline });
    return tracked;
  }

  /** The generation is no longer followed: its slot is free. */
  #release(tracked: Tracked): void {
    const id = tracked.entry.shot.id;
    this.#queue.untrack(id);
    if (this.#tracked.get(id) === tracked) this.#tracked.delete(id);
    this.#changed();
  }

  /** Something under way ended: fill free slots, and let the loop look again. */
  #changed(): void {
    this.#pump();
    this.#notify();
  }

  // ── polling ──────────────────────────────────────────────────────────────

  #schedule(tracked: Tracked, at?: number): void {
    this.#queue.schedule(tracked.entry.shot.id, this.#clock.now(), at);
    this.#notify();
  }

  #live(tracked: Tracked): boolean {
    return this.#tracked.get(tracked.entry.shot.id) === tracked;
  }

  async #poll(tracked: Tracked): Promise<void> {
    this.#polling.add(tracked);
    try {
      try {
        await tracked.durable;
      } catch {
        return; // not durable: the run is stopping with E_MANIFEST_IO
      }
      if (this.#stopping) return;
      const ageBefore = this.#clock.now() - tracked.submittedAt;
      let result: GenerationResult;
      try {
        result = await this.#o.client.poll(tracked.generationId, { signal: this.#stop.signal });
      } catch (err) {
        if (!this.#stopping && this.#live(tracked)) this.#onPollError(tracked, err, ageBefore);
        return;
      }
      if (!this.#live(tracked)) return;
      tracked.polls += 1;
      this.#polls += 1;
      tracked.timing.polls = tracked.polls;
      this.#onResult(tracked, result, ageBefore);
    } finally {
      if (this.#live(tracked)) this.#queue.answered(tracked.entry.shot.id);
      this.#polling.delete(tracked);
      this.#changed();
    }
  }

  #onResult(tracked: Tracked, result: GenerationResult, ageBefore: number): void {
    const { shot } = tracked.entry;
    tracked.notFoundSince = null;
    this.#recorder.apply(shot.id, { type: "polled", polls: tracked.polls });
    const now = this.#clock.now();
    const decision = decideResult(result, tracked, now);
    if (decision.kind === "pending") {
      this.#queue.answered(shot.id, ageBefore);
      tracked.lastPendingAge = ageBefore;
      tracked.lastStatus = result.status;
      this.#recorder.status(tracked, result.status, { repeated: !decision.statusChanged });
      if (decision.timedOut) this.#timeOut(tracked);
      else this.#schedule(tracked);
      return;
    }
    const ageAfter = now - tracked.submittedAt;
    tracked.timing.detectedMs = tracked.timing.submittedMs + ageAfter;
    this.#queue.untrack(shot.id);
    if (this.#planner.observe(shot.model, tracked.lastPendingAge, ageAfter))
      this.#queue.warmed(shot.model, now);
    this.#creditsUsed += result.creditsUsed ?? 0;
    this.#credits.settle(shot.id, result.creditsUsed);
    this.#release(tracked);
    if (decision.kind === "generated") {
      this.#recorder.apply(shot.id, {
        type: "generated",
        videoUrl: decision.videoUrl,
        creditsUsed: result.creditsUsed,
        completedAt: this.#clock.wallNow().toISOString(),
      });
      this.#recorder.status(tracked, "downloading");
      this.#downloads.start(tracked, decision.videoUrl);
      return;
    }
    this.#recorder.failed(tracked.entry, "failed", tracked, decision.error, result.creditsUsed);
  }

  #onPollError(tracked: Tracked, err: unknown, ageBefore: number): void {
    const { shot } = tracked.entry;
    const decision = decidePollError(err, { ...tracked, id: shot.id }, this.#clock.now(), this.#rules);
    switch (decision.kind) {
      case "fatal":
        this.#setFatal(decision.error);
        return;
      case "resubmit":
        this.#queue.untrack(shot.id);
        this.#recorder.warning(shot.id, decision.warning);
        this.#recorder.apply(shot.id, { type: "lost" });
        this.#ready.retry(tracked.entry);
        this.#release(tracked);
        return;
      case "lost":
        this.#release(tracked);
        this.#recorder.failed(tracked.entry, "failed", tracked, decision.error);
        return;
      case "wait":
        this.#queue.answered(shot.id, ageBefore);
        tracked.notFoundSince = decision.notFoundSince;
        this.#recorder.apply(shot.id, { type: "poll_failed", error: decision.error });
        if (decision.warning) this.#recorder.warning(shot.id, decision.warning);
        this.#schedule(tracked, decision.at);
        return;
      case "transient":
        // The generation is paid for: keep looking until the shot's deadline.
        this.#queue.answered(shot.id, ageBefore);
        this.#recorder.apply(shot.id, { type: "poll_failed", error: decision.error });
        this.#recorder.warning(shot.id, decision.warning);
        if (decision.timedOut) this.#timeOut(tracked);
        else this.#schedule(tracked, decision.at);
        return;
    }
  }

  #timeOut(tracked: Tracked): void {
    this.#release(tracked);
    this.#recorder.failed(tracked.entry, "failed", tracked, timeoutError(tracked.generationId, this.#rules));
  }
}
