// What a lock file says about its holder (pid, host, heartbeat = mtime), and whether that holder is gone.
import { open } from "node:fs/promises";
import { hostname } from "node:os";

export interface LockOwner {
  pid: number;
  hostname: string;
  started_at: string;
  /** Random per acquisition: tells this holder's lock from a later one with the same pid. */
  token: string | null;
}

/** A lock file as read: its text (to recognise it again), its owner (null: unreadable) and heartbeat (mtime). */
export interface LockFileState {
  text: string;
  owner: LockOwner | null;
  heartbeatAt: number;
}

/** The lock file now, or null when there is none. */
export async function readLockFile(path: string): Promise<LockFileState | null> {
  let handle;
  try {
    handle = await open(path, "r");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
  try {
    const info = await handle.stat();
    const text = await handle.readFile("utf8");
    return { text, owner: parseOwner(text), heartbeatAt: info.mtimeMs };
  } finally {
    await handle.close();
  }
}

function parseOwner(text: string): LockOwner | null {
  try {
    const parsed = JSON.parse(text) as Partial<LockOwner>;
    if (typeof parsed.pid === "number" && typeof parsed.hostname === "string") {
      return {
        pid: parsed.pid,
        hostname: parsed.hostname,
        started_at: String(parsed.started_at),
        token: typeof parsed.token === "string" ? parsed.token : null,
      };
    }
  } catch {
    // Not JSON: not a lock storyreel finished writing (it links complete files into place), so it is stale.
  }
  return null;
}

/**
 * Is the holder still there? On this host the pid says so at once (a killed run's lock is taken over
 * immediately); a lock naming our own pid is ours only if this process took it (`ours`), else an earlier
 * process had the pid. From another host (a shared folder, or a container whose hostname changed) only
 * the heartbeat tells: the holder refreshes the lock's mtime every few seconds, so an old one means it is gone.
 */
export function holderAlive(
  state: LockFileState,
  check: { now: number; staleAfterMs: number; ours: (token: string | null) => boolean },
): boolean {
  const { owner } = state;
  if (owner === null) return false;
  if (owner.hostname !== hostname()) return check.now - state.heartbeatAt <= check.staleAfterMs;
  if (owner.pid === process.pid) return check.ours(owner.token);
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** "3 s", "2 min": how long ago, for messages. */
export function formatAge(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return seconds < 120 ? `${seconds} s` : `${Math.round(seconds / 60)} min`;
}
