// Append-only, fsync'd log of paid generation ids: durable at once, without rewriting the whole manifest.
import { open, readFile, rm } from "node:fs/promises";
import type { FileHandle } from "node:fs/promises";

export interface JournalEntry {
  kind: "submitted";
  id: string;
  generation_id: string;
  input_hash: string;
  submitted_at: string;
}

interface Waiter {
  line: string;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/** Group commit: entries appended while a write+fsync is under way share the next one. */
export class Journal {
  #handle: FileHandle | null = null;
  #pending: Waiter[] = [];
  #writing = false;
  #bytes = 0;
  readonly path: string;

  constructor(path: string) {
    this.path = path;
  }

  get bytesWritten(): number {
    return this.#bytes;
  }

  append(entry: JournalEntry): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#pending.push({ line: `${JSON.stringify(entry)}\n`, resolve, reject });
      if (!this.#writing) void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#writing = true;
    while (this.#pending.length > 0) {
      const batch = this.#pending;
      this.#pending = [];
      try {
        this.#handle ??= await open(this.path, "a", 0o644);
        const data = batch.map((w) => w.line).join("");
        await this.#handle.appendFile(data);
        await this.#handle.sync();
        this.#bytes += Buffer.byteLength(data);
        for (const w of batch) w.resolve();
      } catch (err) {
        for (const w of batch) w.reject(err);
      }
    }
    this.#writing = false;
  }

  /** Remove the journal once a manifest snapshot holds everything in it. */
  async clear(): Promise<void> {
    await this.close();
    await rm(this.path, { force: true });
  }

  async close(): Promise<void> {
    const handle = this.#handle;
    this.#handle = null;
    await handle?.close();
  }
}

/** Entries of a journal left by an earlier run; a torn last line (crash mid-append) is ignored. */
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
      if (
        parsed.kind === "submitted" &&
        typeof parsed.id === "string" &&
        typeof parsed.generation_id === "string"
      ) {
        entries.push(parsed as JournalEntry);
      }
    } catch {
      // A torn line from a crash mid-append: everything before it is intact.
    }
  }
  return entries;
}
