// The two forms of a shot's request: the body actually sent (frames inline) and the record kept in the manifest.
import { FrameCache } from "./frame-cache.js";
import type { ResolvedShot } from "./types.js";

/**
 * The body to POST: fields plus each frame as a data: URI (local files, via `cache`), or as written (URL, data:).
 * Throws FrameChangedError (E_FRAME_CHANGED) when a frame file changed since validation.
 */
export async function buildRequestBody(
  shot: ResolvedShot,
  cache?: FrameCache,
): Promise<Record<string, unknown>> {
  const frames = cache ?? new FrameCache();
  const body: Record<string, unknown> = { ...shot.fields };
  for (const [field, ref] of Object.entries(shot.frames)) {
    body[field] = ref.kind === "file" ? await frames.dataUri(ref) : ref.source;
  }
  return body;
}

/**
 * The body as recorded: each frame as `{ source, sha256 }` — never image bytes. A data: URI's source is
 * shortened to its header, since the bytes are identified by the hash.
 */
export function requestRecord(shot: ResolvedShot): Record<string, unknown> {
  const record: Record<string, unknown> = { ...shot.fields };
  for (const [field, ref] of Object.entries(shot.frames)) {
    const source = ref.kind === "data" ? `${ref.source.slice(0, ref.source.indexOf(",") + 1)}…` : ref.source;
    record[field] = { source, sha256: ref.sha256 };
  }
  return record;
}
