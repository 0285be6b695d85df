// A cache in a local folder: temp file + link (create) or rename (replace), so no reader sees half a blob.
import { constants, createReadStream } from "node:fs";
import { copyFile, link, mkdir, open, readdir, readFile, rename, rm, stat, unlink } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import { dirname, join } from "node:path";
import type { Readable } from "node:stream";
import type { BlobInfo, BlobStore, PutMode } from "./blob-store.js";
import { CacheError } from "./errors.js";
import { hashFile } from "./file-hash.js";

const TMP = "tmp";

/** Errors of link(2) that mean "this file system cannot hard-link here": copy instead. */
const NO_LINK = new Set(["EXDEV", "EPERM", "ENOTSUP", "EOPNOTSUPP", "EMLINK", "ENOSYS", "EACCES"]);

export class LocalBlobStore implements BlobStore {
  readonly kind = "local";
  readonly description: string;
  readonly #root: string;

  constructor(root: string) {
    this.#root = root;
    this.description = root;
  }

  #path(name: string): string {
    return join(this.#root, ...name.split("/"));
  }

  #fail(op: string, name: string, err: unknown): CacheError {
    const code = (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err));
    return new CacheError("E_CACHE_IO", `cache ${this.#root}: cannot ${op} ${name} (${code})`, {
      cause: err,
    });
  }

  async getText(name: string): Promise<string | null> {
    try {
      return await readFile(this.#path(name), "utf8");
    } catch (err) {
      if (isCode(err, "ENOENT")) return null;
      throw this.#fail("read", name, err);
    }
  }

  async head(name: string): Promise<{ bytes: number } | null> {
    try {
      const info = await stat(this.#path(name));
      return info.isFile() ? { bytes: info.size } : null;
    } catch (err) {
      if (isCode(err, "ENOENT")) return null;
      throw this.#fail("read", name, err);
    }
  }

  async putText(name: string, text: string, mode: PutMode): Promise<"written" | "exists"> {
    return this.#put(name, mode, async (temp) => {
      const handle = await open(temp, "wx", 0o644);
      try {
        await handle.writeFile(text, "utf8");
        await handle.sync();
      } finally {
        await handle.close();
      }
    });
  }

  async putFile(
    name: string,
    absPath: string,
    mode: PutMode,
    expect: { sha256: string; bytes: number },
  ): Promise<"written" | "exists"> {
    return this.#put(name, mode, async (temp) => {
      await copyFile(absPath, temp, constants.COPYFILE_FICLONE);
      const copied = await hashFile(temp);
      if (copied.sha256 !== expect.sha256 || copied.bytes !== expect.bytes) {
        throw new CacheError(
          "E_CACHE_CLIP_CHANGED",
          `${absPath} changed while it was copied into the cache ${this.#root}: nothing was stored`,
        );
      }
      const handle = await open(temp, "r+");
      await handle.sync().finally(() => handle.close());
    });
  }

  /** Writes a temp file in <root>/tmp, then links it into place (create) or renames it over (replace). */
  async #put(
    name: string,
    mode: PutMode,
    write: (temp: string) => Promise<void>,
  ): Promise<"written" | "exists"> {
    const target = this.#path(name);
    const temp = join(this.#root, TMP, `${randomBytes(8).toString("hex")}.tmp`);
    try {
      await mkdir(dirname(temp), { recursive: true });
      await mkdir(dirname(target), { recursive: true });
      await write(temp);
      if (mode === "replace") {
        await rename(temp, target);
        return "written";
      }
      try {
        await link(temp, target);
        return "written";
      } catch (err) {
        if (isCode(err, "EEXIST")) return "exists";
        if (!NO_LINK.has((err as NodeJS.ErrnoException).code ?? "")) throw err;
      }
      // No hard links on this file system: check, then rename (a writer racing in between writes the same bytes
      // for a clip, or an equally valid entry).
      if ((await this.head(name)) !== null) return "exists";
      await rename(temp, target);
      return "written";
    } catch (err) {
      if (err instanceof CacheError) throw err;
      throw this.#fail("write", name, err);
    } finally {
      await rm(temp, { force: true }).catch(() => undefined);
    }
  }

  async fetchTo(name: string, tempPath: string): Promise<"linked" | "copied"> {
    const source = this.#path(name);
    try {
      await link(source, tempPath);
      return "linked";
    } catch (err) {
      if (isCode(err, "ENOENT") && (await this.head(name)) === null) throw missing(this.#root, name);
      if (!NO_LINK.has((err as NodeJS.ErrnoException).code ?? "")) throw this.#fail("link", name, err);
    }
    try {
      await copyFile(source, tempPath, constants.COPYFILE_FICLONE);
      return "copied";
    } catch (err) {
      if (isCode(err, "ENOENT") && (await this.head(name)) === null) throw missing(this.#root, name);
      throw this.#fail("copy", name, err);
    }
  }

  async read(name: string): Promise<Readable> {
    const handle = await open(this.#path(name), "r").catch((err: unknown) => {
      throw isCode(err, "ENOENT") ? missing(this.#root, name) : this.#fail("read", name, err);
    });
    return createReadStream("", { fd: handle, autoClose: true });
  }

  async *list(prefix: string): AsyncIterable<BlobInfo> {
    yield* this.#walk(prefix.replace(/\/$/, ""));
  }

  async *#walk(dirName: string): AsyncIterable<BlobInfo> {
    let names: { name: string; isDirectory(): boolean; isFile(): boolean }[];
    try {
      names = await readdir(this.#path(dirName), { withFileTypes: true });
    } catch (err) {
      if (isCode(err, "ENOENT")) return;
      throw this.#fail("list", dirName, err);
    }
    names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const dirent of names) {
      const name = `${dirName}/${dirent.name}`;
      if (dirent.isDirectory()) {
        yield* this.#walk(name);
      } else if (dirent.isFile()) {
        const info = await stat(this.#path(name)).catch(() => null);
        if (info) yield { name, bytes: info.size, modified: info.mtime };
      }
    }
  }

  async remove(name: string): Promise<void> {
    try {
      await unlink(this.#path(name));
    } catch (err) {
      if (!isCode(err, "ENOENT")) throw this.#fail("remove", name, err);
    }
  }

  async removeStaleTemps(before: Date): Promise<number> {
    let removed = 0;
    for await (const blob of this.#walk(TMP)) {
      if (blob.modified < before) {
        await this.remove(blob.name);
        removed += 1;
      }
    }
    return removed;
  }

  close(): void {}
}

function missing(root: string, name: string): CacheError {
  return new CacheError("E_CACHE_CORRUPT", `cache ${root}: ${name} is missing`);
}

function isCode(err: unknown, code: string): boolean {
  return (err as NodeJS.ErrnoException | null)?.code === code;
}
