// Crash-safe file replacement: write a temp file beside the target, fsync it, rename, fsync the folder.
import { open, rename, rm } from "node:fs/promises";
import type { FileHandle } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { randomBytes } from "node:crypto";

/** Pieces of text are gathered up to this many bytes per write. */
const WRITE_BATCH_BYTES = 256 * 1024;

/** Replaces `target` with `data` (bytes, a string, or pieces of text written as they come); returns the bytes. */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array | Iterable<string>,
): Promise<number> {
  const dir = dirname(target);
  const temp = join(dir, `.${basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  let bytes = 0;
  try {
    const handle = await open(temp, "w", 0o644);
    try {
      if (typeof data === "string" || data instanceof Uint8Array) {
        const buffer = typeof data === "string" ? Buffer.from(data) : data;
        await handle.writeFile(buffer);
        bytes = buffer.byteLength;
      } else {
        bytes = await writePieces(handle, data);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
  await syncDir(dir);
  return bytes;
}

async function writePieces(handle: FileHandle, pieces: Iterable<string>): Promise<number> {
  let bytes = 0;
  let batch: string[] = [];
  let batchLength = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const buffer = Buffer.from(batch.join(""));
    batch = [];
    batchLength = 0;
    await handle.write(buffer);
    bytes += buffer.byteLength;
  };
  for (const piece of pieces) {
    batch.push(piece);
    batchLength += piece.length;
    if (batchLength >= WRITE_BATCH_BYTES) await flush();
  }
  await flush();
  return bytes;
}

/** fsync a directory so a rename in it survives power loss; a no-op where the platform refuses. */
export async function syncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, "r");
    await handle.sync();
  } catch {
    // Some platforms (Windows) cannot open or fsync a directory; the rename is still atomic there.
  } finally {
    await handle?.close();
  }
}
