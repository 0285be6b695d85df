// Checks a local frame file (exists, regular, within the size limit, PNG/JPEG/WebP by content) and hashes it.
import { readFile, stat } from "node:fs/promises";
import { sha256Hex } from "../util/hash.js";
import { describeFsError } from "./fs-error.js";
import { MAX_FRAME_BYTES, formatBytes } from "./limits.js";
import { sniffImage } from "./image-type.js";
import type { FrameResult } from "./frame-source.js";

export async function checkFrameFile(source: string, absPath: string): Promise<FrameResult> {
  const bad = (code: string, message: string): FrameResult => ({ ok: false, code, message });
  let size: number;
  try {
    const info = await stat(absPath);
    if (info.isDirectory())
      return bad("frame-not-file", `${JSON.stringify(source)} is a directory, not an image`);
    if (!info.isFile()) return bad("frame-not-file", `${JSON.stringify(source)} is not a regular file`);
    size = info.size;
  } catch (err) {
    return bad(
      "frame-missing",
      `cannot read frame ${JSON.stringify(source)}: ${describeFsError(err)} (${absPath})`,
    );
  }
  if (size > MAX_FRAME_BYTES) {
    const message = `frame ${JSON.stringify(source)} is ${formatBytes(size)}; the limit is ${formatBytes(MAX_FRAME_BYTES)}`;
    return bad("frame-too-large", message);
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(absPath);
  } catch (err) {
    return bad(
      "frame-missing",
      `cannot read frame ${JSON.stringify(source)}: ${describeFsError(err)} (${absPath})`,
    );
  }
  if (bytes.length > MAX_FRAME_BYTES) {
    return bad(
      "frame-too-large",
      `frame ${JSON.stringify(source)} grew past ${formatBytes(MAX_FRAME_BYTES)}`,
    );
  }
  const mime = sniffImage(bytes);
  if (mime === null) {
    const what = bytes.length === 0 ? "is empty" : "is not a PNG, JPEG or WebP image (judged by its content)";
    return bad("frame-not-image", `frame ${JSON.stringify(source)} ${what}`);
  }
  return {
    ok: true,
    ref: { source, kind: "file", sha256: sha256Hex(bytes), mime, bytes: bytes.length, absPath },
  };
}
