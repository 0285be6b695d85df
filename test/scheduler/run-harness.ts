// Drives runPlan against a scripted HTTP server and a real manifest store in a temporary folder.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ManifestStore } from "../../src/manifest/index.js";
import type { ShotRecord } from "../../src/manifest/index.js";
import { runPlan } from "../../src/scheduler/index.js";
import type { DownloadJob, PlanEntry, RunEvent, RunOptions, RunResult } from "../../src/scheduler/index.js";
import type { ResolvedShot } from "../../src/storyboard/index.js";
import { sha256Hex } from "../../src/util/hash.js";

export const MODEL = "google/veo-3.1-t2v-fast";

export function shot(id: string, index = 0): ResolvedShot {
  return {
    index,
    id,
    model: MODEL,
    line: index + 5,
    column: 5,
    fields: { model: MODEL, prompt: id },
    frames: {},
    inputHash: sha256Hex(`input of ${id}`), // a valid manifest's input_hash, so readManifest reads the folder
    durationSeconds: 8,
    resolution: "1080p",
    aspectRatio: "16:9",
    audio: true,
    prompt: id,
  };
}

export function record(s: ResolvedShot, extra: Partial<ShotRecord> = {}): ShotRecord {
  return {
    id: s.id,
    status: "pending",
    model: s.model,
    input_hash: s.inputHash,
    generation_id: null,
    submitted_at: null,
    completed_at: null,
    polls: 0,
    request: {},
    video_url: null,
    clip: null,
    credits_used: null,
    error: null,
    ...extra,
  };
}

export function submitEntry(s: ResolvedShot): PlanEntry {
  return { shot: s, action: "submit", reason: "new shot", previous: null };
}

/** A shot submitted again: `previous` is its record from an earlier run (failed, unknown, skipped, …). */
export function resubmitEntry(s: ResolvedShot, previous: ShotRecord): PlanEntry {
  return { shot: s, action: "submit", reason: `${previous.status} last time`, previous };
}

/** A shot whose generation an earlier run submitted (still in flight then). */
export function resumeEntry(s: ResolvedShot, generationId: string): PlanEntry {
  const previous = record(s, {
    status: "submitted",
    generation_id: generationId,
    submitted_at: new Date().toISOString(),
  });
  return { shot: s, action: "resume", reason: `in flight: resuming generation ${generationId}`, previous };
}

export interface Harness {
  outDir: string;
  store: ManifestStore;
  events: RunEvent[];
  downloads: DownloadJob[];
  run(options: Pick<RunOptions, "client"> & Partial<RunOptions>): Promise<RunResult>;
  status(id: string): ShotRecord;
  close(): Promise<void>;
}

/** A store holding each entry's record (its previous one if it has one, as render keeps it, else a fresh one). */
export async function startHarness(entries: readonly PlanEntry[]): Promise<Harness> {
  const outDir = await mkdtemp(join(tmpdir(), "storyreel-run-"));
  const store = await ManifestStore.open({
    outDir,
    manifest: {
      version: 1,
      storyboard: { path: "s.yaml", sha256: "0".repeat(64) },
      started_at: new Date().toISOString(),
      finished_at: null,
      shots: entries.map((e) => (e.previous ? { ...e.previous } : record(e.shot))),
    },
  });
  const events: RunEvent[] = [];
  const downloads: DownloadJob[] = [];
  return {
    outDir,
    store,
    events,
    downloads,
    run(options) {
      return runPlan({
        entries,
        backend: "simulator",
        store,
        buildBody: (s) => Promise.resolve({ ...s.fields }),
        download: (job) => {
          downloads.push(job);
          return Promise.resolve({ relPath: job.relPath, bytes: 1, sha256: "0".repeat(64), warnings: [] });
        },
        clipPath: (s) => `clips/${s.id}.mp4`,
        concurrency: 2,
        pollIntervalMs: 20,
        shotTimeoutMs: 10_000,
        onEvent: (event) => events.push(event),
        ...options,
      });
    },
    status: (id) => store.shot(id),
    async close() {
      await store.close();
      await rm(outDir, { recursive: true, force: true });
    },
  };
}

/** A completed generation with a video url. */
export function completed(id: string): Record<string, unknown> {
  return { id, status: "completed", video: { url: `https://cdn.example.com/${id}.mp4` } };
}

/** The prompt of a recorded submit request (each test shot's prompt is its id). */
export function promptOf(body: string): string {
  return (JSON.parse(body) as { prompt?: string }).prompt ?? "";
}
