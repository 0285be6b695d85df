// Everything a run says: each record change goes to the manifest store (through the record lifecycle), each event to the listener.
import { recordPatch } from "../manifest/index.js";
import type {
  ManifestStore,
  ReconciliationRecord,
  RecordChange,
  RecordSeed,
  ShotError,
  ShotRecord,
  ShotStatus,
} from "../manifest/index.js";
import type { Clock } from "../util/clock.js";
import { StoryreelError } from "../util/errors.js";
import type { RunCounts, RunEvent } from "./events.js";
import type { PlanEntry } from "./plan.js";

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** An event without its `t`, which the recorder stamps. */
export type EventBody = DistributiveOmit<RunEvent, "t">;

/** What events say of a generation being followed. */
export interface FollowedShot {
  entry: PlanEntry;
  generationId: string;
  polls: number;
  /** Clock time it was submitted (earlier than this run for resumed shots). */
  submittedAt: number;
}

/** A clip on disk: where (relative to the output folder), its size and hash, and what its check noticed. */
export interface ClipOutcome {
  relPath: string;
  bytes: number;
  sha256: string;
  warnings: string[];
}

export interface RecorderOptions {
  store: ManifestStore;
  clock: Clock;
  onEvent?: (event: RunEvent) => void;
  /** A listener threw: the run must stop (see `emit`). */
  onFatal: (err: StoryreelError) => void;
  /** How a shot ended in this run (completed, failed, unknown, skipped): for whatever waits on it. */
  onOutcome?: (id: string, status: ShotStatus) => void;
}

export class RunRecorder {
  readonly #o: RecorderOptions;
  readonly #outcomes = new Map<string, ShotStatus>();
  #start = 0;

  constructor(options: RecorderOptions) {
    this.#o = options;
  }

  get store(): ManifestStore {
    return this.#o.store;
  }

  /** Clock time the run started. */
  get startedAt(): number {
    return this.#start;
  }

  /** The run starts now: every event's `t` counts from here. */
  start(): void {
    this.#start = this.#o.clock.now();
  }

  /**
   * How the shots ended that this run did not submit although it was to: held back (skipped) or refused before
   * any generation existed (failed). Their records may say otherwise (a finished shot keeps its record).
   */
  runOutcomes(): ReadonlyMap<string, ShotStatus> {
    return this.#outcomes;
  }

  /** Applies a change to the shot's record (nothing is written when it changes nothing). */
  apply(id: string, change: RecordChange): void {
    const patch = recordPatch(this.#o.store.shot(id), change);
    if (Object.keys(patch).length > 0) this.#o.store.update(id, patch);
  }

  /** Writes the intent of a submission (see ManifestStore.recordIntent); resolves once it is written. */
  intent(
    id: string,
    seed: RecordSeed,
    backend: string,
    submission: { clientRequestId: string; at: string },
  ): Promise<void> {
    const store = this.#o.store;
    const change = { type: "intent" as const, seed, backend, ...submission };
    return store.recordIntent(id, recordPatch(store.shot(id), change));
  }

  /** Records a paid generation; resolves once its id is durable. */
  submitted(
    id: string,
    submission: { generationId: string; submittedAt: string; inputHash: string },
  ): Promise<void> {
    return this.#o.store.recordSubmission(id, {
      generation_id: submission.generationId,
      submitted_at: submission.submittedAt,
      input_hash: submission.inputHash,
    });
  }

  /** What the request logs said about the shot's previous submission: on its record, and as an event. */
  reconciled(entry: PlanEntry, reconciliation: ReconciliationRecord): void {
    this.apply(entry.shot.id, { type: "reconciled", reconciliation });
    const { at: _at, ...said } = reconciliation;
    this.emit({ type: "shot_reconciled", id: entry.shot.id, index: entry.shot.index, ...said });
  }

  /** Back to `before` (null: the record as it is): nothing was sent, or nothing was created. */
  withdraw(id: string, before: ShotRecord | null, why: ShotError): void {
    this.apply(id, { type: "withdrawn", before: before ?? this.#o.store.shot(id), why });
  }

  /**
   * The run did not submit the shot — held back (`skipped`: --max-credits) or its request failed before any
   * generation existed (`failed`) — and says so; the record keeps what it holds (see the record lifecycle).
   */
  notSubmitted(
    entry: PlanEntry,
    outcome: { status: "skipped" | "failed"; error: ShotError; before: ShotRecord },
    seed: () => RecordSeed,
    backend: string,
  ): void {
    const { shot } = entry;
    const { status, error, before } = outcome;
    this.apply(shot.id, { type: "not_submitted", outcome: status, error, before, seed: seed(), backend });
    this.#outcomes.set(shot.id, status);
    this.#o.onOutcome?.(shot.id, status);
    if (status === "skipped") {
      this.emit({
        type: "shot_skipped",
        id: shot.id,
        index: shot.index,
        reason: error.message,
        status,
        error,
      });
    } else {
      this.#failedEvent(entry, "failed", null, error);
    }
  }

  /** A shot ends failed or unknown (`creditsUsed`: what the API said the generation cost, if it answered). */
  failed(
    entry: PlanEntry,
    status: "failed" | "unknown",
    shot: FollowedShot | null,
    error: ShotError,
    creditsUsed?: number | null,
  ): void {
    const id = entry.shot.id;
    this.apply(
      id,
      status === "unknown" && shot === null
        ? { type: "submit_unknown", error }
        : { type: "failed", status, error, ...(creditsUsed === undefined ? {} : { creditsUsed }) },
    );
    this.#o.onOutcome?.(id, status);
    this.#failedEvent(entry, status, shot, error);
  }

  completed(shot: FollowedShot, clip: ClipOutcome): void {
    const { id, index } = shot.entry.shot;
    this.apply(id, {
      type: "downloaded",
      clip: { path: clip.relPath, bytes: clip.bytes, sha256: clip.sha256 },
      warnings: clip.warnings,
    });
    this.#o.onOutcome?.(id, "completed");
    this.emit({
      type: "shot_completed",
      id,
      index,
      generation_id: shot.generationId,
      clip: clip.relPath,
      bytes: clip.bytes,
      polls: shot.polls,
      credits_used: this.#o.store.shot(id).credits_used,
      elapsed_ms: this.#elapsed(shot),
      warnings: clip.warnings,
      simulated: this.#o.store.shot(id).backend === "simulator",
    });
  }

  started(entries: readonly PlanEntry[], concurrency: number, backend: string): void {
    const count = (action: PlanEntry["action"]): number => entries.filter((e) => e.action === action).length;
    this.emit({
      type: "run_started",
      at: this.#o.clock.wallNow().toISOString(),
      total: entries.length,
      toSubmit: count("submit"),
      toResume: count("resume"),
      upToDate: count("skip"),
      excluded: count("excluded"),
      concurrency,
      backend,
    });
  }

  /** A shot the run leaves alone (up to date: its record's status; or not selected), as shot_skipped without `error`. */
  leftAlone(entry: PlanEntry): void {
    const { shot, reason } = entry;
    const status = this.#o.store.shot(shot.id).status;
    this.emit({ type: "shot_skipped", id: shot.id, index: shot.index, reason, status });
  }

  finished(run: {
    counts: RunCounts;
    creditsUsed: number;
    interrupted: boolean;
    fatal: StoryreelError | null;
  }): void {
    this.emit({
      type: "run_finished",
      at: this.#o.clock.wallNow().toISOString(),
      elapsed_ms: Math.round(this.elapsedMs()),
      counts: run.counts,
      credits_used: run.creditsUsed,
      interrupted: run.interrupted,
      fatal: run.fatal ? { code: run.fatal.code, message: run.fatal.message } : null,
    });
  }

  /** The shot completed without a generation of its own: its clip was at hand (see SubmissionHooks). */
  reused(
    entry: PlanEntry,
    found: { generationId: string | null; clip: ClipOutcome; origin?: "cache" },
    seed: RecordSeed,
    backend: string,
  ): void {
    const { id, index } = entry.shot;
    const { clip } = found;
    this.apply(id, {
      type: "reused",
      seed,
      backend,
      generationId: found.generationId,
      clip: { path: clip.relPath, bytes: clip.bytes, sha256: clip.sha256 },
      warnings: clip.warnings,
      completedAt: this.#o.clock.wallNow().toISOString(),
      ...(found.origin ? { origin: found.origin } : {}),
    });
    this.#o.onOutcome?.(id, "completed");
    this.emit({
      type: "shot_completed",
      id,
      index,
      generation_id: found.generationId ?? "",
      clip: clip.relPath,
      bytes: clip.bytes,
      polls: 0,
      credits_used: null,
      elapsed_ms: 0,
      warnings: clip.warnings,
      simulated: this.#o.store.shot(id).backend === "simulator",
      ...(found.origin === "cache" ? { from_cache: true } : {}),
    });
  }

  submittedEvent(shot: FollowedShot, resumed: boolean): void {
    const { id, index } = shot.entry.shot;
    this.emit({ type: "shot_submitted", id, index, generation_id: shot.generationId, resumed });
  }

  /** A new status (`shot_status`), or the same one again (`shot_polled`, with `repeated`). */
  status(shot: FollowedShot, status: string, options: { repeated?: boolean } = {}): void {
    const { id, index } = shot.entry.shot;
    const type = options.repeated ? "shot_polled" : "shot_status";
    this.emit({ type, id, index, status, polls: shot.polls, elapsed_ms: this.#elapsed(shot) });
  }

  warning(id: string | null, message: string): void {
    this.emit({ type: "warning", id, message });
  }

  /** Milliseconds since the run started. */
  elapsedMs(): number {
    return this.#o.clock.now() - this.#start;
  }

  /**
   * A listener that throws must not leave the run half-way (promises never settled, shots never released): it
   * is caught here, the run stops gracefully like an interrupt — paid ids are all in the manifest and in-flight
   * generations are resumed by the next run — and `runPlan` resolves with fatal E_EVENT_LISTENER, so the caller
   * sees the bug and still gets a consistent manifest and counts. Later events are still delivered.
   */
  emit(event: EventBody): void {
    const onEvent = this.#o.onEvent;
    if (!onEvent) return;
    try {
      onEvent({ ...event, t: Math.round(this.elapsedMs()) });
    } catch (err) {
      const why = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      this.#o.onFatal(
        new StoryreelError(
          "E_EVENT_LISTENER",
          `the onEvent listener threw on a ${event.type} event (${why}); the run was stopped, in-flight generations are kept for the next run`,
          { cause: err },
        ),
      );
    }
  }

  #failedEvent(entry: PlanEntry, status: ShotStatus, shot: FollowedShot | null, error: ShotError): void {
    this.emit({
      type: "shot_failed",
      id: entry.shot.id,
      index: entry.shot.index,
      status,
      generation_id: shot?.generationId ?? null,
      error,
      polls: shot?.polls ?? 0,
      elapsed_ms: shot ? this.#elapsed(shot) : 0,
    });
  }

  #elapsed(shot: FollowedShot): number {
    return Math.round(this.#o.clock.now() - shot.submittedAt);
  }
}
