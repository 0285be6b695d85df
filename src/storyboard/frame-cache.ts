// Encodes local frames as data: URIs once per file and keeps the most recent ones within a memory budget.
import { readFile } from "node:fs/promises";
import { sha256Hex } from "../util/hash.js";
import { FrameChangedError } from "./errors.js";
import type { FrameRef } from "./types.js";

/** Default budget: 64 MiB of encoded frames (a few dozen typical frames; two of the largest allowed). */
export const DEFAULT_FRAME_CACHE_BYTES = 64 * 1024 * 1024;

interface Entry {
  sha256: string;
  uri: Promise<string>;
  size: number;
}

/**
 * Cache of data: URIs by absolute path, least recently used dropped first once over `maxBytes`.
 * The same file asked for concurrently is read once. A file whose content no longer matches the hash
 * validated earlier raises FrameChangedError (E_FRAME_CHANGED) rather than sending other pixels.
 */
export class FrameCache {
  readonly #maxBytes: number;
  readonly #entries = new Map<string, Entry>();
  #bytes = 0;

  constructor(opts: { maxBytes?: number } = {}) {
    this.#maxBytes = opts.maxBytes ?? DEFAULT_FRAME_CACHE_BYTES;
  }

  /** Number of cached frames. */
  get size(): number {
    return this.#entries.size;
  }

  /** Total characters of cached data: URIs (≈ bytes of memory). */
  get bytes(): number {
    return this.#bytes;
  }

  /** The frame file as `data:<mime>;base64,…`; `ref` must be a file frame. */
  dataUri(ref: FrameRef): Promise<string> {
    const path = ref.absPath;
    if (ref.kind !== "file" || path === undefined) return Promise.resolve(ref.source);
    const hit = this.#entries.get(path);
    if (hit && hit.sha256 === ref.sha256) {
      this.#entries.delete(path);
      this.#entries.set(path, hit);
      return hit.uri;
    }
    if (hit) this.#drop(path, hit);
    const entry: Entry = { sha256: ref.sha256, uri: encode(ref, path), size: 0 };
    this.#entries.set(path, entry);
    entry.uri.then(
      (uri) => {
        if (this.#entries.get(path) !== entry) return;
        entry.size = uri.length;
        this.#bytes += uri.length;
        this.#evict();
      },
      () => {
        if (this.#entries.get(path) === entry) this.#entries.delete(path);
      },
    );
    return entry.uri;
  }

  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }

  #drop(path: string, entry: Entry): void {
    this.#entries.delete(path);
    this.#bytes -= entry.size;
  }

  #evict(): void {
    for (const [path, entry] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) return;
      if (entry.size > 0) this.#drop(path, entry);
    }
  }
}

async function encode(ref: FrameRef, path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw new FrameChangedError(ref.source, { cause: err });
  }
  if (sha256Hex(bytes) !== ref.sha256) throw new FrameChangedError(ref.source);
  return `data:${ref.mime ?? "application/octet-stream"};base64,${bytes.toString("base64")}`;
}
