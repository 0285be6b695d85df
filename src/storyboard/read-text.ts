// Reads a storyboard file safely: regular file, at most MAX_STORYBOARD_BYTES, no NUL bytes, valid UTF-8.
import { open } from "node:fs/promises";
import { sha256Hex } from "../util/hash.js";
import { describeFsError } from "./fs-error.js";
import { MAX_STORYBOARD_BYTES, formatBytes } from "./limits.js";

export type ReadText =
  { ok: true; text: string; sha256: string } | { ok: false; code: string; message: string; sha256: string };

const utf8 = new TextDecoder("utf-8", { fatal: true });

export async function readStoryboardText(absPath: string): Promise<ReadText> {
  const fail = (code: string, message: string, sha256 = ""): ReadText => ({
    ok: false,
    code,
    message,
    sha256,
  });
  let bytes: Buffer;
  try {
    const read = await readCapped(absPath);
    if (read.kind === "not-file") return fail("file-not-regular", "not a regular file");
    if (read.kind === "too-large") {
      const limit = formatBytes(MAX_STORYBOARD_BYTES);
      return fail("file-too-large", `the file is larger than the limit of ${limit}: ${read.size} bytes`);
    }
    bytes = read.bytes;
  } catch (err) {
    return fail("file-unreadable", `cannot read the storyboard: ${describeFsError(err)}`);
  }
  const sha256 = sha256Hex(bytes);
  if (bytes.includes(0)) {
    return fail("file-binary", "binary file (contains NUL bytes): a storyboard is UTF-8 YAML text", sha256);
  }
  try {
    return { ok: true, text: utf8.decode(bytes), sha256 };
  } catch {
    return fail("file-not-utf8", "not valid UTF-8 text: save the storyboard as UTF-8", sha256);
  }
}

type CappedRead = { kind: "ok"; bytes: Buffer } | { kind: "not-file" } | { kind: "too-large"; size: number };

/** Reads at most MAX_STORYBOARD_BYTES + 1 bytes, so a huge (or growing) file is never read whole. */
async function readCapped(absPath: string): Promise<CappedRead> {
  const handle = await open(absPath, "r");
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return { kind: "not-file" };
    if (stat.size > MAX_STORYBOARD_BYTES) return { kind: "too-large", size: stat.size };
    const buffer = Buffer.alloc(MAX_STORYBOARD_BYTES + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > MAX_STORYBOARD_BYTES) return { kind: "too-large", size: length };
    }
    return { kind: "ok", bytes: buffer.subarray(0, length) };
  } finally {
    await handle.close();
  }
}
