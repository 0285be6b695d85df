// One run per output folder: a lock file naming its holder, refreshed by a heartbeat; a gone holder's lock is taken over.
import { link, open, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import type { Clock } from "../util/clock.js";
import { startTimer, systemClock } from "../util/clock.js";
import { LOCK_FILE } from "./types.js";
import { OutputLockedError } from "./errors.js";
import { formatAge, holderAlive, readLockFile } from "./lock-owner.js";
import type { LockFileState, LockOwner } from "./lock-owner.js";

export interface OutputLock {
  readonly path: string;
  /** True when the lock was taken over from a run that no longer exists. */
  readonly tookOver: boolean;
  release(): Promise<void>;
}

export interface OutputLockOptions {
  /** How often the holder refreshes the lock's mtime (default 5 s). */
  heartbeatMs?: number;
  /** A lock from another host whose heartbeat is older than this is taken over (default 30 s). */
  staleAfterMs?: number;
  /** Drives the heartbeat and tells the heartbeat's age (its wall time, as file mtimes are); default: the system clock. */
  clock?: Clock;
}

/** Tokens of the locks this process holds: a lock naming our pid with another token was left by an earlier
 * process that had the same pid (containers reuse pids), so it is stale. */
const held = new Set<string>();

export async function acquireOutputLock(
  outDir: string,
  options: OutputLockOptions = {},
): Promise<OutputLock> {
  const path = join(outDir, LOCK_FILE);
  const heartbeatMs = options.heartbeatMs ?? 5000;
  const staleAfterMs = options.staleAfterMs ?? 30_000;
  const clock = options.clock ?? systemClock;
  let tookOver = false;
  for (let attempt = 0; attempt < 40; attempt++) {
    const token = randomBytes(12).toString("hex");
    const owner = {
      pid: process.pid,
      hostname: hostname(),
      started_at: clock.wallNow().toISOString(),
      token,
    };
    if (await createLock(path, owner)) {
      held.add(token);
      return holding(path, { token, tookOver, heartbeatMs, clock });
    }
    const state = await readLockFile(path);
    if (state === null) continue; // released meanwhile: try again
    const now = clock.wallNow().getTime();
    if (holderAlive(state, { now, staleAfterMs, ours: (t) => t !== null && held.has(t) })) {
      throw lockedError(outDir, path, state, { staleAfterMs, now });
    }
    const removed = await removeStale(path, state, now);
    if (removed === "busy") await clock.sleep(25); // another run is taking it over: see what it left
    if (removed === "removed") tookOver = true;
  }
  throw new OutputLockedError(`could not lock ${outDir}: another run keeps taking the lock`, {
    pid: 0,
    hostname: null,
    heartbeatAgeMs: null,
  });
}

/** Filesystems without hard links (some network and FAT-like ones) answer link() with one of these. */
const NO_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EXDEV"]);

/**
 * Creates the lock with its content in one step: the content goes to a temp file that is then hard-linked
 * to the lock's name, which fails if a lock exists. So no reader ever sees a half-written lock.
 */
async function createLock(path: string, owner: LockOwner): Promise<boolean> {
  const temp = `${path}.${owner.token}.tmp`;
  await writeFile(temp, JSON.stringify(owner), { mode: 0o644 });
  try {
    await link(temp, path);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? "";
    if (code === "EEXIST") return false;
    if (NO_LINKS.has(code)) return createLockExclusive(path, owner);
    throw err;
  } finally {
    await rm(temp, { force: true });
  }
}

/** Without hard links: create-exclusive, then write (a reader may see it empty for a moment). */
async function createLockExclusive(path: string, owner: LockOwner): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, "wx", 0o644);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  }
  let written = false;
  try {
    await handle.writeFile(JSON.stringify(owner));
    written = true;
  } finally {
    await handle.close();
    if (!written) await rm(path, { force: true });
  }
  return true;
}

/** A takeover that has held its mutex this long was killed midway: the mutex is abandoned. */
const ABANDONED_TAKEOVER_MS = 10_000;

/**
 * Removes the lock judged stale, if it still is exactly that lock (same text, same heartbeat). Takeovers are
 * serialised by a second, short-lived lock file, so of several runs that find one stale lock only one removes
 * it, and none can remove the lock another run created after it.
 */
async function removeStale(
  path: string,
  stale: LockFileState,
  now: number,
): Promise<"removed" | "changed" | "busy"> {
  const mutex = `${path}.takeover`;
  let handle;
  try {
    handle = await open(mutex, "wx", 0o644);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    const since = await stat(mutex).then(
      (info) => now - info.mtimeMs,
      () => 0,
    );
    if (since > ABANDONED_TAKEOVER_MS) await rm(mutex, { force: true });
    return "busy";
  }
  try {
    await handle.close();
    const now = await readLockFile(path);
    if (now === null) return "changed";
    if (now.text !== stale.text || now.heartbeatAt !== stale.heartbeatAt) return "changed";
    await rm(path, { force: true });
    return "removed";
  } finally {
    await rm(mutex, { force: true });
  }
}

function holding(
  path: string,
  lock: { token: string; tookOver: boolean; heartbeatMs: number; clock: Clock },
): OutputLock {
  let beating: Promise<void> | null = null;
  let released = false;
  // Every heartbeatMs (an unref'd timer on the system clock: the lock never keeps the process alive).
  const beat = (): (() => void) =>
    startTimer(lock.clock, lock.heartbeatMs, () => {
      if (released) return;
      beating ??= heartbeat(path, lock.token, lock.clock.wallNow()).finally(() => (beating = null));
      cancel = beat();
    });
  let cancel = beat();
  return {
    path,
    tookOver: lock.tookOver,
    release: async () => {
      released = true;
      cancel();
      await beating;
      held.delete(lock.token);
      if ((await ownerToken(path)) === lock.token) await rm(path, { force: true });
    },
  };
}

/** Refreshes the lock's mtime if it is still ours; a lock that is gone or someone else's is left alone. */
async function heartbeat(path: string, token: string, now: Date): Promise<void> {
  try {
    if ((await ownerToken(path)) !== token) return;
    await utimes(path, now, now);
  } catch {
    // The folder is gone or unwritable: the run's own writes will say so.
  }
}

async function ownerToken(path: string): Promise<string | null> {
  try {
    const parsed = JSON.parse(await readFile(path, "utf8")) as { token?: unknown };
    return typeof parsed.token === "string" ? parsed.token : null;
  } catch {
    return null;
  }
}

function lockedError(
  outDir: string,
  path: string,
  state: LockFileState,
  at: { staleAfterMs: number; now: number },
): OutputLockedError {
  const { staleAfterMs } = at;
  const owner = state.owner!;
  const ageMs = Math.max(0, at.now - state.heartbeatAt);
  const foreign = owner.hostname !== hostname();
  const whose = `pid ${owner.pid} on ${owner.hostname}, since ${owner.started_at}, heartbeat ${formatAge(ageMs)} ago`;
  const what = foreign
    ? `If that run is gone (its machine or container was stopped), this lock is taken over by itself once its heartbeat is ${formatAge(staleAfterMs)} old; delete ${path} sooner only if you are sure.`
    : `If pid ${owner.pid} is not a storyreel run, delete ${path}.`;
  return new OutputLockedError(
    `${outDir} is in use by another storyreel run (${whose}). Wait for it to finish, or stop it first. ${what}`,
    { pid: owner.pid, hostname: owner.hostname, heartbeatAgeMs: ageMs },
  );
}
