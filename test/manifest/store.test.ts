// The durable manifest: paid ids on disk before polling, crash replay, compaction that keeps bytes linear, the lock.
import { appendFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawn } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  acquireOutputLock,
  manifestProblems,
  ManifestStore,
  readManifest,
} from "../../src/manifest/index.js";
import type { Manifest, ShotRecord } from "../../src/manifest/index.js";
import { createFakeClock } from "../helpers/fake-clock.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "storyreel-manifest-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function shot(id: string): ShotRecord {
  return {
    id,
    status: "pending",
    model: "google/veo-3.1-t2v-fast",
    input_hash: "a".repeat(64),
    generation_id: null,
    submitted_at: null,
    completed_at: null,
    polls: 0,
    request: { model: "google/veo-3.1-t2v-fast", prompt: `prompt of ${id}` },
    video_url: null,
    clip: null,
    credits_used: null,
    error: null,
  };
}

function manifest(count: number): Manifest {
  return {
    version: 1,
    storyboard: { path: "../story.yaml", sha256: "b".repeat(64) },
    started_at: "2026-11-21T10:00:00.000Z",
    finished_at: null,
    shots: Array.from({ length: count }, (_, i) => shot(`s${i}`)),
  };
}

const SUBMISSION = { submitted_at: "2026-11-21T10:00:01.000Z", input_hash: "a".repeat(64) };

describe("ManifestStore", () => {
  it("a paid generation id is in the journal on disk when recordSubmission resolves", async () => {
    const store = await ManifestStore.open({ outDir: dir, manifest: manifest(2) });
    await store.recordSubmission("s1", { generation_id: "gen-1", ...SUBMISSION });
    const journal = await readFile(join(dir, "manifest.journal"), "utf8");
    expect(journal).toContain('"generation_id":"gen-1"');
    // a reader (status, the next run) sees it although manifest.json has not been rewritten
    const seen = await readManifest(dir);
    expect(seen?.shots[1]).toMatchObject({ status: "submitted", generation_id: "gen-1" });
    await store.close({ finished_at: "2026-11-21T10:01:00.000Z" });
  });

  it("an intent is in the journal when recordIntent resolves, after the shot's earlier pending changes", async () => {
    const store = await ManifestStore.open({ outDir: dir, manifest: manifest(2), batchMs: 60_000 });
    store.update("s1", { polls: 3, error: { code: "E_NETWORK", message: "reset" } });
    await store.recordIntent("s1", {
      status: "unknown",
      error: { code: "E_SUBMIT_INTERRUPTED", message: "x" },
    });
    const seen = await readManifest(dir);
    expect(seen?.shots[1]).toMatchObject({
      status: "unknown",
      polls: 3,
      error: { code: "E_SUBMIT_INTERRUPTED" },
    });
    // the answer replaces it, durable as ever
    await store.recordSubmission("s1", { generation_id: "gen-1", ...SUBMISSION });
    expect((await readManifest(dir))?.shots[1]).toMatchObject({
      status: "submitted",
      generation_id: "gen-1",
      error: null,
    });
    expect(store.stats().snapshots).toBe(1); // an intent alone is no snapshot milestone
    await store.close();
  });

  it("after a crash the snapshot plus journals replay to the last state; a torn last line is ignored", async () => {
    const store = await ManifestStore.open({ outDir: dir, manifest: manifest(3) });
    await store.recordSubmission("s0", { generation_id: "gen-0", ...SUBMISSION });
    store.update("s0", { status: "completed", polls: 3 });
    await store.recordSubmission("s2", { generation_id: "gen-2", ...SUBMISSION });
    // the process dies here: no close(); a write was cut mid-line
    await appendFile(join(dir, "manifest.journal"), '{"id":"s1","set":{"status":"comp');
    const seen = await readManifest(dir);
    expect(seen?.shots.map((s) => [s.status, s.generation_id, s.polls])).toEqual([
      ["completed", "gen-0", 3],
      ["pending", null, 0],
      ["submitted", "gen-2", 0],
    ]);
    // a crash during compaction leaves the old journal too: replaying it again changes nothing
    await writeFile(
      join(dir, "manifest.journal.old"),
      '{"id":"s0","set":{"status":"submitted","polls":0}}\n',
    );
    const again = await readManifest(dir);
    expect(again?.shots[0]).toMatchObject({ status: "completed", polls: 3 });
  });

  it("flush() right after a flush resolved is written at once, not left for the batch timer", async () => {
    // On a clock that never moves the batch timer never fires: each flush must write by itself.
    const store = await ManifestStore.open({ outDir: dir, manifest: manifest(2), clock: createFakeClock() });
    for (let i = 0; i < 50; i++) {
      store.update("s0", { polls: i });
      await store.flush();
    }
    expect((await readManifest(dir))?.shots[0]?.polls).toBe(49);
    await store.close();
  });

  it("bytes written grow linearly with changes, not with shots × changes", async () => {
    const written = async (shots: number): Promise<number> => {
      const out = await mkdtemp(join(dir, "run-"));
      const store = await ManifestStore.open({
        outDir: out,
        manifest: manifest(shots),
        minCompactionBytes: 1024,
        // time stands still: only the bytes decide when to compact, however slow the machine (no catch-up
        // snapshots that a slower, larger run would get more of)
        clock: createFakeClock(),
      });
      for (let i = 0; i < shots; i++) {
        store.update(`s${i}`, { status: "submitted", generation_id: `gen-${i}`, ...SUBMISSION });
        for (let p = 1; p <= 3; p++) store.update(`s${i}`, { polls: p });
        store.update(`s${i}`, { status: "completed" });
        if (i % 20 === 19) await store.flush(); // as a run does: changes batched, one fsync per batch
      }
      await store.close();
      const final = JSON.parse(await readFile(join(out, "manifest.json"), "utf8")) as Manifest;
      expect(manifestProblems(final)).toEqual([]);
      expect(final.shots.every((s) => s.status === "completed" && s.polls === 3)).toBe(true);
      const { snapshotBytes, journalBytes } = store.stats();
      return (snapshotBytes + journalBytes) / shots;
    };
    const small = await written(200);
    const large = await written(2000);
    // per-shot bytes stay about constant (a rewrite per change would make them grow tenfold)
    expect(large / small).toBeLessThan(1.5);
  });
});

describe("output lock", () => {
  it("refuses a second holder while the first lives, and is taken over once its process is gone", async () => {
    const lock = await acquireOutputLock(dir);
    await expect(acquireOutputLock(dir)).rejects.toMatchObject({ code: "E_OUTPUT_LOCKED" });
    await lock.release();

    // a lock left by a process that no longer exists
    const child = spawn(process.execPath, ["-e", ""]);
    await new Promise((resolve) => child.on("exit", resolve));
    await writeFile(
      join(dir, ".storyreel.lock"),
      JSON.stringify({
        pid: child.pid,
        hostname: (await import("node:os")).hostname(),
        started_at: "earlier",
      }),
    );
    const taken = await acquireOutputLock(dir);
    expect(taken.tookOver).toBe(true);
    await taken.release();
  });
});
