// SIGTERM and a double SIGINT against the real CLI process (src/cli/bin.ts through tsx, like cli.test.ts) on the
// simulator with slow generations: exit codes, a parseable manifest that holds every paid id, and a resuming rerun.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readManifest } from "../../src/manifest/index.js";
import type { Manifest } from "../../src/manifest/index.js";
import { startSimulator } from "../../src/simulator/index.js";
import type { Simulator } from "../../src/simulator/index.js";
import { exited, spawnCli } from "../helpers/cli.js";
import { runMainWith } from "../helpers/main-io.js";
import { idsOnDisk, until } from "../helpers/wait.js";
import { makeWorkspace, storyboardYaml } from "../helpers/workspace.js";
import type { Workspace } from "../helpers/workspace.js";

const KEY = "sk-test-signals-6a5b4c";
let sim: Simulator | undefined;
let ws: Workspace | undefined;
let child: ReturnType<typeof spawnCli> | undefined;

afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    child.kill("SIGKILL");
    await exited(child);
  }
  child = undefined;
  await sim?.close();
  await ws?.cleanup();
  sim = undefined;
  ws = undefined;
});

function renderArgs(concurrency: number): string[] {
  return [
    "render",
    ws!.storyboard,
    "--base-url",
    sim!.url,
    "-c",
    String(concurrency),
    "--poll-interval",
    "0.05",
  ];
}

const submitsSeen = (): number => sim!.requests.filter((r) => r.kind === "submit").length;

/** Waits for `check` while the CLI runs; if the CLI exits first, fails with what it printed. */
async function whileRunning(check: () => boolean | Promise<boolean>): Promise<void> {
  await until(async () => {
    const out = child!.output();
    if (out.code !== null || out.signal !== null) {
      throw new Error(`the CLI exited early (${out.code ?? out.signal}):\n${out.stderr}`);
    }
    return check();
  }, 60_000);
}

describe("signals", () => {
  it("SIGTERM: exit 130, parseable manifest, says how to resume; the rerun polls the in-flight ids, no new POST for them", async () => {
    ws = await makeWorkspace(storyboardYaml(4));
    // 4 s generations: the two in flight are still in flight when SIGTERM lands, even on a loaded machine
    sim = await startSimulator({ latency: 4000, render: "fast" });
    child = spawnCli(renderArgs(2), { env: { AIML_API_KEY: KEY } });
    await whileRunning(async () => (await idsOnDisk(ws!.outDir)).size >= 2);
    child.kill("SIGTERM");
    await exited(child);
    const out = child.output();
    expect(out.code, out.stderr).toBe(130);
    expect(out.signal).toBeNull();
    expect(out.stderr).toContain("SIGTERM: stopping");
    expect(out.stderr).toContain("resumed by the next render");
    expect(out.stderr).not.toMatch(/^\s+at /m);
    // the summary's last step is the command that resumes (its exact wording is the reporter's business)
    expect(out.stdout).toMatch(/^.*\bresume\b.*: storyreel render \S*story\.yaml\b.*$/m);

    // the snapshot itself parses, and with the journal it holds both paid generations as in flight
    JSON.parse(await readFile(join(ws.outDir, "manifest.json"), "utf8")) as Manifest;
    const stopped = await readManifest(ws.outDir);
    const inFlight = stopped!.shots.filter((s) => s.status === "submitted");
    expect(inFlight).toHaveLength(2);
    expect(sim.stats.jobsCreated).toBe(2);
    const paid = new Map(inFlight.map((s) => [s.id, s.generation_id!]));
    expect(new Set(paid.values())).toEqual(new Set(sim.stats.jobs.keys()));

    const before = sim.requests.length;
    const rerun = await runMainWith(renderArgs(4), { env: { AIML_API_KEY: KEY } });
    expect(rerun.code, rerun.stderr).toBe(0);
    const after = sim.requests.slice(before);
    // only the two shots that had no generation were submitted
    expect(after.filter((r) => r.kind === "submit")).toHaveLength(2);
    expect(sim.stats.jobsCreated).toBe(4);
    const polled = new Set(after.filter((r) => r.kind === "poll").map((r) => r.query["generation_id"]));
    for (const id of paid.values()) expect(polled.has(id)).toBe(true);
    const done = await readManifest(ws.outDir);
    expect(done!.shots.every((s) => s.status === "completed")).toBe(true);
    for (const [shotId, generation] of paid) {
      expect(done!.shots.find((s) => s.id === shotId)?.generation_id).toBe(generation);
    }
  });

  it("SIGTERM during a clip download keeps the paid generation; the rerun downloads it without a new POST", async () => {
    ws = await makeWorkspace(storyboardYaml(1));
    sim = await startSimulator({ latency: 100, render: "fast" });
    sim.faults.add("download", { type: "delay", ms: 30_000 });
    child = spawnCli(renderArgs(1), { env: { AIML_API_KEY: KEY } });
    await whileRunning(() => sim!.requests.some((r) => r.kind === "download"));
    const signalled = performance.now();
    child.kill("SIGTERM");
    await exited(child);
    // the held download (30 s) was abandoned, not awaited; the margin holds on a machine under 4× load
    expect(performance.now() - signalled).toBeLessThan(15_000);
    expect(child.output().code, child.output().stderr).toBe(130);
    const stopped = (await readManifest(ws.outDir))!.shots[0]!;
    const paid = [...sim.stats.jobs.keys()];
    expect(paid).toHaveLength(1);
    expect(stopped.generation_id).toBe(paid[0]);
    expect(stopped.status).not.toBe("completed");

    const rerun = await runMainWith(renderArgs(1), { env: { AIML_API_KEY: KEY } });
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(sim.stats.requests.submit).toBe(1);
    const done = (await readManifest(ws.outDir))!.shots[0]!;
    expect(done).toMatchObject({ status: "completed", generation_id: paid[0] });
  });

  it("one SIGINT while a submission is on the wire waits for its answer and records that paid id", async () => {
    ws = await makeWorkspace(storyboardYaml(3));
    sim = await startSimulator({ latency: 20_000, render: "fast" });
    // held long enough that SIGINT surely lands while it is on the wire, even on a loaded machine
    sim.faults.add("submit", { type: "delay", ms: 4000 }, { skip: 2 });
    child = spawnCli(renderArgs(3), { env: { AIML_API_KEY: KEY } });
    await whileRunning(async () => (await idsOnDisk(ws!.outDir)).size >= 2 && submitsSeen() >= 3);
    child.kill("SIGINT");
    await exited(child);
    const out = child.output();
    expect(out.code, out.stderr).toBe(130);
    expect(sim.stats.jobsCreated).toBe(3);
    const manifest = await readManifest(ws.outDir);
    const recorded = new Map(manifest!.shots.map((s) => [s.generation_id, s.status]));
    for (const id of sim.stats.jobs.keys()) expect(recorded.get(id)).toBe("submitted");
  });

  it("a second SIGINT exits at once, long before the in-flight work ends; every id the API handed out is on disk", async () => {
    ws = await makeWorkspace(storyboardYaml(3));
    // Generations take 60 s; the third submission's answer is held 30 s, so the graceful stop has to wait for it.
    sim = await startSimulator({ latency: 60_000, render: "fast" });
    sim.faults.add("submit", { type: "delay", ms: 30_000 }, { skip: 2 });
    child = spawnCli(renderArgs(3), { env: { AIML_API_KEY: KEY } });
    await whileRunning(async () => (await idsOnDisk(ws!.outDir)).size >= 2 && submitsSeen() >= 3);

    child.kill("SIGINT");
    await until(() => child!.output().stderr.includes("SIGINT: stopping"), 20_000);
    const second = performance.now();
    child.kill("SIGINT");
    await exited(child);
    const exitMs = performance.now() - second;
    const out = child.output();
    expect(out.code, out.stderr).toBe(130);
    expect(out.stderr).toContain("SIGINT again: exiting now");
    // "at once": well before the held submission (30 s) or the generations (60 s) could finish; the margin holds
    // on a machine under 4× load
    expect(exitMs).toBeLessThan(15_000);
    const jobsAtExit = new Set(sim.stats.jobs.keys());
    expect(jobsAtExit.size).toBe(2);

    JSON.parse(await readFile(join(ws.outDir, "manifest.json"), "utf8")) as Manifest;
    const manifest = await readManifest(ws.outDir);
    expect(manifest).not.toBeNull();
    const recorded = new Set(manifest!.shots.map((s) => s.generation_id).filter((id) => id !== null));
    for (const id of jobsAtExit) expect(recorded.has(id)).toBe(true);
    for (const s of manifest!.shots.filter((r) => r.generation_id !== null)) {
      expect(s.status).toBe("submitted");
    }
    // the held third submission was on the wire: recorded as possibly charged, never as pending
    const onTheWire = manifest!.shots.filter((s) => s.generation_id === null);
    expect(onTheWire).toHaveLength(1);
    expect(onTheWire[0]).toMatchObject({ status: "unknown", error: { code: "E_SUBMIT_INTERRUPTED" } });
  });
});
