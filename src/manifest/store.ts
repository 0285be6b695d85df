// The live manifest of a run: in-memory updates, paid ids journalled at once, snapshots coalesced in time.
import { join } from "node:path";
import type { Clock } from "../util/clock.js";
import { systemClock } from "../util/clock.js";
import { writeFileAtomic } from "./atomic-write.js";
import { Journal } from "./journal.js";
import { JOURNAL_FILE, MANIFEST_FILE } from "./types.js";
import type { Manifest, ShotRecord } from "./types.js";

export interface ManifestStoreOptions {
  outDir: string;
  manifest: Manifest;
  clock?: Clock;
  /** Shortest gap between two snapshots; it grows with the time a snapshot takes (default 250 ms). */
  minSnapshotGapMs?: number;
}

export interface ManifestStoreStats {
  snapshots: number;
  snapshotBytes: number;
  journalBytes: number;
}

/**
 * Snapshots are rewritten whole, so their rate is bounded (gap ≥ 8 × the last write's duration):
 * total bytes grow with run time, not with shots × updates. Paid generation ids go to the journal
 * first, so they are on disk before anyone polls them.
 */
export class ManifestStore {
  readonly outDir: string;
  readonly manifest: Manifest;
  readonly #byId = new Map<string, ShotRecord>();
  readonly #journal: Journal;
  readonly #clock: Clock;
  readonly #minGapMs: number;
  #gapMs: number;
  #timer: NodeJS.Timeout | null = null;
  #dirty = false;
  #writing: Promise<void> | null = null;
  #closed = false;
  #snapshots = 0;
  #snapshotBytes = 0;

  private constructor(options: ManifestStoreOptions) {
    this.outDir = options.outDir;
    this.manifest = options.manifest;
    this.#clock = options.clock ?? systemClock;
    this.#minGapMs = options.minSnapshotGapMs ?? 250;
    this.#gapMs = this.#minGapMs;
    for (const shot of this.manifest.shots) this.#byId.set(shot.id, shot);
    this.#journal = new Journal(join(this.outDir, JOURNAL_FILE));
  }

  /** Writes the initial snapshot (which absorbs any journal left by a killed run), then clears that journal. */
  static async open(options: ManifestStoreOptions): Promise<ManifestStore> {
    const store = new ManifestStore(options);
    await store.flush();
    await store.#journal.clear();
    return store;
  }

  shot(id: string): ShotRecord {
    const shot = this.#byId.get(id);
    if (!shot) throw new Error(`no shot ${id} in the manifest`);
    return shot;
  }

  /** Changes a shot in memory; a snapshot follows within the current gap. */
  update(id: string, patch: Partial<Omit<ShotRecord, "id">>): ShotRecord {
    const shot = Object.assign(this.shot(id), patch);
    this.#markDirty();
    return shot;
  }

  /** Records a paid generation; resolves once its id is durable (journal fsync'd). */
  async recordSubmission(
    id: string,
    submission: { generation_id: string; submitted_at: string; input_hash: string },
  ): Promise<void> {
    this.update(id, { status: "submitted", error: null, ...submission });
    await this.#journal.append({ kind: "submitted", id, ...submission });
  }

  /** Writes a snapshot now (or waits for the one under way and writes again if anything changed since). */
  async flush(): Promise<void> {
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    while (this.#writing) await this.#writing;
    this.#dirty = false;
    this.#writing = this.#writeSnapshot();
    try {
      await this.#writing;
    } finally {
      this.#writing = null;
    }
  }

  /** Final snapshot; the journal is then redundant and removed. */
  async close(patch: Partial<Pick<Manifest, "finished_at">> = {}): Promise<void> {
    Object.assign(this.manifest, patch);
    await this.flush();
    this.#closed = true;
    await this.#journal.clear();
  }

  stats(): ManifestStoreStats {
    return {
      snapshots: this.#snapshots,
      snapshotBytes: this.#snapshotBytes,
      journalBytes: this.#journal.bytesWritten,
    };
  }

  #markDirty(): void {
    this.#dirty = true;
    if (this.#timer || this.#closed) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      if (this.#dirty) void this.flush().catch(() => this.#markDirty());
    }, this.#gapMs);
    this.#timer.unref();
  }

  async #writeSnapshot(): Promise<void> {
    const started = this.#clock.now();
    const bytes = await writeFileAtomic(
      join(this.outDir, MANIFEST_FILE),
      `${JSON.stringify(this.manifest, null, 2)}\n`,
    );
    this.#snapshots += 1;
    this.#snapshotBytes += bytes;
    this.#gapMs = Math.min(10_000, Math.max(this.#minGapMs, 8 * (this.#clock.now() - started)));
  }
}
