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

/**
 * The journal file: each append opens it, writes, fsyncs and closes it again (in a finally), so no file handle
 * outlives a call — a store abandoned by a crash or an error leaves nothing open. The store decides when to
 * append (one writer at a time).
 */
export class Journal {
  #bytes = 0;
  #size = 0;
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

  async append(entries: readonly JournalEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const data = entries.map((entry) => `${JSON.stringify(entry)}\n`).join("");
    const handle = await open(this.path, "a", 0o644);
    try {
      await handle.appendFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // A journal created by this append: its name must survive a power cut too, not only its bytes.
    if (this.#size === 0) await syncDir(dirname(this.path));
    const bytes = Buffer.byteLength(data);
    this.#bytes += bytes;
    this.#size += bytes;
  }

  /** Moves the file aside (to `to`); the next append starts a new one. */
  async rotate(to: string): Promise<void> {
    await rename(this.path, to).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== "ENOENT") throw err;
    });
    this.#size = 0;
  }

  /** Removes the file once a snapshot holds everything in it. */
  async clear(): Promise<void> {
    await rm(this.path, { force: true });
    this.#size = 0;
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
