// The output lock: instant takeover of a dead local pid, heartbeat for locks from other hosts (containers), races.
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, readdir, rm, stat, utimes, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acquireOutputLock, OutputLockedError } from "../../src/manifest/index.js";

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

async function writeLock(owner: { pid: number; hostname: string }, heartbeatAgoMs: number): Promise<string> {
  const text = JSON.stringify({ ...owner, started_at: "2026-11-21T10:00:00.000Z", token: "theirs" });
  await writeFile(lockPath, text);
  const at = new Date(Date.now() - heartbeatAgoMs);
  await utimes(lockPath, at, at);
  return text;
}

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
    await writeLock({ pid: await deadPid(), hostname: hostname() }, 0);
    const started = performance.now();
    const lock = await acquireOutputLock(dir);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(lock.tookOver).toBe(true);
    expect(JSON.parse(await readFile(lockPath, "utf8"))).toMatchObject({ pid: process.pid });
    await lock.release();
    expect(existsSync(lockPath)).toBe(false);
  });

  it("same host, holder's pid alive: refused even with an old heartbeat (a stopped run may resume)", async () => {
    const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
    children.push(child);
    await writeLock({ pid: child.pid!, hostname: hostname() }, 10 * 60_000);
    const err = await refusal(acquireOutputLock(dir));
    expect(err.code).toBe("E_OUTPUT_LOCKED");
    expect(err.message).toMatch(/in use by another storyreel run \(pid \d+ on /);
    expect(err.message).toContain(`If pid ${child.pid} is not a storyreel run, delete ${lockPath}`);
  });

  it("another host, fresh heartbeat: refused, saying whose lock it is, how old, and what to do", async () => {
    const text = await writeLock({ pid: 4242, hostname: "ci-runner-7f3a" }, 3000);
    const err = await refusal(acquireOutputLock(dir));
    expect(err).toMatchObject({ code: "E_OUTPUT_LOCKED", pid: 4242, hostname: "ci-runner-7f3a" });
    expect(err.heartbeatAgeMs).toBeGreaterThanOrEqual(2900);
    expect(err.heartbeatAgeMs).toBeLessThan(30_000);
    expect(err.message).toContain("pid 4242 on ci-runner-7f3a");
    expect(err.message).toMatch(/heartbeat 3 s ago/);
    expect(err.message).toContain("taken over by itself once its heartbeat is 30 s old");
    expect(err.message).toContain(lockPath);
    expect(await readFile(lockPath, "utf8")).toBe(text); // left as it was
  });

  it("another host, heartbeat older than 30 s: the killed container's lock is taken over", async () => {
    await writeLock({ pid: 4242, hostname: "container-that-was-killed" }, 31_000);
    const lock = await acquireOutputLock(dir);
    expect(lock.tookOver).toBe(true);
    expect(JSON.parse(await readFile(lockPath, "utf8"))).toMatchObject({
      pid: process.pid,
      hostname: hostname(),
    });
    await lock.release();
    // nothing left beside it: no temp or set-aside files
    expect(await readdir(dir)).toEqual([]);
  });

  it("the holder refreshes its heartbeat, so its lock never looks stale; release stops it", async () => {
    const lock = await acquireOutputLock(dir, { heartbeatMs: 50 });
    const hourAgo = new Date(Date.now() - 3_600_000);
    await utimes(lockPath, hourAgo, hourAgo);
    const deadline = Date.now() + 2000;
    while (Date.now() - (await stat(lockPath)).mtimeMs > 5000) {
      expect(Date.now()).toBeLessThan(deadline);
      await sleep(20);
    }
    await lock.release();
    await sleep(150);
    expect(existsSync(lockPath)).toBe(false);
  });

  it("a lock that is no longer ours is not refreshed by our heartbeat", async () => {
    const lock = await acquireOutputLock(dir, { heartbeatMs: 30 });
    const text = await writeLock({ pid: 4242, hostname: "someone-else" }, 60_000);
    const before = (await stat(lockPath)).mtimeMs;
    await sleep(200);
    expect((await stat(lockPath)).mtimeMs).toBe(before);
    await lock.release();
    expect(await readFile(lockPath, "utf8")).toBe(text); // release removes only our own lock
  });

  it("runs racing to take over one stale lock: exactly one gets it", async () => {
    const gone = await deadPid();
    for (let round = 0; round < 20; round++) {
      // alternately a killed local run's lock and a killed container's
      await writeLock(
        round % 2 === 0 ? { pid: gone, hostname: hostname() } : { pid: 4242, hostname: "gone" },
        60_000,
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
