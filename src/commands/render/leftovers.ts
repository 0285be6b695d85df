// The run holding a folder's lock removes the temporary files a dead run left (a SIGKILL mid-download).
import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";

/** Names storyreel gives its own temporaries: downloads (`.<hex>.part`) and atomic writes (`.<name>.<hex>.tmp`). */
const TEMPORARY = /^\.(?:[0-9a-f]{12}\.part|.+\.[0-9a-f]{12}\.tmp)$/;

/**
 * Removes storyreel's own temporary files from the output folder and its clips folders (never anything else:
 * a clip being renamed by an unfinished reorder keeps its journal's name). Call only while holding the lock —
 * then no other run can be writing them. Returns their paths relative to the folder.
 */
export async function removeLeftovers(outDir: string): Promise<string[]> {
  const removed: string[] = [];
  for (const sub of ["", "clips", "clips/removed"]) {
    const dir = join(outDir, sub);
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      continue; // no such folder yet
    }
    for (const name of names.filter((n) => TEMPORARY.test(n)).sort()) {
      await rm(join(dir, name), { force: true });
      removed.push(sub === "" ? name : `${sub}/${name}`);
    }
  }
  return removed;
}
