// `storyreel render` through main(): the rerun command keeps every option that matters; --quiet prints errors only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { startSimulator } from "../../src/simulator/index.js";
import type { Simulator } from "../../src/simulator/index.js";
import { makeWorkspace, storyboardYaml } from "../helpers/workspace.js";
import type { Workspace } from "../helpers/workspace.js";
import { withCacheOff } from "../helpers/cache-env.js";

async function run(argv: readonly string[], cwd: string, env: Record<string, string> = {}) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: withCacheOff(env),
    isTTY: false,
    cwd,
    handleSignals: false,
  });
  return { code, stdout, stderr };
}

let ws: Workspace;
let sim: Simulator;

beforeAll(async () => {
  ws = await makeWorkspace(storyboardYaml(3));
  sim = await startSimulator({ render: "fast", latency: 30 });
});

afterAll(async () => {
  await sim?.close();
  await ws?.cleanup();
});

describe("render's summary", () => {
  it("keeps --out, --sim, --sim-latency, tuning, --max-credits and --shard in the command to run next", async () => {
    // no price is known yet, so a cap skips every shot: nothing is submitted
    const argv = [
      "render",
      "story.yaml",
      "--out",
      "capped",
      "--sim",
      "--sim-latency",
      "0.05",
      "-c",
      "2",
      "--poll-interval",
      "0.05",
      "--shot-timeout",
      "60",
      "--max-credits",
      "1000",
      "--shard",
      "1/1",
    ];
    const { code, stdout } = await run(argv, ws.dir);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^s1\s+skipped\s.*E_PRICE_UNKNOWN/m);
    expect(stdout).toContain(
      "render what failed again: storyreel render story.yaml --out capped --sim --sim-latency 0.05 --concurrency 2 --poll-interval 0.05 --shot-timeout 60 --max-credits 1000 --shard 1/1 --failed\n",
    );
  });

  it("keeps --base-url and the run's --only, and leaves out options at their defaults", async () => {
    sim.faults.add("submit", { type: "job-error", message: "content policy violation" });
    const argv = ["render", "story.yaml", "--out", "based", "--base-url", sim.url, "--only", "s1,s2"];
    const { code, stdout } = await run([...argv, "--poll-interval", "2"], ws.dir, { AIML_API_KEY: "k" });
    expect(code).toBe(1);
    expect(stdout).toContain(
      `render what failed again: storyreel render story.yaml --out based --base-url ${sim.url} --failed --only s1,s2\n`,
    );
  });

  it("--quiet prints nothing for a run that went well", async () => {
    const { code, stdout, stderr } = await run(
      ["render", "story.yaml", "--out", "quiet-ok", "--base-url", sim.url, "--poll-interval", "0.05", "-q"],
      ws.dir,
      { AIML_API_KEY: "k" },
    );
    expect(code).toBe(0);
    expect(stdout).toBe("");
    expect(stderr).toBe("");
  });

  it("--quiet prints each failed or skipped shot and the command to run next on stderr, nothing on stdout", async () => {
    sim.faults.add("submit", { type: "job-error", message: "content policy violation" });
    const { code, stdout, stderr } = await run(
      [
        "render",
        "story.yaml",
        "--out",
        "quiet-bad",
        "--base-url",
        sim.url,
        "--poll-interval",
        "0.05",
        "-c",
        "1",
        "--quiet",
      ],
      ws.dir,
      { AIML_API_KEY: "k" },
    );
    expect(code).toBe(1);
    expect(stdout).toBe("");
    const lines = stderr.trimEnd().split("\n");
    expect(lines).toEqual([
      "s1  failed  E_GENERATION_FAILED: content policy violation",
      `render what failed again: storyreel render story.yaml --out quiet-bad --base-url ${sim.url} --concurrency 1 --poll-interval 0.05 --failed`,
    ]);
  });
});
