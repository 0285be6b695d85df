// Simulated clips are marked wherever results are shown (summary, status, stitch), and every suggested "run this
// next" command keeps the backend, also after a render with shots in flight is interrupted (SIGINT, child process).
import { afterEach, describe, expect, it } from "vitest";
import { readManifest } from "../../src/manifest/index.js";
import { startSimulator } from "../../src/simulator/index.js";
import type { Simulator } from "../../src/simulator/index.js";
import { exited, spawnCli } from "../helpers/cli.js";
import { runMainWith } from "../helpers/main-io.js";
import { idsOnDisk, until } from "../helpers/wait.js";
import { makeWorkspace, storyboardYaml } from "../helpers/workspace.js";
import type { Workspace } from "../helpers/workspace.js";

const KEY = "sk-test-next-commands-9f8e7d";
const sims: Simulator[] = [];
let ws: Workspace | undefined;
let child: ReturnType<typeof spawnCli> | undefined;

afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    child.kill("SIGKILL");
    await exited(child);
  }
  child = undefined;
  await Promise.all(sims.splice(0).map((s) => s.close()));
  await ws?.cleanup();
  ws = undefined;
});

async function simulator(latency = 50): Promise<Simulator> {
  const sim = await startSimulator({ latency, render: "fast" });
  sims.push(sim);
  return sim;
}

const polledIds = (sim: Simulator): Set<string | null> =>
  new Set(sim.requests.filter((r) => r.kind === "poll").map((r) => String(r.query["generation_id"])));

describe("simulated clips are marked", () => {
  it("render --sim marks its clips in the summary and stitch; after a render on another server, nothing is marked", async () => {
    ws = await makeWorkspace(storyboardYaml(3));
    const first = await runMainWith([
      "render",
      ws.storyboard,
      "--sim",
      "--sim-latency",
      "0.05",
      "--poll-interval",
      "0.05",
    ]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain("(simulated)");
    expect(first.stdout).toMatch(/^simulated: 3 clips were made by the built-in simulator/m);
    const simulated = (await readManifest(ws.outDir))!;
    expect(simulated.shots.map((s) => s.backend)).toEqual(["simulator", "simulator", "simulator"]);
    expect(simulated.run?.backend).toBe("simulator");
    const simIds = new Set(simulated.shots.map((s) => s.generation_id));
    expect(simIds.size).toBe(3);
    const film = await runMainWith(["stitch", ws.outDir]);
    expect(film.code, film.stderr).toBe(0);
    expect(film.stderr).toContain("every clip in this film came from the built-in simulator (--sim)");

    const api = await simulator();
    const env = { AIML_API_KEY: KEY };
    const planned = await runMainWith(["plan", ws.storyboard, "--base-url", api.url], { env });
    expect(planned.code, planned.stderr).toBe(0);
    expect(planned.stdout.match(/rendered on the simulator/g)).toHaveLength(3);

    const real = await runMainWith(
      ["render", ws.storyboard, "--base-url", api.url, "--poll-interval", "0.05"],
      { env },
    );
    expect(real.code, real.stderr).toBe(0);
    expect(api.stats.jobsCreated).toBe(3);
    for (const id of polledIds(api)) expect(simIds.has(id)).toBe(false);
    expect(real.stdout).not.toContain("simulated");
    const after = (await readManifest(ws.outDir))!;
    expect(after.shots.map((s) => s.backend)).toEqual(
      [api.url, api.url, api.url].map((u) => new URL(u).origin),
    );
    expect(after.shots.every((s) => s.status === "completed" && !simIds.has(s.generation_id))).toBe(true);
    const realFilm = await runMainWith(["stitch", ws.outDir]);
    expect(realFilm.code, realFilm.stderr).toBe(0);
    expect(realFilm.stderr).not.toContain("simulator");
  });
});

describe("every suggested command keeps the backend", () => {
  async function interrupt(args: string[], env: Record<string, string> = {}): Promise<void> {
    child = spawnCli(args, { env });
    await until(async () => {
      const out = child!.output();
      if (out.code !== null || out.signal !== null) throw new Error(`the CLI exited early:\n${out.stderr}`);
      return (await idsOnDisk(ws!.outDir)).size >= 2;
    }, 60_000);
    child.kill("SIGINT");
    await exited(child);
    expect(child.output().code, child.output().stderr).toBe(130);
  }

  it("render --sim interrupted with shots in flight: status suggests the command with --sim and --sim-latency", async () => {
    ws = await makeWorkspace(storyboardYaml(3));
    await interrupt(["render", ws.storyboard, "--sim", "--sim-latency", "30", "-c", "2"]);
    const manifest = (await readManifest(ws.outDir))!;
    expect(manifest.shots.filter((s) => s.status === "submitted")).toHaveLength(2);
    const status = await runMainWith(["status", ws.outDir]);
    expect(status.code).toBe(1);
    const command = status.stdout.split("\n").find((l) => /: storyreel render /.test(l));
    expect(command, status.stdout).toBeDefined();
    expect(command).toMatch(/ --sim --sim-latency 30\b/);
    expect(command).toContain("--concurrency 2");
    expect(command).not.toContain("--base-url");
  });

  it("render --base-url interrupted: status suggests --base-url; following it resumes the paid ids on that server", async () => {
    ws = await makeWorkspace(storyboardYaml(3));
    const sim = await simulator(1500);
    const env = { AIML_API_KEY: KEY };
    await interrupt(
      ["render", ws.storyboard, "--base-url", sim.url, "-c", "2", "--poll-interval", "0.05"],
      env,
    );
    const status = await runMainWith(["status", ws.outDir]);
    const line = status.stdout.split("\n").find((l) => /: storyreel render /.test(l))!;
    expect(line, status.stdout).toContain(`--base-url ${sim.url}`);
    expect(line).not.toContain("--sim");
    const argv = line.slice(line.indexOf("storyreel render ") + "storyreel ".length).split(" ");
    const rerun = await runMainWith(argv, { env });
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(sim.stats.jobsCreated).toBe(3);
  });

  it("after a shot timed out, the suggested command doubles --shot-timeout instead of repeating it", async () => {
    ws = await makeWorkspace(storyboardYaml(1));
    const sim = await simulator();
    sim.faults.add("submit", { type: "never-finish" });
    const env = { AIML_API_KEY: KEY };
    const args = [
      "render",
      ws.storyboard,
      "--base-url",
      sim.url,
      "--poll-interval",
      "0.05",
      "--shot-timeout",
      "0.5",
    ];
    const run = await runMainWith(args, { env });
    expect(run.code).toBe(1);
    expect((await readManifest(ws.outDir))!.shots[0]!.error?.code).toBe("E_SHOT_TIMEOUT");
    const line = run.stdout.split("\n").find((l) => /: storyreel render /.test(l));
    expect(line, run.stdout).toContain(`--base-url ${sim.url}`);
    expect(line).toContain("--shot-timeout 1");
    expect(line).not.toContain("--shot-timeout 0.5");
    const status = await runMainWith(["status", ws.outDir]);
    expect(status.stdout).toContain("--shot-timeout 1");
  });
});
