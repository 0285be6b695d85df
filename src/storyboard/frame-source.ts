// Classifies a frame source as written (local path, https URL or data: URI) and checks URL and data: URI syntax.
import { resolve } from "node:path";
import { sha256Hex } from "../util/hash.js";
import { MAX_FRAME_BYTES, formatBytes } from "./limits.js";
import { IMAGE_MIMES, imageName, sniffImage } from "./image-type.js";
import type { ImageMime } from "./image-type.js";
import type { FrameRef } from "./types.js";

/** A checked frame, or why it is unusable (`code` + message naming what is allowed). */
export type FrameResult = { ok: true; ref: FrameRef } | { ok: false; code: string; message: string };

export type FrameSource =
  | { kind: "file"; absPath: string }
  | { kind: "url" }
  | { kind: "data" }
  | { kind: "bad"; code: string; message: string };

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
const ALLOWED =
  "use an https:// URL, a local file path (relative to the storyboard) or a data:image/…;base64 URI";

/** What kind of source `source` is; local paths are resolved against the storyboard's folder. */
export function classifySource(source: string, baseDir: string): FrameSource {
  const scheme = SCHEME.exec(source)?.[1]?.toLowerCase();
  // One letter before ":" is a Windows drive (C:\frames\a.png), not a URL scheme.
  if (scheme === undefined || scheme.length === 1) {
    return { kind: "file", absPath: resolve(baseDir, source) };
  }
  if (scheme === "https") return { kind: "url" };
  if (scheme === "data") return { kind: "data" };
  if (scheme === "file") {
    return {
      kind: "bad",
      code: "frame-scheme",
      message: `file: URLs are not allowed: write the path itself (${ALLOWED})`,
    };
  }
  return { kind: "bad", code: "frame-scheme", message: `${scheme}: URLs are not allowed: ${ALLOWED}` };
}

/** An https URL: must parse, name a host and carry no user:password (it would end up in the manifest). */
export function checkUrl(source: string): FrameResult {
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    return { ok: false, code: "frame-url", message: `${JSON.stringify(source)} is not a valid URL` };
  }
  if (url.hostname === "") return { ok: false, code: "frame-url", message: "the URL has no host name" };
  if (url.username !== "" || url.password !== "") {
    return {
      ok: false,
      code: "frame-url",
      message: "the URL must not contain a user name or password (it would be written to the manifest)",
    };
  }
  return { ok: true, ref: { source, kind: "url", sha256: sha256Hex(source) } };
}

const DATA_URI = /^data:([^;,]*)((?:;[^;,]*)*),(.*)$/s;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** data:image/(png|jpeg|webp);base64,… with strict base64 whose bytes are the declared image type. */
export function checkDataUri(source: string): FrameResult {
  const bad = (message: string): FrameResult => ({ ok: false, code: "frame-data-uri", message });
  const match = DATA_URI.exec(source);
  if (!match) return bad("a data: URI must look like data:image/png;base64,<data>");
  const mime = (match[1] ?? "").toLowerCase();
  const params = (match[2] ?? "").toLowerCase();
  const payload = match[3] ?? "";
  if (!isImageMime(mime)) {
    const hint = mime === "image/jpg" ? ': write "image/jpeg"' : "";
    return bad(
      `data: URI type ${JSON.stringify(mime)} is not allowed${hint} (allowed: ${IMAGE_MIMES.join(", ")})`,
    );
  }
  if (params !== ";base64") return bad(`a data: URI must be base64: data:${mime};base64,<data>`);
  if (payload.length === 0) return bad("the data: URI has no data");
  if (payload.length % 4 !== 0 || !BASE64.test(payload)) {
    return bad("the data: URI's data is not valid base64 (only A-Z a-z 0-9 + / and = padding, no spaces)");
  }
  const bytes = Buffer.from(payload, "base64");
  if (bytes.length > MAX_FRAME_BYTES) {
    return bad(`the image is ${formatBytes(bytes.length)}; the limit is ${formatBytes(MAX_FRAME_BYTES)}`);
  }
  const actual = sniffImage(bytes);
  if (actual !== mime) {
    const got = actual ? imageName(actual) : "not a PNG, JPEG or WebP image";
    return bad(`the data: URI declares ${mime} but its bytes are ${got}`);
  }
  return { ok: true, ref: { source, kind: "data", sha256: sha256Hex(bytes), mime, bytes: bytes.length } };
}

function isImageMime(mime: string): mime is ImageMime {
  return (IMAGE_MIMES as readonly string[]).includes(mime);
}
