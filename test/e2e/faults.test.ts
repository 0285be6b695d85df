// Every fault rule of a run, injected over real HTTP by the simulator: retries, unknown outcomes, stops, resumes.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { render } from "../../src/commands/render/render.js";
import type { RenderOptions } from "../../src/commands/render/render.js";
import type { Manifest } from "../../src/manifest/index.js";
import { startSimulator } from "../../src/simulator/index.js";
import type { Simulator, SimulatorOptions } from "../../src/simulator/index.js";
import { makeWorkspace, storyboardYaml } from "../helpers/workspace.js";
import type { Workspace } from "../helpers/workspace.js";

const KEY = "sk-test-faults-5d1e0b";
const FAST_RETRY = { baseDelayMs: 10, capDelayMs: 50, deadlineMs: 5_000, retryAfterCapMs: 1_500 };
let sim: Simulator | undefined;
let ws: Workspace | undefined;

afterEach(async () => {
  await sim?.close();
  await ws?.cleanup();
  sim = undefined;
  ws = undefined;
});

async function setup(shots: number, simOptions: SimulatorOptions = {}): Promise<RenderOptions> {
  ws = await makeWorkspace(storyboardYaml(shots));
  sim = await startSimulator({ latency: 80, render: "fast", ...simOptions });
  return {
    storyboard: ws.storyboard,
    baseUrl: sim.url,
    apiKey: KEY,
    pollInterval: 0.03,
    retry: FAST_RETRY,
    requestTimeout: 1,
  };
}

async function manifestOf(): Promise<Manifest> {
  return JSON.parse(await readFile(join(ws!.outDir, "manifest.json"), "utf8")) as Manifest;
}

function shot(manifest: Manifest, id: string) {
  const found = manifest.shots.find((s) => s.id === id);
  if (!found) throw new Error(`no shot ${id}`);
  return found;
}

describe("faults during a run", () => {
  it("a 429 on submission honours Retry-After and pauses all submissions, then everything completes", async () => {
    const options = await setup(4);
    sim!.faults.add("submit", { type: "status", status: 429, retryAfter: 1 });
    const result = await render({ ...options, concurrency: 2 });
    expect(result.exitCode).toBe(0);
    expect(sim!.stats.rateLimited).toBe(1);
    expect(sim!.stats.jobsCreated).toBe(4);
    // submissions already on the wire could not be held back; every one sent after the 429 waited it out
    const submits = sim!.requests.filter((r) => r.kind === "submit");
    const throttled = submits.find((r) => r.status === 429)!;
    const later = submits.filter((r) => r.at > throttled.at + 50);
    expect(later.length).toBeGreaterThanOrEqual(2);
    for (const r of later) expect(r.at - throttled.at).toBeGreaterThanOrEqual(990);
  });

  it("polls survive a reset, a 500 and a malformed body (retried by the client, once)", async () => {
    const options = await setup(1);
    sim!.faults.add("poll", { type: "reset" });
    sim!.faults.add("poll", { type: "status", status: 500 });
    sim!.faults.add("poll", { type: "malformed" });
    const result = await render(options);
    expect(result.exitCode).toBe(0);
    expect(sim!.stats.jobsCreated).toBe(1);
  });

  it("a submission whose connection drops after it was accepted is never resent: unknown when the logs cannot tell", async () => {
    const options = await setup(2);
    sim!.faults.add("submit", { type: "reset-after-accept" });
    // With the request logs unreadable, same-run reconciliation cannot tell (see test/e2e/reconcile.test.ts).
    sim!.faults.add("logs", { type: "status", status: 404 }, { times: "always" });
    const result = await render({ ...options, concurrency: 1 });
    expect(result.exitCode).toBe(1);
    expect(result.counts.unknown).toBe(1);
    expect(sim!.stats.requests.submit).toBe(2); // one per shot: the dropped one was not sent again
    expect(sim!.stats.jobsCreated).toBe(2);
    const m = await manifestOf();
    expect(shot(m, "s1")).toMatchObject({ status: "unknown", error: { code: "E_SUBMIT_UNKNOWN" } });
    expect(shot(m, "s2").status).toBe("completed");
  });

  it("a submission that gets no answer in time is unknown too", async () => {
    const options = await setup(1);
    sim!.faults.add("submit", { type: "stall" });
    const result = await render(options);
    expect(result.exitCode).toBe(1);
    expect(sim!.stats.requests.submit).toBe(1);
    expect(shot(await manifestOf(), "s1")).toMatchObject({ status: "unknown" });
  });

  it("a submission refused before the server acted (503) is retried", async () => {
    const options = await setup(1);
    sim!.faults.add("submit", { type: "status", status: 503 });
    const result = await render(options);
    expect(result.exitCode).toBe(0);
    expect(sim!.stats.requests.submit).toBe(2);
    expect(sim!.stats.jobsCreated).toBe(1);
  });

  it("400 fails that shot without retries, with the API's message", async () => {
    const options = await setup(2);
    sim!.faults.add("submit", { type: "status", status: 400, message: "Body validation error!" });
    const result = await render({ ...options, concurrency: 1 });
    expect(result.exitCode).toBe(1);
    expect(sim!.stats.requests.submit).toBe(2);
    expect(shot(await manifestOf(), "s1")).toMatchObject({
      status: "failed",
      error: { code: "E_API_BAD_REQUEST", message: expect.stringContaining("Body validation error!") },
    });
  });

  it("401 stops the whole run at once: no more submissions, no retry storm, exit 2", async () => {
    const options = await setup(6);
    sim!.faults.add("submit", { type: "status", status: 401 }, { times: "always" });
    const result = await render({ ...options, concurrency: 2 });
    expect(result.exitCode).toBe(2);
    expect(result.fatal?.code).toBe("E_API_UNAUTHORIZED");
    expect(sim!.stats.requests.submit).toBeLessThanOrEqual(2);
    expect(sim!.stats.jobsCreated).toBe(0);
    expect(result.fatal?.message).not.toContain(KEY);
  });

  it("403 (out of credits) stops the run too, and says what to do", async () => {
    const options = await setup(3);
    sim!.faults.add("submit", { type: "status", status: 403 }, { times: "always" });
    const result = await render({ ...options, concurrency: 1 });
    expect(result.exitCode).toBe(2);
    expect(result.fatal?.code).toBe("E_API_FORBIDDEN");
    expect(sim!.stats.requests.submit).toBe(1);
  });

  it("a generation that ends in error fails only that shot, with the API's message", async () => {
    const options = await setup(3);
    sim!.faults.add("submit", {
      type: "job-error",
      name: "ContentPolicy",
      message: "prompt rejected by safety filter",
    });
    const result = await render({ ...options, concurrency: 1 });
    expect(result.exitCode).toBe(1);
    expect(result.counts).toMatchObject({ completed: 2, failed: 1 });
    expect(shot(await manifestOf(), "s1")).toMatchObject({
      status: "failed",
      error: { code: "E_GENERATION_FAILED", message: "prompt rejected by safety filter" },
    });
  });

  it("a generation that never finishes hits --shot-timeout; the rerun polls the same id instead of paying again", async () => {
    const options = await setup(1);
    sim!.faults.add("submit", { type: "never-finish" });
    const first = await render({ ...options, shotTimeout: 0.5 });
    expect(first.exitCode).toBe(1);
    const m1 = await manifestOf();
    expect(shot(m1, "s1")).toMatchObject({ status: "failed", error: { code: "E_SHOT_TIMEOUT" } });
    expect(sim!.stats.jobsCreated).toBe(1);
    // the generation is still "generating" on the simulator: the rerun resumes it (and times out again)
    const second = await render({ ...options, shotTimeout: 0.5 });
    expect(sim!.stats.jobsCreated).toBe(1); // nothing submitted again
    expect(second.counts.failed + second.counts.completed).toBe(1);
    expect(shot(await manifestOf(), "s1").generation_id).toBe(shot(m1, "s1").generation_id);
  });

  it("a generation id the API no longer knows (404) is submitted again", async () => {
    const options = await setup(1);
    // first run: stopped right after the submission, leaving the generation in flight
    const controller = new AbortController();
    const first = await render({
      ...options,
      signal: controller.signal,
      onEvent: (e) => {
        if (e.type === "shot_submitted") controller.abort();
      },
    });
    expect(first.exitCode).toBe(130);
    expect(shot(await manifestOf(), "s1").status).toBe("submitted");
    sim!.faults.add("poll", { type: "forget" }, { times: "always" });
    const second = await render(options);
    expect(sim!.stats.jobsCreated).toBe(2);
    expect(second.exitCode).toBe(1); // the new generation is forgotten too: it fails after one resubmission
    sim!.faults.clear();
    const third = await render(options);
    expect(third.exitCode).toBe(0);
  });

  it("downloads: a truncated body and a non-MP4 body are retried; the clip is verified", async () => {
    const options = await setup(1);
    sim!.faults.add("download", { type: "truncate" });
    sim!.faults.add("download", { type: "corrupt" });
    const result = await render(options);
    expect(result.exitCode).toBe(0);
    expect(sim!.stats.requests.download).toBe(3);
  });

  it("the key never reaches the download origin, even through a redirect", async () => {
    const options = await setup(2, { downloadRedirect: true });
    const result = await render(options);
    expect(result.exitCode).toBe(0);
    const downloads = sim!.requests.filter((r) => r.kind === "download");
    expect(downloads.length).toBeGreaterThan(0);
    for (const r of downloads) {
      expect(r.headers.authorization).toBeUndefined();
      expect(JSON.stringify(r.headers)).not.toContain(KEY);
    }
  });
});
