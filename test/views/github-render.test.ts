// A real render through main() inside "GitHub Actions": job summary file appended, annotations on the right stream.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { startSimulator } from "../../src/simulator/index.js";
import type { Simulator } from "../../src/simulator/index.js";
import { makeWorkspace, storyboardYaml } from "../helpers/workspace.js";
import type { Workspace } from "../helpers/workspace.js";

const KEY = "sk-github-test-5be1";
let ws: Workspace;
let sim: Simulator;

beforeEach(async () => {
  ws = await makeWorkspace(storyboardYaml(3));
  sim = await startSimulator({ render: "fast", latency: 50 });
  // with one shot at a time, the second submission (s2) ends in a job error
  sim.faults.add(
    "submit",
    { type: "job-error", message: "50% of the frame: unsafe,\nrejected" },
    { skip: 1 },
  );
});

afterEach(async () => {
  await sim?.close();
  await ws?.cleanup();
});

async function renderInActions(extra: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const summaryPath = join(ws.dir, "step-summary.md");
  await writeFile(summaryPath, "");
  let stdout = "";
  let stderr = "";
  const code = await main(
    // render reads paths relative to the process, not io.cwd: give the storyboard absolute
    ["render", ws.storyboard, "--base-url", sim.url, "-c", "1", "--poll-interval", "0.05", ...extra],
    {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      env: {
        AIML_API_KEY: KEY,
        CI: "true",
        GITHUB_ACTIONS: "true",
        GITHUB_STEP_SUMMARY: summaryPath,
        GITHUB_WORKSPACE: ws.dir,
        STORYREEL_CACHE: "off",
      },
      isTTY: false,
      cwd: ws.dir,
      handleSignals: false,
    },
  );
  return { code, stdout, stderr };
}

function shotLine(id: string, yaml: string): number {
  return yaml.split("\n").findIndex((line) => line === `  - id: ${id}`) + 1;
}

describe("render in GitHub Actions", () => {
  it("appends a job summary and prints an annotation at the failed shot's line on stdout", async () => {
    const { code, stdout, stderr } = await renderInActions([]);
    expect(code).toBe(1);
    const line = shotLine("s2", storyboardYaml(3));
    expect(line).toBeGreaterThan(0);
    const annotation = `::error file=story.yaml,line=${line},title=storyreel s2::failed: E_GENERATION_FAILED: 50%25 of the frame: unsafe,%0Arejected`;
    expect(stdout.split("\n")).toContain(annotation);
    expect(stderr).not.toContain("::error");

    const summary = await readFile(join(ws.dir, "step-summary.md"), "utf8");
    expect(summary).toMatch(/^### storyreel: story\.yaml\n/);
    expect(summary).toContain("2 completed, 1 failed");
    expect(summary).toMatch(
      /^\| s1 \| ✅ completed \| 4 s \| \d+ \| [\d,]+ \| clips\/001-s1\.mp4( \(warning: [^|]*\))? \|$/m,
    );
    expect(summary).toContain("| s2 | ❌ failed |");
    expect(summary).toContain(`render what failed again: storyreel render ${ws.storyboard} --base-url`);
    expect(summary).not.toContain(KEY);
    expect(stdout + stderr).not.toContain(KEY);
  });

  it("keeps stdout NDJSON-only with --json: the annotations go to stderr", async () => {
    const { code, stdout, stderr } = await renderInActions(["--json"]);
    expect(code).toBe(1);
    for (const line of stdout.trimEnd().split("\n")) expect(() => JSON.parse(line) as unknown).not.toThrow();
    expect(stderr).toMatch(/^::error file=story\.yaml,line=\d+,title=storyreel s2::failed: /m);
    expect(await readFile(join(ws.dir, "step-summary.md"), "utf8")).toContain("| s2 | ❌ failed |");
  });
});
