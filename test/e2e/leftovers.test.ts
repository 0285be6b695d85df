// A render killed (SIGKILL) mid-download leaves clips/.<hex>.part; the next run, holding the lock, removes it.
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startSimulator } from "../../src/simulator/index.js";
import type { Simulator } from "../../src/simulator/index.js";
import { exited, spawnCli } from "../helpers/cli.js";
import { runMainWith } from "../helpers/main-io.js";
import { until } from "../helpers/wait.js";
import { makeWorkspace, storyboardYaml } from "../helpers/workspace.js";
import type { Workspace } from "../helpers/workspace.js";

const KEY = "sk-test-leftovers-5a6b7c";
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

async function partFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((n) => n.endsWith(".part"));
  } catch {
    return [];
  }
}

describe("a render killed while a clip is downloading", () => {
  it("leaves a .part file that the next run removes, saying so, without paying again", async () => {
    ws = await makeWorkspace(storyboardYaml(1));
    sim = await startSimulator({ latency: 50, render: "fast" });
    sim.faults.add("download", { type: "stall-body" }); // half the clip, then silence
    const args = ["render", ws.storyboard, "--base-url", sim.url, "--poll-interval", "0.05"];
    child = spawnCli(args, { env: { AIML_API_KEY: KEY } });
    const clips = join(ws.outDir, "clips");
    await until(async () => {
      const out = child!.output();
      if (out.code !== null || out.signal !== null) throw new Error(`the CLI exited early:\n${out.stderr}`);
      return (await partFiles(clips)).length > 0;
    }, 30_000);
    child.kill("SIGKILL");
    await exited(child);
    const left = await partFiles(clips);
    expect(left).toHaveLength(1);

    const rerun = await runMainWith(args, { env: { AIML_API_KEY: KEY } });
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stdout).toContain(
      `removed 1 temporary file an earlier run left when it was killed: clips/${left[0]}`,
    );
    expect(await partFiles(clips)).toEqual([]);
    expect((await readdir(clips)).filter((n) => n.endsWith(".mp4"))).toHaveLength(1);
    // The generation paid by the killed run was resumed, not submitted again.
    expect(sim.requests.filter((r) => r.kind === "submit")).toHaveLength(1);
    expect(rerun.stdout + rerun.stderr).not.toContain(KEY);
  });
});
