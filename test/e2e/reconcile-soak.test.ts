// Issue "never pay twice": a server that drops some submission answers after accepting them, and a render
// killed (SIGKILL) several times mid-run, still ends with every shot completed and one generation per shot.
import { afterEach, describe, expect, it } from "vitest";
import { readManifest } from "../../src/manifest/index.js";
import { startSimulator } from "../../src/simulator/index.js";
import type { Simulator } from "../../src/simulator/index.js";
import { exited, spawnCli } from "../helpers/cli.js";
import { until } from "../helpers/wait.js";
import { makeWorkspace, storyboardYaml } from "../helpers/workspace.js";
import type { Workspace } from "../helpers/workspace.js";

const KEY = "sk-test-soak-9e8d7c";
const SHOTS = 16;
let sim: Simulator | undefined;
let ws: Workspace | undefined;
let child: ReturnType<typeof spawnCli> | undefined;
afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    child.kill("SIGKILL");
    await exited(child);
  }
  await sim?.close();
  await ws?.cleanup();
  sim = ws = child = undefined;
});

describe("dropped answers and kill -9, again and again", () => {
  it("every shot completes and no generation is paid twice", async () => {
    ws = await makeWorkspace(storyboardYaml(SHOTS));
    sim = await startSimulator({ latency: 400, render: "fast", seed: 7 });
    // A few percent of accepted submissions lose their answer (the job exists and is paid).
    const drops = sim.faults.add("submit", { type: "reset-after-accept" }, { probability: 0.05 });
    // Grace 0: on the simulator the logs never lag, so "no row" really means "never created".
    const args = [
      "render",
      ws.storyboard,
      "--base-url",
      sim.url,
      "-c",
      "4",
      "--poll-interval",
      "0.05",
      "--reconcile-grace",
      "0",
    ];
    for (const killAt of [3, 7, 11]) {
      child = spawnCli(args, { env: { AIML_API_KEY: KEY, STORYREEL_CACHE: "off" } });
      await until(() => {
        const out = child!.output();
        if (out.code !== null || out.signal !== null) return true; // finished before the kill point
        return sim!.stats.jobsCreated >= killAt;
      }, 60_000);
      child.kill("SIGKILL");
      await exited(child);
    }
    // Runs until done: a run can end with a shot held within the grace (E_RECONCILE_PENDING); a later one settles it.
    for (let attempt = 0; attempt < 8; attempt++) {
      child = spawnCli(args, { env: { AIML_API_KEY: KEY, STORYREEL_CACHE: "off" } });
      await exited(child);
      if (child.output().code === 0) break;
    }
    expect(child!.output().code, child!.output().stderr).toBe(0);
    const manifest = (await readManifest(ws.outDir))!;
    expect(manifest.shots.filter((s) => s.status === "completed")).toHaveLength(SHOTS);
    expect(drops.fired).toBeGreaterThan(0); // answers really were lost (the simulator's seed makes it so)
    // One generation per shot: nothing was paid twice, however the runs ended.
    expect(sim.stats.jobsCreated).toBe(SHOTS);
    expect(new Set(manifest.shots.map((s) => s.generation_id)).size).toBe(SHOTS);
  });
});
