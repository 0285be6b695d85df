// Temporary files a dead run left in an output folder: removed by the next run that holds the folder's lock.
import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";

/**
 * The temporary files storyreel writes into an output folder while a run holds its lock, by folder: a clip being
 * downloaded (`clips/.<hex>.part`) or copied in from the cache (`clips/.<name>.<hex>.tmp`), and files replaced
 * atomically (`.manifest.json.<hex>.tmp`, …). Nothing else matches: stitch's `.film.mp4.<hex>.tmp.mp4` (stitch
 * takes no lock) and the lock's own files are left alone.
 */
const PATTERNS: readonly { dir: string; name: RegExp }[] = [
  { dir: "clips", name: /^\.[0-9a-f]{12}\.part$/ },
  { dir: "clips", name: /^\.[^/\\]+\.[0-9a-f]{12}\.tmp$/ },
  { dir: ".", name: /^\.(?!storyreel\.lock)[^/\\]+\.[0-9a-f]{12}\.tmp$/ },
];

/**
 * Removes what a run that died (SIGKILL, power loss) left behind. Call only while holding the folder's lock: then
 * no other run is writing there, so every such file is a dead run's. Returns the removed paths (relative, POSIX).
 */
export async function removeLeftovers(outDir: string): Promise<string[]> {
  const removed: string[] = [];
  for (const { dir, name } of PATTERNS) {
    const names = await readdir(join(outDir, dir)).catch(() => [] as string[]);
    for (const file of names.filter((n) => name.test(n))) {
      await rm(join(outDir, dir, file), { force: true });
      removed.push(dir === "." ? file : `${dir}/${file}`);
    }
  }
  return removed;
}
