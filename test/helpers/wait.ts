// Polling helpers for tests that watch another process: wait for a condition, read generation ids as they land.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { Manifest } from "../../src/manifest/index.js";

/** Resolves once `check` is true; rejects after `timeoutMs`. */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(20);
  }
}

/**
 * Generation ids on disk right now, tolerant of files being written by a live run: the manifest snapshot plus
 * the journals (a torn last line is ignored). For a finished or killed run use readManifest instead.
 */
export async function idsOnDisk(outDir: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  try {
    const manifest = JSON.parse(await readFile(join(outDir, "manifest.json"), "utf8")) as Manifest;
    for (const s of manifest.shots) if (s.generation_id) ids.set(s.id, s.generation_id);
  } catch {
    // not written yet
  }
  for (const journal of ["manifest.journal.old", "manifest.journal"]) {
    let text = "";
    try {
      text = await readFile(join(outDir, journal), "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n")) {
      if (!line.trim()) continue;
      try {
        const entry = JSON.parse(line) as { id: string; set: { generation_id?: string | null } };
        if (entry.set.generation_id) ids.set(entry.id, entry.set.generation_id);
      } catch {
        // a line being written right now
      }
    }
  }
  return ids;
}
