// The two forms of a shot's request: the body actually sent (frames inline) and the record kept in the manifest.
import { StoryreelError } from "../util/errors.js";
import { FrameCache } from "./frame-cache.js";
import type { ResolvedShot } from "./types.js";

/**
 * The body to POST: fields plus each frame as a data: URI (local files, via `cache`), or as written (URL, data:).
 * Throws FrameChangedError (E_FRAME_CHANGED) when a frame file changed since validation, and E_UPSTREAM_UNBOUND
 * for a frame of another shot's clip not bound yet (bindUpstreamFrames): never sent without it.
 */
export async function buildRequestBody(
  shot: ResolvedShot,
  cache?: FrameCache,
): Promise<Record<string, unknown>> {
  const unbound = Object.entries(shot.upstream ?? {}).filter(([field]) => !Object.hasOwn(shot.frames, field));
  if (unbound.length > 0) {
    const named = unbound.map(([field, ref]) => `${field} from shot "${ref.shot}" (${String(ref.frame)})`);
    throw new StoryreelError(
      "E_UPSTREAM_UNBOUND",
      `shot "${shot.id}" needs frames of other shots' clips bound before it is sent: ${named.join(", ")}`,
    );
  }
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
