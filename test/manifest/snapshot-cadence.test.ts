// manifest.json by itself holds every paid id but the last second's, and is not rewritten more often than its cadence (fake clock).
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManifestStore } from "../../src/manifest/index.js";
import type { Manifest, ShotRecord } from "../../src/manifest/index.js";
import { snapshotWaitMs } from "../../src/manifest/snapshot-cadence.js";
import { startSimulator } from "../../src/simulator/index.js";
import type { Simulator } from "../../src/simulator/index.js";
import { exited, spawnCli } from "../helpers/cli.js";
import { createFakeClock } from "../helpers/fake-clock.js";
import type { FakeClock } from "../helpers/fake-clock.js";
import { until } from "../helpers/wait.js";
import { makeWorkspace, storyboardYaml } from "../helpers/workspace.js";
import type { Workspace } from "../helpers/workspace.js";

let dir: string;
let sim: Simulator | undefined;
let ws: Workspace | undefined;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "storyreel-cadence-"));
});
afterEach(async () => {
  await sim?.close();
  await ws?.cleanup();
  sim = undefined;
  ws = undefined;
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

/** Generation ids in manifest.json alone (JSON.parse, no journal), by shot id. */
async function snapshotIds(outDir: string): Promise<Map<string, string>> {
  const text = await readFile(join(outDir, "manifest.json"), "utf8");
  const parsed = JSON.parse(text) as Manifest;
  return new Map(parsed.shots.flatMap((s) => (s.generation_id ? [[s.id, s.generation_id]] : [])));
}

/** Generation ids in the journal (what a killed run has recorded), by shot id. */
async function journalIds(outDir: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const path = join(outDir, "manifest.journal");
  if (!existsSync(path)) return ids;
  for (const line of (await readFile(path, "utf8")).split("\n")) {
    try {
      const entry = JSON.parse(line) as { id: string; set: { generation_id?: string | null } };
      if (entry.set.generation_id) ids.set(entry.id, entry.set.generation_id);
    } catch {
      // blank, or a line being written right now
    }
  }
  return ids;
}

/** Moves the fake clock on and lets the writer finish what the timers that fired started. */
async function advance(clock: FakeClock, store: ManifestStore, ms: number): Promise<void> {
  await clock.advance(ms);
  await store.whenIdle();
}

describe("manifest.json catches up with the journal", () => {
  it("a recorded paid id is in manifest.json by itself a second after the last snapshot, not before", async () => {
    const clock = createFakeClock();
    const store = await ManifestStore.open({ outDir: dir, manifest: manifest(30), clock });
    await store.recordSubmission("s7", { generation_id: "gen-7", ...SUBMISSION });
    expect((await snapshotIds(dir)).has("s7")).toBe(false); // in the journal only, for now
    await advance(clock, store, 999);
    expect((await snapshotIds(dir)).has("s7")).toBe(false);
    await advance(clock, store, 1);
    expect((await snapshotIds(dir)).get("s7")).toBe("gen-7");
    expect(store.stats().snapshots).toBe(2); // the one at open, and this one
    await store.close();
  });

  it("after kill -9, manifest.json alone lists the generation ids the run had recorded", async () => {
    ws = await makeWorkspace(storyboardYaml(4));
    sim = await startSimulator({ latency: 20_000, render: "fast" });
    const child = spawnCli(["render", ws.storyboard, "--base-url", sim.url, "-c", "4"], {
      env: { AIML_API_KEY: "sk-test-cadence" },
    });
    try {
      await until(async () => (await journalIds(ws!.outDir)).size === 4, 20_000);
      const recorded = await journalIds(ws.outDir);
      // caught up by itself (within about a second; the margin is for a loaded machine), then killed
      await until(async () => (await snapshotIds(ws!.outDir)).size === 4, 20_000);
      child.kill("SIGKILL");
      await exited(child);
      expect(await snapshotIds(ws.outDir)).toEqual(recorded);
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("many rapid changes: one snapshot per second of changes, and the bytes follow time, not changes", async () => {
    // the journal-outgrew-the-snapshot rule is kept out of the way: only the cadence decides here
    const clock = createFakeClock();
    const store = await ManifestStore.open({
      outDir: dir,
      manifest: manifest(200),
      minCompactionBytes: 2 ** 30,
      clock,
    });
    let changes = 0;
    // 10 changes every 10 ms for 3.2 s
    while (clock.now() < 3200) {
      for (let k = 0; k < 10; k++) {
        const i = changes++ % 200;
        store.update(`s${i}`, { status: "submitted", generation_id: `gen-${changes}`, ...SUBMISSION });
      }
      await store.flush();
      await advance(clock, store, 10);
    }
    const stats = store.stats();
    // the one at open, then one at 1 s, 2 s and 3 s
    expect(stats.snapshots).toBe(4);
    expect(stats.totalBytes).toBe(stats.snapshotBytes + stats.journalBytes);
    expect(stats.snapshotBytes / stats.snapshots).toBeGreaterThan(10_000);
    expect(changes).toBe(3200);
    await store.close();
    // manifest.json is current after close, journal gone
    expect((await snapshotIds(dir)).size).toBe(200);
    expect(existsSync(join(dir, "manifest.journal"))).toBe(false);
  });

  it("changes that are no milestone (polls, an intent) do not bring a snapshot forward", async () => {
    const clock = createFakeClock();
    const store = await ManifestStore.open({ outDir: dir, manifest: manifest(3), clock });
    store.update("s0", { polls: 1 });
    await store.recordIntent("s1", { status: "unknown" });
    await advance(clock, store, 5_000);
    expect(store.stats().snapshots).toBe(1);
    // ordinary changes still reach the journal within the batch interval (250 ms)
    store.update("s0", { polls: 2 });
    await advance(clock, store, 249);
    expect(await readFile(join(dir, "manifest.journal"), "utf8")).not.toContain('"polls":2');
    await advance(clock, store, 1);
    expect(await readFile(join(dir, "manifest.journal"), "utf8")).toContain('"polls":2');
    await store.close();
  });

  it("the wait is max(1 s, 20 × the last write time) after the last snapshot ended", () => {
    const cadence = { minIntervalMs: 1000, costFactor: 20, maxBytesPerSecond: Infinity };
    expect(snapshotWaitMs(cadence, { endedAt: 0, tookMs: 5 }, 0)).toBe(1000);
    expect(snapshotWaitMs(cadence, { endedAt: 0, tookMs: 5 }, 400)).toBe(600);
    expect(snapshotWaitMs(cadence, { endedAt: 0, tookMs: 5 }, 1500)).toBe(0);
    // a 3 MB snapshot that took 150 ms: at most one every 3 s
    expect(snapshotWaitMs(cadence, { endedAt: 0, tookMs: 150 }, 0)).toBe(3000);
  });

  it("a big snapshot also waits its size at the byte rate, so catch-up bytes stay linear in run time", () => {
    const cadence = { minIntervalMs: 1000, costFactor: 20, maxBytesPerSecond: 256 * 1024 };
    // 30 KB: the minimum interval rules
    expect(snapshotWaitMs(cadence, { endedAt: 0, tookMs: 2, bytes: 30_000 }, 0)).toBe(1000);
    // 12 MiB written in 100 ms: not every 2 s but every 48 s
    expect(snapshotWaitMs(cadence, { endedAt: 0, tookMs: 100, bytes: 12 * 1024 * 1024 }, 0)).toBe(48_000);
  });

  it("a large manifest is rewritten no faster than its size at the byte rate", async () => {
    const big = manifest(4000);
    for (const s of big.shots) s.request = { ...s.request, prompt: `${s.id} ${"x".repeat(400)}` };
    const clock = createFakeClock();
    const store = await ManifestStore.open({
      outDir: dir,
      manifest: big,
      minCompactionBytes: 2 ** 30,
      snapshotCadence: { minIntervalMs: 0, costFactor: 20, maxBytesPerSecond: 1024 * 1024 },
      clock,
    });
    const bytes = store.stats().snapshotBytes;
    expect(bytes).toBeGreaterThan(2 * 1024 * 1024);
    // the wait after each snapshot: its size at 1 MiB/s (the write itself takes no time on this clock)
    const waitMs = Math.ceil((bytes / (1024 * 1024)) * 1000);
    let changes = 0;
    while (clock.now() < 3 * waitMs + 100) {
      store.update(`s${changes++ % 4000}`, { generation_id: `gen-${changes}`, ...SUBMISSION });
      await store.flush();
      await advance(clock, store, 50);
    }
    // one at open, then one per wait: never more
    expect(store.stats().snapshots).toBe(4);
    await store.close();
  });
});
