// Keeps clips named by their current position (a video editor imports by name) and moves removed shots' clips aside.
import { access, mkdir, readFile, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { randomBytes } from "node:crypto";
import { syncDir, writeFileAtomic } from "../../manifest/index.js";
import type { Manifest } from "../../manifest/index.js";

/** Where clips of shots no longer in the storyboard (and strays in a clip's way) are moved: never deleted. */
export const REMOVED_DIR = "clips/removed";
/** The moves under way; a run that dies between renames leaves it, and the next run finishes them. */
const JOURNAL = ".storyreel/clip-moves.json";

export interface ClipMove {
  /** The shot whose clip moves; null for a file in the way that no record claims. */
  id: string | null;
  /** Relative to the output folder, POSIX separators. */
  from: string;
  to: string;
}

interface Journal {
  /** "park": moving every source to its temporary name; "place": moving temporaries to their targets. */
  phase: "park" | "place";
  moves: (ClipMove & { temp: string })[];
}

export interface ClipOrderResult {
  /** The previous manifest with every moved clip's path updated (null when there was none). */
  manifest: Manifest | null;
  /** Clips renamed to their shot's current position. */
  renamed: ClipMove[];
  /** Clips moved under clips/removed/: shots no longer in the storyboard, and files in a clip's way. */
  movedAside: ClipMove[];
  /**
   * Call once the manifest with the new paths is on disk: forgets the moves. Until then a crash leaves the
   * journal, and the next run applies the same moves to the manifest it reads.
   */
  commit(): Promise<void>;
}

export interface ClipOrderInput {
  outDir: string;
  previous: Manifest | null;
  /** Where each current shot's clip belongs, by id (e.g. clips/003-mona.mp4). */
  targets: ReadonlyMap<string, string>;
}

/**
 * Finishes moves a dead run left, then renames every recorded clip whose shot moved in the storyboard to its
 * new name and moves clips of shots that are gone to clips/removed/. Renames go through temporary names, so a
 * swap of two positions works, and a file in the way that no record claims is moved aside, never overwritten.
 * Only the run that holds the folder's lock may call this.
 */
export async function orderClips(input: ClipOrderInput): Promise<ClipOrderResult> {
  const { outDir } = input;
  const journalPath = join(outDir, JOURNAL);
  const left = await readJournal(journalPath);
  let manifest = input.previous;
  if (left) {
    await carryOut(outDir, journalPath, left);
    manifest = applyMoves(manifest, left.moves);
  }
  const planned = await planMoves(outDir, manifest, input.targets);
  if (planned.length > 0) {
    const journal: Journal = {
      phase: "park",
      moves: planned.map((m) => ({ ...m, temp: `clips/.move-${randomBytes(6).toString("hex")}.mp4` })),
    };
    await mkdir(dirname(journalPath), { recursive: true });
    await writeFileAtomic(journalPath, JSON.stringify(journal));
    await carryOut(outDir, journalPath, journal);
    manifest = applyMoves(manifest, planned);
  }
  const all = [...(left?.moves ?? []), ...planned];
  const pending = left !== null || planned.length > 0;
  return {
    manifest,
    renamed: all.filter((m) => !m.to.startsWith(`${REMOVED_DIR}/`)).map(plain),
    movedAside: all.filter((m) => m.to.startsWith(`${REMOVED_DIR}/`)).map(plain),
    commit: async () => {
      if (pending) await rm(journalPath, { force: true });
    },
  };
}

async function planMoves(
  outDir: string,
  manifest: Manifest | null,
  targets: ReadonlyMap<string, string>,
): Promise<ClipMove[]> {
  const moves: ClipMove[] = [];
  const sources = new Set<string>();
  for (const shot of manifest?.shots ?? []) {
    const from = shot.clip?.path;
    if (!from || !(await exists(join(outDir, from)))) continue;
    const target = targets.get(shot.id);
    if (target === from) continue;
    moves.push({ id: shot.id, from, to: target ?? `${REMOVED_DIR}/${basename(from)}` });
    sources.add(from);
  }
  // A file at a target that is not itself moving away (no record claims it) goes aside first.
  const claimed = new Set(moves.map((m) => m.to));
  for (const to of claimed) {
    if (to.startsWith(`${REMOVED_DIR}/`) || sources.has(to) || !(await exists(join(outDir, to)))) continue;
    moves.push({ id: null, from: to, to: `${REMOVED_DIR}/${basename(to)}` });
  }
  // Names under clips/removed/ never overwrite what an earlier run put there.
  const taken = new Set<string>();
  for (const move of moves) {
    if (!move.to.startsWith(`${REMOVED_DIR}/`)) continue;
    move.to = await freeName(outDir, move.to, taken);
    taken.add(move.to);
  }
  return moves;
}

async function freeName(outDir: string, wanted: string, taken: ReadonlySet<string>): Promise<string> {
  const stem = wanted.replace(/\.mp4$/, "");
  let candidate = wanted;
  for (let n = 2; taken.has(candidate) || (await exists(join(outDir, candidate))); n++) {
    candidate = `${stem}-${n}.mp4`;
  }
  return candidate;
}

/** Park every source under its temporary name, record that, then place every temporary: each step idempotent. */
async function carryOut(outDir: string, journalPath: string, journal: Journal): Promise<void> {
  if (journal.phase === "park") {
    for (const move of journal.moves) {
      const temp = join(outDir, move.temp);
      if (!(await exists(temp)) && (await exists(join(outDir, move.from)))) {
        await rename(join(outDir, move.from), temp);
      }
    }
    await syncDir(join(outDir, "clips"));
    journal.phase = "place";
    await writeFileAtomic(journalPath, JSON.stringify(journal));
  }
  for (const move of journal.moves) {
    const temp = join(outDir, move.temp);
    if (!(await exists(temp))) continue;
    await mkdir(dirname(join(outDir, move.to)), { recursive: true });
    await rename(temp, join(outDir, move.to));
  }
  await syncDir(join(outDir, "clips"));
  await syncDir(join(outDir, REMOVED_DIR)).catch(() => undefined);
}

function applyMoves(manifest: Manifest | null, moves: readonly ClipMove[]): Manifest | null {
  if (!manifest) return manifest;
  const byFrom = new Map(moves.filter((m) => m.id !== null).map((m) => [m.from, m]));
  return {
    ...manifest,
    shots: manifest.shots.map((shot) => {
      const move = shot.clip ? byFrom.get(shot.clip.path) : undefined;
      return move && shot.clip && move.id === shot.id
        ? { ...shot, clip: { ...shot.clip, path: move.to } }
        : shot;
    }),
  };
}

async function readJournal(path: string): Promise<Journal | null> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    return null;
  }
  const journal = JSON.parse(text) as Journal;
  return journal.phase === "park" || journal.phase === "place" ? journal : null;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

function plain(move: ClipMove): ClipMove {
  return { id: move.id, from: move.from, to: move.to };
}
