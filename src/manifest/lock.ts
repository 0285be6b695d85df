// One run per output folder: a lock file naming the owner's pid; a lock whose process is gone is taken over.
import { open, readFile, rm } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { LOCK_FILE } from "./types.js";
import { OutputLockedError } from "./errors.js";

export interface OutputLock {
  readonly path: string;
  /** True when the lock was taken over from a run that no longer exists. */
  readonly tookOver: boolean;
  release(): Promise<void>;
}

/** Locks this process holds: a lock file naming our own pid but not listed here was left by an earlier
 * process that had the same pid (containers reuse pids), so it is stale. */
const held = new Set<string>();

interface LockOwner {
  pid: number;
  hostname: string;
  started_at: string;
}

export async function acquireOutputLock(outDir: string): Promise<OutputLock> {
  const path = join(outDir, LOCK_FILE);
  let tookOver = false;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, "wx", 0o644);
      const owner: LockOwner = {
        pid: process.pid,
        hostname: hostname(),
        started_at: new Date().toISOString(),
      };
      await handle.writeFile(JSON.stringify(owner));
      await handle.close();
      held.add(path);
      return {
        path,
        tookOver,
        release: async () => {
          held.delete(path);
          await releaseIfOurs(path);
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    const owner = await readOwner(path);
    if (owner && isAlive(owner, held.has(path))) {
      throw new OutputLockedError(
        `${outDir} is in use by another storyreel run (pid ${owner.pid} on ${owner.hostname}, since ${owner.started_at}). Wait for it to finish, or stop it first.`,
        owner.pid,
      );
    }
    await rm(path, { force: true });
    tookOver = true;
  }
  throw new OutputLockedError(`could not lock ${outDir}: another run keeps taking the lock`, 0);
}

async function readOwner(path: string): Promise<LockOwner | null> {
  try {
    const parsed = JSON.parse(await readFile(path, "utf8")) as Partial<LockOwner>;
    if (typeof parsed.pid === "number" && typeof parsed.hostname === "string") {
      return { pid: parsed.pid, hostname: parsed.hostname, started_at: String(parsed.started_at) };
    }
  } catch {
    // Unreadable or torn lock (killed while writing it): treat as stale.
  }
  return null;
}

function isAlive(owner: LockOwner, heldHere: boolean): boolean {
  if (owner.hostname !== hostname()) return true; // another machine's run (shared folder): never steal it
  if (owner.pid === process.pid) return heldHere;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function releaseIfOurs(path: string): Promise<void> {
  const owner = await readOwner(path);
  if (owner?.pid === process.pid) await rm(path, { force: true });
}
