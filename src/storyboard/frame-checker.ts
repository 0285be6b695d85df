// Checks every shot's frames once per distinct source (10,000 shots sharing one file read it once), a few at a time.
import pLimit from "p-limit";
import { checkFrameFile } from "./frame-file.js";
import { checkDataUri, checkUrl, classifySource, type FrameResult } from "./frame-source.js";
import type { ShotView } from "./shot-view.js";
import type { FrameKey } from "./rules/context.js";

const PARALLEL_READS = 8;
const FRAME_KEYS: readonly FrameKey[] = ["first_frame", "last_frame"];

export async function checkFrames(
  shots: readonly ShotView[],
  baseDir: string,
): Promise<Map<number, Partial<Record<FrameKey, FrameResult>>>> {
  const limit = pLimit(PARALLEL_READS);
  const bySource = new Map<string, Promise<FrameResult>>();
  const check = (source: string): Promise<FrameResult> => {
    const kind = classifySource(source, baseDir);
    const key = kind.kind === "file" ? `file:${kind.absPath}` : source;
    let result = bySource.get(key);
    if (result === undefined) {
      if (kind.kind === "file") result = limit(() => checkFrameFile(source, kind.absPath));
      else if (kind.kind === "url") result = Promise.resolve(checkUrl(source));
      else if (kind.kind === "data") result = Promise.resolve(checkDataUri(source));
      else result = Promise.resolve({ ok: false, code: kind.code, message: kind.message });
      bySource.set(key, result);
    }
    return result;
  };

  const out = new Map<number, Partial<Record<FrameKey, FrameResult>>>();
  const pending: Promise<void>[] = [];
  for (const shot of shots) {
    const entry: Partial<Record<FrameKey, FrameResult>> = {};
    out.set(shot.index, entry);
    for (const key of FRAME_KEYS) {
      const source = shot.values[key];
      // A reference to another shot's clip has no file to read yet: the reference rules check it.
      if (typeof source !== "string") continue;
      pending.push(
        check(source).then((r) => {
          entry[key] = r;
        }),
      );
    }
  }
  await Promise.all(pending);
  return out;
}
