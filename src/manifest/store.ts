// The live manifest of a run: changes go to the journal (paid ids fsync'd at once, intents written at once); manifest.json catches up within a bounded delay.
import { join } from "node:path";
import { rm } from "node:fs/promises";
import type { Clock } from "../util/clock.js";
import { startTimer, systemClock } from "../util/clock.js";
import { writeFileAtomic } from "./atomic-write.js";
import { jsonChunks } from "./json-chunks.js";
import { Journal } from "./journal.js";
import type { JournalEntry } from "./journal.js";
import { DEFAULT_SNAPSHOT_CADENCE, snapshotWaitMs } from "./snapshot-cadence.js";
import type { SnapshotCadence } from "./snapshot-cadence.js";
import { JOURNAL_FILE, MANIFEST_FILE, OLD_JOURNAL_FILE } from "./types.js";
import type { Manifest, ShotRecord } from "./types.js";
import { submissionPatch } from "./record-lifecycle.js";
import type { ShotPatch } from "./record-lifecycle.js";

export interface ManifestStoreOptions {
  outDir: string;
  manifest: Manifest;
  /** How long ordinary changes may wait before they are appended to the journal (default 250 ms). */
  batchMs?: number;
  /** The snapshot is rewritten once the journal holds this many bytes or the snapshot's size (default 256 KiB). */
  minCompactionBytes?: number;
  /** How soon manifest.json catches up with a new paid id or outcome (default: DEFAULT_SNAPSHOT_CADENCE). */
  snapshotCadence?: Partial<SnapshotCadence>;
  /** Drives the batch and snapshot timers and measures snapshot writes (default: the system clock). */
  clock?: Clock;
}

export interface ManifestStoreStats {
  /** Snapshots written, the ones at open and close included. */
  snapshots: number;
  snapshotBytes: number;
  journalBytes: number;
  /** Everything this store wrote: snapshotBytes + journalBytes. */
  totalBytes: number;
  /** Time spent serializing and writing snapshots, in ms. */
  snapshotMs: number;
}

interface Waiter {
  /** Resolve only once fsync'd; otherwise once written (see recordIntent). */
  durable: boolean;
  resolve: () => void;
  reject: (err: unknown) => void;
}

interface LastSnapshot {
  /** clock.now() when it was on disk. */
  endedAt: number;
  tookMs: number;
  bytes: number;
}

/**
 * Every change is a small line in `manifest.journal`; a paid generation id is fsync'd there before anyone
 * polls it. `manifest.json` is rewritten (atomically, folding the journal in) when it lacks a paid id or an
 * outcome — at most once per max(1 s, 20 × the last snapshot's write time), see snapshot-cadence.ts — and
 * when the journal has grown as large as the snapshot. So a file kept alone (a CI artifact, a copy) holds
 * every paid id but the last second's, while the bytes written stay linear in run time and in changes,
 * never shots × changes. One writer loop does all file work, so an append never races a snapshot.
 */
export class ManifestStore {
  readonly outDir: string;
  readonly manifest: Manifest;
  readonly #byId = new Map<string, ShotRecord>();
  readonly #journal: Journal;
  readonly #batchMs: number;
  readonly #minCompactionBytes: number;
  readonly #cadence: SnapshotCadence;
  readonly #clock: Clock;
  #pending = new Map<string, ShotPatch>();
  #waiters: Waiter[] = [];
  /** Cancels the armed timer, if any. */
  #batchTimer: (() => void) | null = null;
  #snapshotTimer: (() => void) | null = null;
  #writer: Promise<void> | null = null;
  #failure: Error | null = null;
  #closed = false;
  /** Memory holds a paid id or an outcome that manifest.json on disk does not. */
  #behind = false;
  #snapshotDue = false;
  #compacting = false;
  #snapshots = 0;
  #snapshotBytes = 0;
  #snapshotMs = 0;
  #last: LastSnapshot = { endedAt: 0, tookMs: 0, bytes: 0 };

  private constructor(options: ManifestStoreOptions) {
    this.outDir = options.outDir;
    this.manifest = options.manifest;
    this.#batchMs = options.batchMs ?? 250;
    this.#minCompactionBytes = options.minCompactionBytes ?? 256 * 1024;
    this.#cadence = { ...DEFAULT_SNAPSHOT_CADENCE, ...options.snapshotCadence };
    this.#clock = options.clock ?? systemClock;
    for (const shot of this.manifest.shots) this.#byId.set(shot.id, shot);
    this.#journal = new Journal(join(this.outDir, JOURNAL_FILE));
  }

  /** Writes the initial snapshot (it absorbs any journal left by a killed run), then removes those journals. */
  static async open(options: ManifestStoreOptions): Promise<ManifestStore> {
    const store = new ManifestStore(options);
    await store.#writeSnapshot();
    await rm(join(store.outDir, OLD_JOURNAL_FILE), { force: true });
    await store.#journal.clear();
    return store;
  }

  shot(id: string): ShotRecord {
    const shot = this.#byId.get(id);
    if (!shot) throw new Error(`no shot ${id} in the manifest`);
    return shot;
  }

  /** Changes a shot in memory; the change reaches the journal within the batch interval. */
  update(id: string, patch: ShotPatch): ShotRecord {
    const shot = this.#stage(id, patch);
    this.#armBatch();
    if (isMilestone(patch)) {
      this.#behind = true;
      this.#scheduleSnapshot();
    }
    return shot;
  }

  /**
   * Records what the caller is about to do (a submission about to leave: the shot `unknown` until its answer
   * comes); resolves once the change is written to the journal, before anything is done. Not fsync'd: write(2)
   * puts it in the kernel's page cache, which a dying process (SIGKILL, process.exit, a crash) cannot lose, and
   * an fsync on the way of every POST would cost a disk flush each time; the batch fsync within `batchMs`, or
   * the next recordSubmission's, makes it durable against a power cut too. Not a snapshot milestone: the
   * answer that follows is one.
   */
  recordIntent(id: string, patch: ShotPatch): Promise<void> {
    this.#stage(id, patch);
    return this.#write({ durable: false });
  }

  /** Records a paid generation; resolves once its id is durable (journal fsync'd). */
  async recordSubmission(
    id: string,
    submission: { generation_id: string; submitted_at: string; input_hash: string },
  ): Promise<void> {
    this.update(id, submissionPatch(submission));
    await this.#write();
  }

  /** Everything changed so far is on disk (in the journal). */
  flush(): Promise<void> {
    return this.#write();
  }

  /** Resolves once the writer has nothing left to do: appends and any snapshot under way are done. */
  async whenIdle(): Promise<void> {
    while (this.#writer) await this.#writer;
  }

  /** Final snapshot with `patch` applied; the journals are then redundant and removed. */
  async close(patch: Partial<Pick<Manifest, "finished_at">> = {}): Promise<void> {
    this.#closed = true;
    this.#clearTimers();
    await this.whenIdle();
    Object.assign(this.manifest, patch);
    this.#pending.clear();
    await this.#writeSnapshot();
    await this.#journal.clear();
    await rm(join(this.outDir, OLD_JOURNAL_FILE), { force: true });
  }

  stats(): ManifestStoreStats {
    const journalBytes = this.#journal.bytesWritten;
    return {
      snapshots: this.#snapshots,
      snapshotBytes: this.#snapshotBytes,
      journalBytes,
      totalBytes: this.#snapshotBytes + journalBytes,
      snapshotMs: this.#snapshotMs,
    };
  }

  #stage(id: string, patch: ShotPatch): ShotRecord {
    const shot = Object.assign(this.shot(id), patch);
    this.#pending.set(id, { ...this.#pending.get(id), ...patch });
    return shot;
  }

  /** Pending changes (or written, unsynced lines) are appended and fsync'd within the batch interval. */
  #armBatch(): void {
    if (this.#batchTimer) return;
    this.#batchTimer = startTimer(this.#clock, this.#batchMs, () => {
      this.#batchTimer = null;
      this.#write().catch(() => undefined);
    });
  }

  /**
   * Resolves when everything pending now is on disk (fsync'd, unless `durable: false`: written); starts the
   * writer loop if it is idle.
   */
  #write(options: { durable: boolean } = { durable: true }): Promise<void> {
    if (this.#failure) return Promise.reject(this.#failure);
    const done = new Promise<void>((resolve, reject) =>
      this.#waiters.push({ durable: options.durable, resolve, reject }),
    );
    this.#writer ??= this.#loop();
    return done;
  }

  /**
   * The one writer: appends everything pending (its waiters resolve once it is fsync'd), then folds the journal
   * into a snapshot when one is due. `#writer` is cleared in the same synchronous step that finds no work left,
   * so a waiter added at any moment is either taken by this loop or starts a new one.
   */
  async #loop(): Promise<void> {
    await Promise.resolve(); // never finish synchronously: `#writer` is assigned before this can clear it
    try {
      while (this.#waiters.length > 0 || this.#snapshotDue) {
        const waiters = this.#waiters;
        this.#waiters = [];
        if (this.#failure) {
          for (const w of waiters) w.reject(this.#failure);
          this.#snapshotDue = false;
          continue;
        }
        this.#batchTimer?.();
        this.#batchTimer = null;
        const entries: JournalEntry[] = [...this.#pending].map(([id, set]) => ({ id, set }));
        this.#pending = new Map();
        // Only intents wait: write without fsync, and fsync within the batch interval instead.
        const durable = waiters.length === 0 || waiters.some((w) => w.durable);
        try {
          await this.#journal.append(entries, { durable });
          if (!durable && !this.#closed) this.#armBatch();
          for (const w of waiters) w.resolve();
          const oversized = this.#journal.size >= Math.max(this.#minCompactionBytes, this.#last.bytes);
          if (this.#snapshotDue || oversized) {
            this.#snapshotDue = false;
            await this.#compact();
          }
        } catch (err) {
          this.#failure ??= err instanceof Error ? err : new Error(String(err));
          for (const w of waiters) w.reject(err);
        }
      }
    } finally {
      this.#writer = null;
    }
    if (this.#behind) this.#scheduleSnapshot();
  }

  /** Arms one timer for the next snapshot the cadence allows; it re-checks when it fires. */
  #scheduleSnapshot(): void {
    if (this.#snapshotTimer || this.#closed || this.#failure) return;
    const wait = snapshotWaitMs(this.#cadence, this.#last, this.#clock.now());
    this.#snapshotTimer = startTimer(this.#clock, wait, () => {
      this.#snapshotTimer = null;
      // A snapshot being written now re-arms the timer when it ends (if still behind).
      if (!this.#behind || this.#closed || this.#compacting) return;
      if (snapshotWaitMs(this.#cadence, this.#last, this.#clock.now()) > 0) {
        this.#scheduleSnapshot();
        return;
      }
      this.#snapshotDue = true;
      this.#writer ??= this.#loop();
    });
  }

  #clearTimers(): void {
    this.#batchTimer?.();
    this.#snapshotTimer?.();
    this.#batchTimer = null;
    this.#snapshotTimer = null;
  }

  /**
   * Folds the journal into a new snapshot: the journal is moved aside, the state captured (it holds everything
   * journalled, and possibly newer changes that will be journalled next), the snapshot written, and only then
   * the old journal removed — a crash at any point leaves files that replay to a consistent state.
   */
  async #compact(): Promise<void> {
    this.#compacting = true;
    try {
      await this.#journal.rotate(join(this.outDir, OLD_JOURNAL_FILE));
      await this.#writeSnapshot();
      await rm(join(this.outDir, OLD_JOURNAL_FILE), { force: true });
    } finally {
      this.#compacting = false;
    }
  }

  async #writeSnapshot(): Promise<void> {
    const started = this.#clock.now();
    // Captured now: a milestone from here on is not in this snapshot and makes the store behind again.
    const wasBehind = this.#behind;
    this.#behind = false;
    let bytes: number;
    try {
      // In pieces: the snapshot of a huge storyboard never sits in memory as one string.
      bytes = await writeFileAtomic(
        join(this.outDir, MANIFEST_FILE),
        jsonChunks(this.manifest as unknown as Record<string, unknown>, "shots"),
      );
    } catch (err) {
      this.#behind ||= wasBehind;
      throw err;
    }
    const endedAt = this.#clock.now();
    this.#last = { endedAt, tookMs: endedAt - started, bytes };
    this.#snapshots += 1;
    this.#snapshotBytes += bytes;
    this.#snapshotMs += endedAt - started;
  }
}

/** A change manifest.json alone must not lack for long: a paid generation id, or how a shot ended. */
function isMilestone(patch: ShotPatch): boolean {
  return (
    patch.generation_id !== undefined ||
    patch.status === "completed" ||
    patch.status === "failed" ||
    patch.status === "unknown"
  );
}
