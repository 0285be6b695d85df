// One shot's submission: estimate → credit check → request body → intent on disk → POST → paid id recorded.
import type { ReconciliationRecord, RecordSeed, ShotRecord } from "../manifest/index.js";
import type { Clock } from "../util/clock.js";
import { hasCode, StoryreelError } from "../util/errors.js";
import type { CreditGuard } from "./credit-guard.js";
import { recordSeed } from "./fresh-record.js";
import type { PlanEntry } from "./plan.js";
import { STOPPING_CODES, toShotError } from "./poll-decisions.js";
import type { RunRecorder } from "./recorder.js";
import { RequestIds } from "./request-ids.js";
import type { GenerationClient, GenerationResult, RunOptions } from "./run-types.js";

/** What a hook found before a shot is submitted. */
export type PreSubmit =
  | { kind: "submit" }
  /** A generation of this shot exists already: poll it, send nothing. */
  | { kind: "generation"; generationId: string }
  /** Its clip is at hand already (`relPath` in the output folder): the shot completes without a generation. */
  | {
      kind: "completed";
      generationId: string | null;
      clip: { relPath: string; bytes: number; sha256: string; warnings: string[] };
      /** Where the clip came from: "cache" (the shared clip cache; nothing paid by this run). */
      origin?: "cache";
    };

/** What a hook may find once the intent is on disk: no clip (that costs nothing and is looked for first). */
export type BeforePost = Exclude<PreSubmit, { kind: "completed" }>;

/**
 * Where later steps slot into the sequence. `beforeSubmit` runs before anything is estimated, reserved or
 * written (a clip cache lookup: "completed" costs nothing). `beforePost` runs once the intent is on disk, just
 * before the POST (reconciling an earlier submission of unknown outcome against the API's request logs:
 * "generation" adopts that id instead of paying again). A hook that throws fails the shot as a refused request
 * does: nothing was sent, so a record that holds a result keeps it.
 */
export interface SubmissionHooks {
  beforeSubmit?(entry: PlanEntry): Promise<PreSubmit>;
  /** `reconciled` puts what the request logs said on the shot's record and in the events. */
  beforePost?(
    entry: PlanEntry,
    before: ShotRecord,
    reconciled: (found: ReconciliationRecord) => void,
  ): Promise<BeforePost>;
}

export interface SubmitterOptions {
  client: GenerationClient;
  recorder: RunRecorder;
  credits: CreditGuard;
  buildBody: RunOptions["buildBody"];
  estimateCredits?: RunOptions["estimateCredits"];
  backend: string;
  clock: Clock;
  /** The run's stop signal: once aborted, nothing more is sent (a submission still waiting is abandoned). */
  stop: AbortSignal;
  /** Stops the run with `err` (a throwing estimate, a manifest that cannot be written, a refused key). */
  fatal: (err: StoryreelError) => void;
  hooks?: SubmissionHooks;
  /** The run's id, the first part of each request id. */
  runId: string;
  /** How long after a lost answer the request logs are asked about it in the same run (default 2 s). */
  reconcileDelayMs?: number;
}

/** How a submission ended: nothing to follow, or a generation to poll (`first`: the answer the POST gave). */
export type Submission =
  | { kind: "none" }
  | {
      kind: "generation";
      generationId: string;
      /** Clock time of the submission. */
      submittedAt: number;
      /** Resolves once the id is durable in the manifest (never poll before). */
      durable: Promise<void>;
      first: GenerationResult | null;
    };

const NONE: Submission = { kind: "none" };

export class Submitter {
  readonly #o: SubmitterOptions;

  readonly #requestIds: RequestIds;

  constructor(options: SubmitterOptions) {
    this.#o = options;
    this.#requestIds = new RequestIds(options.runId);
  }

  async submit(entry: PlanEntry): Promise<Submission> {
    const { shot } = entry;
    const o = this.#o;
    if (o.hooks?.beforeSubmit) {
      let found: PreSubmit;
      try {
        found = await o.hooks.beforeSubmit(entry);
      } catch (err) {
        this.#failed(entry, err, null);
        return NONE;
      }
      if (found.kind === "completed") return this.#reuse(entry, found);
      if (found.kind === "generation") return this.#record(entry, { id: found.generationId }, null);
    }
    const estimate = this.#estimate(entry);
    if (estimate === undefined) return NONE;
    const decision = o.credits.reserve(shot, estimate);
    if (!decision.ok) {
      const before = o.recorder.store.shot(shot.id);
      o.recorder.notSubmitted(
        entry,
        { status: "skipped", error: decision.error, before },
        seedOf(entry),
        o.backend,
      );
      return NONE;
    }
    let body: Record<string, unknown>;
    try {
      body = await o.buildBody(shot);
    } catch (err) {
      o.credits.release(shot.id);
      this.#failed(entry, err, null);
      return NONE;
    }
    const clientRequestId = this.#requestIds.next(shot.id);
    const before = await this.#recordIntent(entry, clientRequestId);
    if (before === null) {
      o.credits.release(shot.id);
      return NONE;
    }
    if (o.hooks?.beforePost) {
      let found: BeforePost;
      try {
        found = await o.hooks.beforePost(entry, before, this.#reconciled(entry));
      } catch (err) {
        o.credits.release(shot.id);
        this.#failed(entry, err, before);
        return NONE;
      }
      if (found.kind === "generation") return this.#record(entry, { id: found.generationId }, null);
    }
    let result: GenerationResult;
    try {
      // The stop signal abandons a submission still waiting (429 pause, retry backoff, not yet sent).
      result = await o.client.submit(body, { signal: o.stop, clientRequestId });
    } catch (err) {
      const paidId = knownGenerationId(err);
      if (paidId === null) {
        // The answer was lost after the request left: the request logs may already say what it made.
        const adopted = hasCode(err, "E_SUBMIT_UNKNOWN") ? await this.#reconcileNow(entry) : null;
        if (adopted !== null) return this.#record(entry, { id: adopted }, null);
        o.credits.release(shot.id);
        this.#failed(entry, err, before);
        return NONE;
      }
      // The answer was unusable but named the generation: it exists, so record it and poll it.
      o.recorder.warning(shot.id, `${toShotError(err).message}; polling generation ${paidId}`);
      result = { id: paidId, status: "queued", videoUrl: null, error: null, creditsUsed: null };
    }
    return this.#record(entry, result, result);
  }

  /**
   * Same-run reconciliation of a lost answer: after `reconcileDelayMs` (the logs lag a little), asks the
   * `beforePost` hook about the record the intent left (`unknown`, with its request id). The generation it
   * names, or null (no hook, stopping, no row yet, logs unreadable: the shot stays unknown for the next run).
   */
  async #reconcileNow(entry: PlanEntry): Promise<string | null> {
    const o = this.#o;
    if (!o.hooks?.beforePost || o.stop.aborted) return null;
    try {
      await o.clock.sleep(o.reconcileDelayMs ?? 2000, o.stop);
      const found = await o.hooks.beforePost(
        entry,
        o.recorder.store.shot(entry.shot.id),
        this.#reconciled(entry),
      );
      return found.kind === "generation" ? found.generationId : null;
    } catch {
      return null; // stopping, or the hook could not tell: the shot ends unknown as before
    }
  }

  #reconciled(entry: PlanEntry): (found: ReconciliationRecord) => void {
    return (found) => this.#o.recorder.reconciled(entry, found);
  }

  /** The paid id goes to the manifest (the run stops E_MANIFEST_IO if it cannot be made durable). */
  #record(entry: PlanEntry, generation: { id: string }, first: GenerationResult | null): Submission {
    const { shot } = entry;
    const submittedAt = this.#o.clock.now();
    const durable = this.#o.recorder.submitted(shot.id, {
      generationId: generation.id,
      submittedAt: this.#o.clock.wallNow().toISOString(),
      inputHash: shot.inputHash,
    });
    durable.catch((err: unknown) => {
      this.#o.fatal(
        new StoryreelError("E_MANIFEST_IO", `cannot record generation ${generation.id} in the manifest`, {
          cause: err,
        }),
      );
    });
    return { kind: "generation", generationId: generation.id, submittedAt, durable, first };
  }

  #reuse(entry: PlanEntry, found: Extract<PreSubmit, { kind: "completed" }>): Submission {
    const o = this.#o;
    o.recorder.reused(entry, found, recordSeed(entry.shot), o.backend);
    return NONE;
  }

  /**
   * The shot's estimated credits (null: unknown). A throwing estimateCredits is a bug of the caller: like a
   * throwing listener, it stops the run gracefully with fatal E_ESTIMATE_CREDITS (its `cause` is what was
   * thrown) and the shot is not submitted (undefined).
   */
  #estimate(entry: PlanEntry): number | null | undefined {
    const { shot } = entry;
    try {
      return this.#o.estimateCredits?.(shot) ?? null;
    } catch (err) {
      const why = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      this.#o.fatal(
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
   * Records (written, not fsync'd: see ManifestStore.recordIntent) that the shot's submission is about to leave,
   * so a run that dies with the POST on the wire (kill -9, a second Ctrl-C) leaves a shot that may have been
   * charged, never a pending one. Returns the record as it was (to go back to if nothing is sent or created), or
   * null when nothing may be sent: the run is stopping, or the intent could not be written (fatal E_MANIFEST_IO).
   */
  async #recordIntent(entry: PlanEntry, clientRequestId: string): Promise<ShotRecord | null> {
    const { shot } = entry;
    const o = this.#o;
    if (o.stop.aborted) {
      o.recorder.withdraw(shot.id, null, toShotError(o.stop.reason));
      return null;
    }
    const before = { ...o.recorder.store.shot(shot.id) };
    try {
      await o.recorder.intent(shot.id, recordSeed(shot), o.backend, {
        clientRequestId,
        at: o.clock.wallNow().toISOString(),
      });
    } catch (err) {
      const fatal = new StoryreelError(
        "E_MANIFEST_IO",
        `cannot record in the manifest that ${shot.id} is being submitted, so it was not submitted`,
        { cause: err },
      );
      o.recorder.withdraw(shot.id, before, toShotError(fatal));
      o.fatal(fatal);
      return null;
    }
    if (o.stop.aborted) {
      o.recorder.withdraw(shot.id, before, toShotError(o.stop.reason));
      return null;
    }
    const earlier = entry.previous;
    // With a request id, reconciliation (the beforePost hook) finds out instead of guessing.
    if (earlier?.status === "unknown" && !(o.hooks?.beforePost && earlier.client_request_id)) {
      o.recorder.warning(
        shot.id,
        `submitting ${shot.id} again, although its last submission may have been created and charged (${earlier.error?.code ?? "unknown outcome"}): check the AIML usage page`,
      );
    }
    return before;
  }

  /** The submission failed. `before`: the record before the intent, null when none was written yet. */
  #failed(entry: PlanEntry, err: unknown, before: ShotRecord | null): void {
    const o = this.#o;
    const error = toShotError(err);
    const { shot } = entry;
    // First: a submission that may have been paid for is unknown, even when the run is stopping.
    if (hasCode(err, "E_SUBMIT_UNKNOWN")) {
      o.recorder.failed(entry, "unknown", null, error);
      return;
    }
    if (hasCode(err, ...STOPPING_CODES)) {
      o.recorder.withdraw(shot.id, before, error);
      o.fatal(err);
      return;
    }
    if (hasCode(err, "E_INTERRUPTED") || o.stop.aborted) {
      o.recorder.withdraw(shot.id, before, error);
      return;
    }
    // Refused, a frame changed, …: nothing was created. A record that holds a result keeps it.
    const earlier = before ?? o.recorder.store.shot(shot.id);
    o.recorder.notSubmitted(entry, { status: "failed", error, before: earlier }, seedOf(entry), o.backend);
  }
}

function seedOf(entry: PlanEntry): () => RecordSeed {
  return () => recordSeed(entry.shot);
}

/** The generation id an unusable submit answer still carried (see ApiError.generationId), if any. */
function knownGenerationId(err: unknown): string | null {
  if (!hasCode(err, "E_SUBMIT_UNKNOWN")) return null;
  const id = (err as { generationId?: unknown }).generationId;
  return typeof id === "string" && id !== "" ? id : null;
}
