// Append-only log of manifest changes since the last snapshot: each line sets some fields of one shot.
import { open, readFile, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";
import { syncDir } from "./atomic-write.js";
import type { ShotRecord } from "./types.js";

/** One change: these fields of shot `id` took these values (later lines win). */
export interface JournalEntry {
  id: string;
  set: Partial<Omit<ShotRecord, "id">>;
}

/** `durable: false` skips the fsync: the lines survive the process dying, not a power cut, until a durable append. */
export interface AppendOptions {
  durable: boolean;
}

/**
 * The journal file: each append opens it, writes, fsyncs (unless told not to) and closes it again (in a finally),
 * so no file handle outlives a call — a store abandoned by a crash or an error leaves nothing open. The store
 * decides when to append (one writer at a time). A durable append also syncs what earlier ones left unsynced.
 */
export class Journal {
  #bytes = 0;
  #size = 0;
  /** Lines written by a non-durable append and not fsync'd since. */
  #unsynced = false;
  /** The file's name is durable in its folder (synced after the file was created). */
  #named = false;
  readonly path: string;

  constructor(path: string) {
    this.path = path;
  }

  /** All bytes ever appended through this object. */
  get bytesWritten(): number {
    return this.#bytes;
  }

  /** Bytes in the current file (since the last rotation). */
  get size(): number {
    return this.#size;
  }

  async append(entries: readonly JournalEntry[], options: AppendOptions = { durable: true }): Promise<void> {
    const { durable } = options;
    if (entries.length === 0 && !(durable && this.#unsynced)) return;
    const data = entries.map((entry) => `${JSON.stringify(entry)}\n`).join("");
    const handle = await open(this.path, "a", 0o644);
    try {
      if (data !== "") await handle.appendFile(data);
      if (durable) await handle.sync();
    } finally {
      await handle.close();
    }
    const bytes = Buffer.byteLength(data);
    this.#bytes += bytes;
    this.#size += bytes;
    this.#unsynced = !durable;
    // A journal created since the last rotation: its name must survive a power cut too, not only its bytes.
    if (durable && !this.#named) {
      await syncDir(dirname(this.path));
      this.#named = true;
    }
  }

  /** Moves the file aside (to `to`); the next append starts a new one. */
  async rotate(to: string): Promise<void> {
    await rename(this.path, to).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== "ENOENT") throw err;
    });
    this.#forget();
  }

  /** Removes the file once a snapshot holds everything in it. */
  async clear(): Promise<void> {
    await rm(this.path, { force: true });
    this.#forget();
  }

  /** The file is gone (moved or removed): what it held is in a snapshot, the next append starts afresh. */
  #forget(): void {
    this.#size = 0;
    this.#unsynced = false;
    this.#named = false;
  }
}

/** Entries of a journal file; a torn last line (a crash mid-append) is ignored. */
export async function readJournal(path: string): Promise<JournalEntry[]> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw err;
  }
  const entries: JournalEntry[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    try {
      const parsed = JSON.parse(line) as Partial<JournalEntry>;
      if (typeof parsed.id === "string" && parsed.set !== null && typeof parsed.set === "object") {
        entries.push({ id: parsed.id, set: parsed.set });
      }
    } catch {
      // A torn line from a crash mid-append: everything before it is intact.
    }
  }
  return entries;
}
