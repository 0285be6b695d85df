// `report`: report.html in the output folder, one card per shot with a poster frame and the playable clip.
import { stat } from "node:fs/promises";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import pLimit from "p-limit";
import { writeFileAtomic } from "../../manifest/index.js";
import type { Manifest, ShotRecord } from "../../manifest/index.js";
import { reportHtml } from "../../views/html/index.js";
import type { ReportCard } from "../../views/html/index.js";
import { loadOutput } from "../shared/load-output.js";
import { POSTER_DIR, posterFor, prunePosters } from "./report-posters.js";
import type { PosterCache } from "./report-posters.js";
import { FILM_FILE } from "../stitch/stitch.js";

export const REPORT_FILE = "report.html";

export interface ReportOptions {
  outDir: string;
  /** The folder's manifest when the caller has it in memory; default: read it (journal replayed). */
  manifest?: Manifest;
  signal?: AbortSignal;
  /**
   * Make at most this many new posters (one ffmpeg run each); cards beyond show the clip's own first frame.
   * `render` passes a bound so a large storyboard's run does not end with thousands of ffmpeg runs;
   * `storyreel report` makes them all. Default: no bound.
   */
  maxNewPosters?: number;
  /**
   * The reader's working folder: the page shows the storyboard's path relative to it (absolute when it is
   * outside). The CLI passes its own; without it the page shows the absolute path.
   */
  cwd?: string;
}

/** A page embeds at most this many posters (each ~15 KB inline), so a 10,000-shot report stays small. */
export const MAX_INLINE_POSTERS = 1000;

export interface ReportResult {
  /** Absolute path of report.html. */
  path: string;
  cards: number;
  /** Cards that have a poster frame. */
  posters: number;
  /** Posters made now (not found in the cache). */
  postersMade: number;
}

/** Idempotent: the same manifest and clips give byte-identical report.html; posters are cached. */
export async function writeReport(options: ReportOptions): Promise<ReportResult> {
  const outDir = resolve(options.outDir);
  const manifest = options.manifest ?? (await loadOutput(options.outDir));
  const cache: PosterCache = {
    dir: join(outDir, POSTER_DIR),
    made: 0,
    maxNew: options.maxNewPosters ?? Infinity,
  };
  const limit = pLimit(2);
  let inline = 0;
  const cards = await Promise.all(
    manifest.shots.map((shot) =>
      limit(async () => {
        const card = await cardFor(outDir, shot, cache, {
          withPoster: inline < MAX_INLINE_POSTERS,
          signal: options.signal,
        });
        if (card.posterDataUri !== null) inline += 1;
        return card;
      }),
    ),
  );
  const keep = new Set(manifest.shots.flatMap((s) => (s.clip ? [s.clip.sha256] : [])));
  await prunePosters(cache, keep);
  const path = join(outDir, REPORT_FILE);
  const storyboardPath = shownStoryboard(resolve(outDir, manifest.storyboard.path), options.cwd);
  const film = await fileSize(join(outDir, FILM_FILE));
  const page = {
    manifest,
    cards,
    storyboardPath,
    film: film === null ? null : { path: FILM_FILE, bytes: film },
  };
  await writeFileAtomic(path, reportHtml(page));
  return {
    path,
    cards: cards.length,
    posters: cards.filter((c) => c.posterDataUri !== null).length,
    postersMade: cache.made,
  };
}

async function cardFor(
  outDir: string,
  shot: ShotRecord,
  cache: PosterCache,
  options: { withPoster: boolean; signal: AbortSignal | undefined },
): Promise<ReportCard> {
  const { signal } = options;
  if (!shot.clip) return { shot, posterDataUri: null, clipOnDisk: false };
  const clipPath = resolve(outDir, shot.clip.path);
  if (!(await hasSize(clipPath, shot.clip.bytes))) return { shot, posterDataUri: null, clipOnDisk: false };
  if (!options.withPoster) return { shot, posterDataUri: null, clipOnDisk: true };
  const atSeconds = Math.min(1, (shot.duration_seconds ?? 2) / 2);
  const posterDataUri = await posterFor(cache, clipPath, shot.clip.sha256, {
    atSeconds,
    ...(signal ? { signal } : {}),
  });
  return { shot, posterDataUri, clipOnDisk: true };
}

/** A cheap presence check (stitch and render verify sha256; the report only needs to know what will play). */
async function hasSize(path: string, bytes: number): Promise<boolean> {
  return (await fileSize(path)) === bytes;
}

/** The size of a regular file, or null when there is none. */
async function fileSize(path: string): Promise<number | null> {
  try {
    const info = await stat(path);
    return info.isFile() ? info.size : null;
  } catch {
    return null;
  }
}

/** Relative to `cwd` when the storyboard is inside it (POSIX separators), else absolute. */
function shownStoryboard(absPath: string, cwd: string | undefined): string {
  if (cwd === undefined) return absPath;
  const rel = relative(resolve(cwd), absPath);
  const outside = rel === "" || rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel);
  return outside ? absPath : rel.split(sep).join("/");
}
