// The built CLI with its stdout closed by the reader (`render --json | head -1`): a graceful stop, never a crash.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Manifest } from "../../src/manifest/index.js";
import { startSimulator } from "../../src/simulator/index.js";
import type { Simulator } from "../../src/simulator/index.js";
import { exited, runCli } from "../helpers/cli.js";
import { distIsFresh, ROOT } from "../helpers/dist.js";
import { makeWorkspace, storyboardYaml } from "../helpers/workspace.js";
import type { Workspace } from "../helpers/workspace.js";

const DIST_BIN = join(ROOT, "dist/cli/bin.js");

/** The built CLI (`npm run build`) when it is newer than every file of src/, else the sources through tsx. */
async function cliEntry(): Promise<string[]> {
  return (await distIsFresh(DIST_BIN)) ? [DIST_BIN] : ["--import", "tsx", join(ROOT, "src/cli/bin.ts")];
}

let sim: Simulator | undefined;
let ws: Workspace | undefined;

afterEach(async () => {
  await sim?.close();
  await ws?.cleanup();
  sim = undefined;
  ws = undefined;
});

describe("stdout closed by its reader", () => {
  it("stops the run like Ctrl-C: exit 130, no stack trace, manifest written, lock released; the rerun finishes", async () => {
    ws = await makeWorkspace(storyboardYaml(4));
    sim = await startSimulator({ latency: 1500, render: "fast" });
    const args = ["render", ws.storyboard, "--base-url", sim.url, "-c", "2", "--poll-interval", "0.1"];
    const env = { ...process.env, AIML_API_KEY: "sk-epipe-test", CI: "true" };
    const child = spawn(process.execPath, [...(await cliEntry()), ...args, "--json"], {
      cwd: ROOT, // where tsx resolves, should the sources run
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      // `| head -1`: read one line, then close the pipe
      if (stdout.includes("\n")) child.stdout.destroy();
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    await exited(child);

    expect(JSON.parse(stdout.split("\n")[0]!)).toMatchObject({ type: "run_started", total: 4 });
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stderr).not.toContain("Error: write EPIPE");
    expect(stderr).toContain("stdout was closed (EPIPE): stopping");
    expect(child.exitCode).toBe(130);
    expect(existsSync(join(ws.outDir, ".storyreel.lock"))).toBe(false);
    const manifest = JSON.parse(await readFile(join(ws.outDir, "manifest.json"), "utf8")) as Manifest;
    expect(manifest.finished_at).not.toBeNull();
    const paid = manifest.shots.filter((s) => s.generation_id !== null).length;
    expect(paid).toBe(sim.stats.jobsCreated);

    const rerun = await runCli(args, { env: { AIML_API_KEY: "sk-epipe-test" } });
    expect(rerun.code).toBe(0);
    expect(sim.stats.jobsCreated).toBe(4); // the generations paid for before the stop were resumed, not paid again
  });
});
