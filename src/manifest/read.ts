// Loads the manifest of an output folder, replaying the journal of a run that was killed mid-way.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { JOURNAL_FILE, MANIFEST_FILE, OLD_JOURNAL_FILE } from "./types.js";
import type { Manifest } from "./types.js";
import { manifestProblems } from "./schema.js";
import { readJournal } from "./journal.js";
import type { JournalEntry } from "./journal.js";
import { ManifestError } from "./errors.js";

/** The folder's manifest with journalled submissions applied, or null when the folder has none. */
export async function readManifest(outDir: string): Promise<Manifest | null> {
  const path = join(outDir, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new ManifestError("E_MANIFEST_IO", `cannot read ${path}`, { cause: err });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new ManifestError(
      "E_MANIFEST_INVALID",
      `${path} is not valid JSON; it was not written by storyreel (which writes atomically). Move it away to start afresh.`,
      { cause: err },
    );
  }
  const problems = manifestProblems(parsed);
  if (problems.length > 0) {
    throw new ManifestError(
      "E_MANIFEST_INVALID",
      `${path} does not match schemas/manifest.schema.json: ${problems.slice(0, 5).join("; ")}`,
    );
  }
  const manifest = parsed as Manifest;
  // Replaying is idempotent: a journal already folded into the snapshot sets the values it already has.
  applyJournal(manifest, await readJournal(join(outDir, OLD_JOURNAL_FILE)));
  applyJournal(manifest, await readJournal(join(outDir, JOURNAL_FILE)));
  return manifest;
}

/** Applies journalled changes in order: each sets fields of one shot; shots no longer listed are skipped. */
export function applyJournal(manifest: Manifest, entries: readonly JournalEntry[]): void {
  if (entries.length === 0) return;
  const byId = new Map(manifest.shots.map((s) => [s.id, s]));
  for (const entry of entries) {
    const shot = byId.get(entry.id);
    if (shot) Object.assign(shot, entry.set);
  }
}
