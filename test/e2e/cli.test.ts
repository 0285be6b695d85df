// The real CLI as a child process: exit codes, clear errors, secrets, kill -9, Ctrl-C and the output lock.
import { existsSync } from "node:fs";
import { readFile, readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import type { Manifest } from "../../src/manifest/index.js";
import { startSimulator } from "../../src/simulator/index.js";
import type { Simulator } from "../../src/simulator/index.js";
import { exited, runCli, spawnCli } from "../helpers/cli.js";
import { makeWorkspace, storyboardYaml } from "../helpers/workspace.js";
import type { Workspace } from "../helpers/workspace.js";

const KEY = "sk-live-DISTINCTIVE-9f8e7d6c5b4a";
let sim: Simulator | undefined;
let ws: Workspace | undefined;

afterEach(async () => {
  await sim?.close();
  await ws?.cleanup();
  sim = undefined;
  ws = undefined;
});

async function allFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true });
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry);
    if ((await stat(path)).isFile()) files.push(path);
  }
  return files;
}

/** Generation ids on disk right now: manifest snapshot plus the journal. */
async function idsOnDisk(outDir: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  try {
    const manifest = JSON.parse(await readFile(join(outDir, "manifest.json"), "utf8")) as Manifest;
    for (const s of manifest.shots) if (s.generation_id) ids.set(s.id, s.generation_id);
  } catch {
    // not written yet
  }
  for (const journal of ["manifest.journal.old", "manifest.journal"]) {
    try {
      for (const line of (await readFile(join(outDir, journal), "utf8")).split("\n")) {
        if (!line.trim()) continue;
        try {
          const entry = JSON.parse(line) as { id: string; set: { generation_id?: string | null } };
          if (entry.set.generation_id) ids.set(entry.id, entry.set.generation_id);
        } catch {
          // a line being written right now
        }
      }
    } catch {
      // no journal
    }
  }
  return ids;
}

async function until(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await sleep(25);
  }
}

describe("storyreel CLI", () => {
  it("validate: every problem with file:line:column, exit 2, no stack trace, nothing written", async () => {
    ws = await makeWorkspace(
      storyboardYaml(2)
        .replace("duration: 4", "duration: 5")
        .replace("frames/f1.png\n", "frames/missing.png\n"),
    );
    const run = await runCli(["validate", ws.storyboard]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /story\.yaml:5:13 shots\[0\]\.duration: 5 is not allowed for google\/veo-3\.1-first-last-image-to-video-fast \(allowed: 4, 6, 8\) \(set in defaults: write `duration: null` on the shot to unset it\)/,
    );
    expect(run.stderr).toMatch(/story\.yaml:\d+:\d+ shots\[0\]\.last_frame: .*missing\.png/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(ws.outDir)).toBe(false);
  });

  it("render of an invalid storyboard sends nothing and writes nothing", async () => {
    ws = await makeWorkspace(storyboardYaml(2).replace("duration: 4", "duration: 5"));
    sim = await startSimulator({ render: "fast" });
    const run = await runCli(["render", ws.storyboard, "--base-url", sim.url], {
      env: { AIML_API_KEY: KEY },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("nothing was sent and nothing was written");
    expect(sim.stats.totalRequests).toBe(0);
    expect(existsSync(ws.outDir)).toBe(false);
  });

  it("render without a key says how to set one (or use --sim), exit 2, nothing written", async () => {
    ws = await makeWorkspace(storyboardYaml(1));
    const run = await runCli(["render", ws.storyboard]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("AIML_API_KEY");
    expect(run.stderr).toContain("--sim");
    expect(existsSync(ws.outDir)).toBe(false);
  });

  it("usage errors name the option and what is allowed", async () => {
    ws = await makeWorkspace(storyboardYaml(1));
    const run = await runCli(["render", ws.storyboard, "--sim", "--concurrency", "zero"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--concurrency: "zero" is not allowed (a whole number ≥ 1)');
  });

  it("401 stops the run with exit 2 and says what to do", async () => {
    ws = await makeWorkspace(storyboardYaml(2));
    sim = await startSimulator({ render: "fast", rejectKeys: { [KEY]: 401 } });
    const run = await runCli(["render", ws.storyboard, "--base-url", sim.url], {
      env: { AIML_API_KEY: KEY },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("check AIML_API_KEY");
    expect(run.stderr).not.toContain(KEY);
    expect(sim.stats.jobsCreated).toBe(0);
  });

  it("the key never appears in stdout, stderr, NDJSON or any file written, even when the API echoes it", async () => {
    ws = await makeWorkspace(storyboardYaml(3));
    sim = await startSimulator({ latency: 50, render: "fast", separateDownloadOrigin: true });
    sim.faults.add("submit", { type: "status", status: 400, message: `invalid request for key ${KEY}` });
    sim.faults.add("poll", { type: "status", status: 500, message: `upstream failed for Bearer ${KEY}` });
    const envs = { AIML_API_KEY: KEY };
    const json = await runCli(["render", ws.storyboard, "--base-url", sim.url, "--json", "-c", "1"], {
      env: envs,
    });
    const plain = await runCli(["render", ws.storyboard, "--base-url", sim.url, "--failed"], { env: envs });
    expect(json.code).toBe(1);
    const lines = json.stdout.trim().split("\n");
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
    expect(json.stdout).toContain("E_API_BAD_REQUEST");
    for (const text of [json.stdout, json.stderr, plain.stdout, plain.stderr])
      expect(text).not.toContain(KEY);
    for (const file of await allFiles(ws.outDir)) expect(await readFile(file, "latin1")).not.toContain(KEY);
    const downloads = sim.requests.filter((r) => r.origin === "download");
    expect(downloads.length).toBeGreaterThan(0);
    for (const r of downloads) expect(JSON.stringify(r.headers)).not.toContain(KEY);
  });

  it("kill -9 mid-run loses nothing paid for: the rerun resubmits no recorded generation", async () => {
    ws = await makeWorkspace(storyboardYaml(6));
    sim = await startSimulator({ latency: 1500, render: "fast" });
    const args = ["render", ws.storyboard, "--base-url", sim.url, "-c", "3", "--poll-interval", "0.1"];
    const child = spawnCli(args, { env: { AIML_API_KEY: KEY } });
    await until(async () => (await idsOnDisk(ws!.outDir)).size >= 3);
    child.kill("SIGKILL");
    await exited(child);
    const before = await idsOnDisk(ws.outDir);
    const jobsAtKill = sim.stats.jobsCreated;

    const rerun = await runCli(args, { env: { AIML_API_KEY: KEY } });
    expect(rerun.code).toBe(0);
    const manifest = JSON.parse(await readFile(join(ws.outDir, "manifest.json"), "utf8")) as Manifest;
    expect(manifest.shots.every((s) => s.status === "completed")).toBe(true);
    for (const [id, generation] of before) {
      expect(manifest.shots.find((s) => s.id === id)?.generation_id).toBe(generation);
    }
    // only shots without an id on disk were submitted by the rerun
    expect(sim.stats.jobsCreated - jobsAtKill).toBe(6 - before.size);
    expect(rerun.stderr).toContain("resumed");
  });

  it("Ctrl-C stops gracefully (exit 130, manifest written, how to resume printed); the rerun resumes", async () => {
    ws = await makeWorkspace(storyboardYaml(4));
    sim = await startSimulator({ latency: 2000, render: "fast" });
    const args = ["render", ws.storyboard, "--base-url", sim.url, "-c", "2", "--poll-interval", "0.1"];
    const child = spawnCli(args, { env: { AIML_API_KEY: KEY } });
    await until(async () => (await idsOnDisk(ws!.outDir)).size >= 2);
    child.kill("SIGINT");
    await exited(child);
    const out = child.output();
    expect(out.code).toBe(130);
    expect(out.stderr).toContain("stopping");
    expect(out.stdout).toContain(`resume`);
    const manifest = JSON.parse(await readFile(join(ws.outDir, "manifest.json"), "utf8")) as Manifest;
    expect(manifest.shots.filter((s) => s.status === "submitted")).toHaveLength(2);
    expect(sim.stats.jobsCreated).toBe(2);

    const rerun = await runCli(args, { env: { AIML_API_KEY: KEY } });
    expect(rerun.code).toBe(0);
    expect(sim.stats.jobsCreated).toBe(4);
  });

  it("a second render on the same folder is refused; after kill -9 the next run takes the lock over at once", async () => {
    ws = await makeWorkspace(storyboardYaml(2));
    sim = await startSimulator({ latency: 3000, render: "fast" });
    const args = ["render", ws.storyboard, "--base-url", sim.url, "--poll-interval", "0.1"];
    const first = spawnCli(args, { env: { AIML_API_KEY: KEY } });
    await until(
      async () => existsSync(join(ws!.outDir, ".storyreel.lock")) && (await idsOnDisk(ws!.outDir)).size > 0,
    );
    const second = await runCli(args, { env: { AIML_API_KEY: KEY } });
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/in use by another storyreel run \(pid \d+/);
    first.kill("SIGKILL");
    await exited(first);
    const third = await runCli(args, { env: { AIML_API_KEY: KEY } });
    expect(third.code).toBe(0);
    expect(sim.stats.jobsCreated).toBe(2);
  });
});
