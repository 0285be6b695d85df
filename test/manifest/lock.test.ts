// The output lock: instant takeover of a dead local pid, heartbeat for locks from other hosts (containers), races (fake clock).
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, readdir, rm, stat, utimes, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acquireOutputLock, OutputLockedError } from "../../src/manifest/index.js";
import { createFakeClock } from "../helpers/fake-clock.js";
import { until } from "../helpers/wait.js";

/** The wall time the tests' locks were last refreshed at, and the fake clocks start from. */
const T0 = Date.parse("2026-11-21T10:00:00.000Z");

let dir: string;
let lockPath: string;
let children: ChildProcess[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "storyreel-lock-"));
  lockPath = join(dir, ".storyreel.lock");
});
afterEach(async () => {
  for (const child of children) child.kill("SIGKILL");
  children = [];
  await rm(dir, { recursive: true, force: true });
});

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""]);
  await new Promise((resolve) => child.on("exit", resolve));
  return child.pid!;
}

/** A lock from someone else, its heartbeat (mtime) at T0. */
async function writeLock(owner: { pid: number; hostname: string }): Promise<string> {
  const text = JSON.stringify({ ...owner, started_at: "2026-11-21T09:00:00.000Z", token: "theirs" });
  await writeFile(lockPath, text);
  await utimes(lockPath, new Date(T0), new Date(T0));
  return text;
}

/** A clock at T0 + `ms`: the lock's heartbeat is that old. */
const heartbeatAged = (ms: number) => createFakeClock(T0 + ms);

async function refusal(promise: Promise<unknown>): Promise<OutputLockedError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(OutputLockedError);
  return err as OutputLockedError;
}

describe("output lock", () => {
  it("same host, holder's pid gone: taken over at once, however fresh its heartbeat", async () => {
    await writeLock({ pid: await deadPid(), hostname: hostname() });
    // a clock that never moves: taking over must not wait for anything
    const lock = await acquireOutputLock(dir, { clock: heartbeatAged(0) });
    expect(lock.tookOver).toBe(true);
    expect(JSON.parse(await readFile(lockPath, "utf8"))).toMatchObject({ pid: process.pid });
    await lock.release();
    expect(existsSync(lockPath)).toBe(false);
  });

  it("same host, holder's pid alive: refused even with an old heartbeat (a stopped run may resume)", async () => {
    const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
    children.push(child);
    await writeLock({ pid: child.pid!, hostname: hostname() });
    const err = await refusal(acquireOutputLock(dir, { clock: heartbeatAged(10 * 60_000) }));
    expect(err.code).toBe("E_OUTPUT_LOCKED");
    expect(err.message).toMatch(/in use by another storyreel run \(pid \d+ on /);
    expect(err.message).toContain(`If pid ${child.pid} is not a storyreel run, delete ${lockPath}`);
  });

  it("another host, fresh heartbeat: refused, saying whose lock it is, how old, and what to do", async () => {
    const text = await writeLock({ pid: 4242, hostname: "ci-runner-7f3a" });
    const err = await refusal(acquireOutputLock(dir, { clock: heartbeatAged(3000) }));
    expect(err).toMatchObject({
      code: "E_OUTPUT_LOCKED",
      pid: 4242,
      hostname: "ci-runner-7f3a",
      heartbeatAgeMs: 3000,
    });
    expect(err.message).toContain("pid 4242 on ci-runner-7f3a");
    expect(err.message).toMatch(/heartbeat 3 s ago/);
    expect(err.message).toContain("taken over by itself once its heartbeat is 30 s old");
    expect(err.message).toContain(lockPath);
    expect(await readFile(lockPath, "utf8")).toBe(text); // left as it was
  });

  it("another host: refused while its heartbeat is 30 s old, taken over once it is older", async () => {
    await writeLock({ pid: 4242, hostname: "container-that-was-killed" });
    await refusal(acquireOutputLock(dir, { clock: heartbeatAged(30_000) }));
    const lock = await acquireOutputLock(dir, { clock: heartbeatAged(30_001) });
    expect(lock.tookOver).toBe(true);
    expect(JSON.parse(await readFile(lockPath, "utf8"))).toMatchObject({
      pid: process.pid,
      hostname: hostname(),
    });
    await lock.release();
    // nothing left beside it: no temp or set-aside files
    expect(await readdir(dir)).toEqual([]);
  });

  it("the holder refreshes its heartbeat every heartbeatMs, so its lock never looks stale; release stops it", async () => {
    const clock = createFakeClock(T0);
    const lock = await acquireOutputLock(dir, { clock, heartbeatMs: 5_000 });
    const hourAgo = new Date(T0 - 3_600_000);
    await utimes(lockPath, hourAgo, hourAgo);
    await clock.advance(4_999);
    expect((await stat(lockPath)).mtimeMs).toBe(hourAgo.getTime());
    await clock.advance(1);
    // the heartbeat's file writes, not its timing, are what this waits for
    await until(async () => (await stat(lockPath)).mtimeMs === T0 + 5_000);
    await clock.advance(5_000);
    await until(async () => (await stat(lockPath)).mtimeMs === T0 + 10_000);
    await lock.release();
    expect(clock.pendingTimers()).toBe(0);
    expect(existsSync(lockPath)).toBe(false);
  });

  it("a lock that is no longer ours is not refreshed by our heartbeat", async () => {
    const clock = createFakeClock(T0 + 60_000);
    const lock = await acquireOutputLock(dir, { clock, heartbeatMs: 30 });
    const text = await writeLock({ pid: 4242, hostname: "someone-else" });
    for (let beat = 0; beat < 5; beat++) await clock.advance(30);
    await lock.release(); // waits for a heartbeat under way
    expect((await stat(lockPath)).mtimeMs).toBe(T0);
    expect(await readFile(lockPath, "utf8")).toBe(text); // release removes only our own lock
  });

  it("runs racing to take over one stale lock: exactly one gets it", async () => {
    const gone = await deadPid();
    for (let round = 0; round < 20; round++) {
      // alternately a killed local run's lock and a killed container's
      // (the system clock: T0 is long past, so the killed container's heartbeat is stale)
      await writeLock(
        round % 2 === 0 ? { pid: gone, hostname: hostname() } : { pid: 4242, hostname: "gone" },
      );
      const results = await Promise.allSettled(Array.from({ length: 4 }, () => acquireOutputLock(dir)));
      const won = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
      expect(won).toHaveLength(1);
      for (const r of results) {
        if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "E_OUTPUT_LOCKED" });
      }
      await won[0]!.release();
      expect(await readdir(dir)).toEqual([]);
    }
  });
});
