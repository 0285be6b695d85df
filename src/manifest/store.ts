// The live manifest of a run: changes go to the journal (paid ids fsync'd at once); snapshots are rewritten rarely.
import { join } from "node:path";
import { rm } from "node:fs/promises";
import { writeFileAtomic } from "./atomic-write.js";
import { Journal } from "./journal.js";
import type { JournalEntry } from "./journal.js";
import { JOURNAL_FILE, MANIFEST_FILE, OLD_JOURNAL_FILE } from "./types.js";
import type { Manifest, ShotRecord } from "./types.js";

export interface ManifestStoreOptions {
  outDir: string;
  manifest: Manifest;
  /** How long ordinary changes may wait before they are appended to the journal (default 250 ms). */
  batchMs?: number;
  /** The snapshot is rewritten once the journal holds this many bytes or the snapshot's size (default 256 KiB). */
  minCompactionBytes?: number;
}

export interface ManifestStoreStats {
  snapshots: number;
  snapshotBytes: number;
  journalBytes: number;
}

type ShotPatch = Partial<Omit<ShotRecord, "id">>;

interface Waiter {
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * Every change is a small line in `manifest.journal`; `manifest.json` is rewritten (atomically) only when the
 * journal has grown as large as the snapshot, so the bytes written grow with the number of changes, not with
 * shots × changes. A paid generation id is fsync'd to the journal before anyone polls it. One writer loop
 * does all file work, so an append never races a compaction. Readers (readManifest) replay the journal over
 * the snapshot; the snapshot written at close holds everything.
 */
export class ManifestStore {
  readonly outDir: string;
  readonly manifest: Manifest;
  readonly #byId = new Map<string, ShotRecord>();
  readonly #journal: Journal;
  readonly #batchMs: number;
  readonly #minCompactionBytes: number;
  #pending = new Map<string, ShotPatch>();
  #waiters: Waiter[] = [];
  #timer: NodeJS.Timeout | null = null;
  #writer: Promise<void> | null = null;
  #failure: Error | null = null;
  #snapshots = 0;
  #snapshotBytes = 0;
  #lastSnapshotSize = 0;

  private constructor(options: ManifestStoreOptions) {
    this.outDir = options.outDir;
    this.manifest = options.manifest;
    this.#batchMs = options.batchMs ?? 250;
    this.#minCompactionBytes = options.minCompactionBytes ?? 256 * 1024;
    for (const shot of this.manifest.shots) this.#byId.set(shot.id, shot);
    this.#journal = new Journal(join(this.outDir, JOURNAL_FILE));
  }

  /** Writes the initial snapshot (it absorbs any journal left by a killed run), then removes those journals. */
  static async open(options: ManifestStoreOptions): Promise<ManifestStore> {
    const store = new ManifestStore(options);
    await store.#writeSnapshot(store.#serialize());
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
    const shot = Object.assign(this.shot(id), patch);
    this.#pending.set(id, { ...this.#pending.get(id), ...patch });
    if (!this.#timer) {
      this.#timer = setTimeout(() => {
        this.#timer = null;
        this.#write().catch(() => undefined);
      }, this.#batchMs);
      this.#timer.unref();
    }
    return shot;
  }

  /** Records a paid generation; resolves once its id is durable (journal fsync'd). */
  async recordSubmission(
    id: string,
    submission: { generation_id: string; submitted_at: string; input_hash: string },
  ): Promise<void> {
    this.update(id, {
      status: "submitted",
      error: null,
      polls: 0,
      completed_at: null,
      video_url: null,
      clip: null,
      credits_used: null,
      ...submission,
    });
    await this.#write();
  }

  /** Everything changed so far is on disk (in the journal). */
  flush(): Promise<void> {
    return this.#write();
  }

  /** Final snapshot with `patch` applied; the journals are then redundant and removed. */
  async close(patch: Partial<Pick<Manifest, "finished_at">> = {}): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    while (this.#writer) await this.#writer.catch(() => undefined);
    Object.assign(this.manifest, patch);
    this.#pending.clear();
    await this.#writeSnapshot(this.#serialize());
    await this.#journal.clear();
    await rm(join(this.outDir, OLD_JOURNAL_FILE), { force: true });
  }

  stats(): ManifestStoreStats {
    return {
      snapshots: this.#snapshots,
      snapshotBytes: this.#snapshotBytes,
      journalBytes: this.#journal.bytesWritten,
    };
  }

  /** Resolves when everything pending now is on disk; starts the writer loop if it is idle. */
  #write(): Promise<void> {
    if (this.#failure) return Promise.reject(this.#failure);
    const done = new Promise<void>((resolve, reject) => this.#waiters.push({ resolve, reject }));
    this.#writer ??= this.#loop().finally(() => (this.#writer = null));
    return done;
  }

  async #loop(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    while (this.#waiters.length > 0) {
      const waiters = this.#waiters;
      const entries: JournalEntry[] = [...this.#pending].map(([id, set]) => ({ id, set }));
      this.#waiters = [];
      this.#pending = new Map();
      try {
        await this.#journal.append(entries);
        if (this.#journal.size >= Math.max(this.#minCompactionBytes, this.#lastSnapshotSize))
          await this.#compact();
        for (const w of waiters) w.resolve();
      } catch (err) {
        this.#failure ??= err instanceof Error ? err : new Error(String(err));
        for (const w of waiters) w.reject(err);
      }
    }
  }

  /**
   * Folds the journal into a new snapshot: the journal is moved aside, the state captured (it holds everything
   * journalled, and possibly newer changes that will be journalled next), the snapshot written, and only then
   * the old journal removed — a crash at any point leaves files that replay to a consistent state.
   */
  async #compact(): Promise<void> {
    await this.#journal.rotate(join(this.outDir, OLD_JOURNAL_FILE));
    await this.#writeSnapshot(this.#serialize());
    await rm(join(this.outDir, OLD_JOURNAL_FILE), { force: true });
  }

  #serialize(): string {
    return `${JSON.stringify(this.manifest, null, 2)}\n`;
  }

  async #writeSnapshot(text: string): Promise<void> {
    const bytes = await writeFileAtomic(join(this.outDir, MANIFEST_FILE), text);
    this.#snapshots += 1;
    this.#snapshotBytes += bytes;
    this.#lastSnapshotSize = bytes;
  }
}
