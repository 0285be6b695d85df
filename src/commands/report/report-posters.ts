// Poster frames for the report: a 320px JPEG per clip, cached by the clip's sha256 so reruns cost nothing.
import { mkdir, readFile, readdir, rename, rm } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { makeThumbnail } from "../../media/index.js";
import { hasCode } from "../../util/errors.js";

export const POSTER_DIR = ".storyreel/posters";
const POSTER_WIDTH = 320;

export interface PosterCache {
  dir: string;
  /** Posters made by this run (cache misses). */
  made: number;
  /** Make no more than this many; later cache misses get no poster. */
  maxNew: number;
}

/** The poster of `clipPath` as a data: URI, or null when ffmpeg is missing or cannot read the clip. */
export async function posterFor(
  cache: PosterCache,
  clipPath: string,
  sha256: string,
  opts: { atSeconds: number; signal?: AbortSignal },
): Promise<string | null> {
  const file = join(cache.dir, `${sha256}.jpg`);
  let data = await readIfPresent(file);
  if (data === null) {
    if (cache.made >= cache.maxNew) return null;
    cache.made++; // reserved before the await, so concurrent misses respect the bound
    await mkdir(cache.dir, { recursive: true });
    const temp = join(cache.dir, `.${sha256}.${randomBytes(4).toString("hex")}.tmp.jpg`);
    try {
      await makeThumbnail(clipPath, temp, {
        atSeconds: opts.atSeconds,
        width: POSTER_WIDTH,
        ...(opts.signal ? { signal: opts.signal } : {}),
      });
      await rename(temp, file);
    } catch (err) {
      cache.made--;
      if (!hasCode(err, "E_FFMPEG_FAILED", "E_FFMPEG_MISSING")) throw err;
      return null;
    } finally {
      await rm(temp, { force: true });
    }
    data = await readIfPresent(file);
  }
  return data === null ? null : `data:image/jpeg;base64,${data.toString("base64")}`;
}

/** Removes cached posters of clips the manifest no longer names. */
export async function prunePosters(cache: PosterCache, keep: ReadonlySet<string>): Promise<void> {
  let names: string[];
  try {
    names = await readdir(cache.dir);
  } catch {
    return;
  }
  await Promise.all(
    names
      .filter((n) => /^[0-9a-f]{64}\.jpg$/.test(n) && !keep.has(n.slice(0, 64)))
      .map((n) => rm(join(cache.dir, n), { force: true })),
  );
}

async function readIfPresent(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch {
    return null;
  }
}
