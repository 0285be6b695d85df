// Crash-safe file replacement: write a temp file beside the target, fsync it, rename, fsync the folder.
import { open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { randomBytes } from "node:crypto";

export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<number> {
  const dir = dirname(target);
  const temp = join(dir, `.${basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  const buffer = typeof data === "string" ? Buffer.from(data) : data;
  try {
    const handle = await open(temp, "w", 0o644);
    try {
      await handle.writeFile(buffer);
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
  return buffer.byteLength;
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
