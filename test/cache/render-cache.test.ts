// render with the shared clip cache, end to end: a hit sends no request, a miss is stored; folders, shards, S3.
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { clipName } from "../../src/cache/layout.js";
import { readManifest } from "../../src/manifest/index.js";
import { startSimulator } from "../../src/simulator/index.js";
import type { Simulator } from "../../src/simulator/index.js";
import { runMainWith } from "../helpers/main-io.js";
import type { MainRun } from "../helpers/main-io.js";
import { makeWorkspace, storyboardYaml } from "../helpers/workspace.js";
import type { Workspace } from "../helpers/workspace.js";
import { startS3Server } from "./s3-server.js";
import type { S3TestServer } from "./s3-server.js";

const KEY = "sk-render-cache-4e5f";
let ws: Workspace | undefined;
let sim: Simulator | undefined;
let s3: S3TestServer | undefined;
afterEach(async () => {
  await sim?.close();
  await s3?.close();
  await ws?.cleanup();
  sim = ws = s3 = undefined;
});

function render(args: string[], env: Record<string, string> = {}): Promise<MainRun> {
  return runMainWith(["render", ws!.storyboard, "--base-url", sim!.url, "--poll-interval", "0.03", ...args], {
    env: { AIML_API_KEY: KEY, ...env },
    cwd: ws!.dir,
  });
}

describe("render with the clip cache", () => {
  it("two folders on one machine send one set of generations between them", async () => {
    ws = await makeWorkspace(storyboardYaml(3));
    sim = await startSimulator({ latency: 40, render: "ffmpeg" });
    const cache = join(ws.dir, "cache");
    const first = await render(["--out", "a", "--cache", cache]);
    expect(first.code, first.stderr).toBe(0);
    expect(sim.stats.jobsCreated).toBe(3);
    expect(first.stdout).toContain(`clip cache ${cache}: 3 new clips stored`);

    const second = await render(["--out", "b", "--cache", cache]);
    expect(second.code, second.stderr).toBe(0);
    expect(sim.stats.jobsCreated).toBe(3); // no new generation
    expect(sim.requests.filter((r) => r.kind === "submit")).toHaveLength(3);
    expect(second.stdout).toContain(`clip cache ${cache}: 3 shots from the cache (no request sent)`);
    const a = (await readManifest(join(ws.dir, "a")))!;
    const b = (await readManifest(join(ws.dir, "b")))!;
    expect(b.shots.map((s) => [s.status, s.origin, s.clip?.sha256, s.generation_id, s.credits_used])).toEqual(
      a.shots.map((s) => ["completed", "cache", s.clip?.sha256, s.generation_id, null]),
    );
    // The clips are whole files in b (hard links or copies), listed in b's concat.txt.
    const concat = await readFile(join(ws.dir, "b", "concat.txt"), "utf8");
    for (const shot of b.shots) expect(concat).toContain(shot.clip!.path);
    const status = await runMainWith(["status", join(ws.dir, "b"), "--verify"]);
    expect(status.code, status.stdout).toBe(0);
  });

  it("a clip made on the simulator never serves a run against another backend", async () => {
    ws = await makeWorkspace(storyboardYaml(2));
    sim = await startSimulator({ latency: 40, render: "fast" });
    const cache = join(ws.dir, "cache");
    const onSim = await runMainWith(
      [
        "render",
        ws.storyboard,
        "--sim",
        "--sim-latency",
        "0.04",
        "--poll-interval",
        "0.03",
        "--out",
        "a",
        "--cache",
        cache,
      ],
      { cwd: ws.dir },
    );
    expect(onSim.code, onSim.stderr).toBe(0);
    expect(onSim.stdout).toContain("2 new clips stored");
    const real = await render(["--out", "b", "--cache", cache]);
    expect(real.code, real.stderr).toBe(0);
    expect(sim.stats.jobsCreated).toBe(2); // both paid here: the simulator's entries are keyed "simulator"
    expect(real.stdout).not.toContain("from the cache");
  });

  it("read-only looks up but stores nothing; a corrupt clip is a warning, rendered again and replaced", async () => {
    ws = await makeWorkspace(storyboardYaml(1));
    sim = await startSimulator({ latency: 40, render: "fast" });
    const cache = join(ws.dir, "cache");
    const readOnly = await render(["--out", "ro", "--cache", cache, "--cache-read-only"]);
    expect(readOnly.code, readOnly.stderr).toBe(0);
    expect(await readdir(cache).catch(() => [])).toEqual([]);

    expect((await render(["--out", "a", "--cache", cache])).code).toBe(0);
    expect(sim.stats.jobsCreated).toBe(2);
    const sha = (await readManifest(join(ws.dir, "a")))!.shots[0]!.clip!.sha256;
    const blobPath = join(cache, clipName(sha));
    const bytes = await readFile(blobPath);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0xff, bytes.length - 1);
    await writeFile(blobPath, bytes);

    const afterCorruption = await render(["--out", "b", "--cache", cache]);
    expect(afterCorruption.code, afterCorruption.stderr).toBe(0);
    expect(afterCorruption.stdout + afterCorruption.stderr).toMatch(
      /warning: clip cache .*: clip [0-9a-f]{12} does not match its sha256/,
    );
    expect(sim.stats.jobsCreated).toBe(3); // rendered again, not served corrupt
    const healed = await render(["--out", "c", "--cache", cache]);
    expect(healed.code, healed.stderr).toBe(0);
    expect(sim.stats.jobsCreated).toBe(3); // the entry was replaced with the good clip
    expect(healed.stdout).toContain("1 shot from the cache");
  });

  it("a cache that cannot be reached is a warning; the render completes", async () => {
    ws = await makeWorkspace(storyboardYaml(2));
    sim = await startSimulator({ latency: 40, render: "fast" });
    const run = await render(["--out", "a", "--cache", "s3://nowhere/clips"], {
      AWS_ENDPOINT_URL: "http://127.0.0.1:9",
      AWS_REGION: "us-east-1",
      AWS_ACCESS_KEY_ID: "x",
      AWS_SECRET_ACCESS_KEY: "y",
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout + run.stderr).toMatch(/warning: clip cache s3:\/\/nowhere\/clips/);
    expect(sim.stats.jobsCreated).toBe(2);
    expect(run.stdout + run.stderr).not.toContain(KEY);
  });

  it("--shard i/4 then --shard i/8 over one S3 cache: the second layout sends no generation", async () => {
    ws = await makeWorkspace(storyboardYaml(8));
    sim = await startSimulator({ latency: 30, render: "fast" });
    const dir = join(ws.dir, "s3");
    await mkdir(dir);
    s3 = await startS3Server(dir);
    const cache = "s3://clips/team";
    for (const [count, runner] of [4, 8].flatMap((n) => Array.from({ length: n }, (_, i) => [n, i + 1]))) {
      // Every runner starts with an empty folder, as a fresh CI machine does.
      const run = await render(
        ["--out", `r${count}-${runner}`, "--shard", `${runner}/${count}`, "--cache", cache],
        s3.env,
      );
      expect(run.code, run.stderr).toBe(0);
      if (count === 4 && runner === 4) expect(sim.stats.jobsCreated).toBe(8);
    }
    expect(sim.stats.jobsCreated).toBe(8);
    expect(sim.requests.filter((r) => r.kind === "submit")).toHaveLength(8);
  });
});

describe("plan with the clip cache", () => {
  it("shows cached shots as from cache with no cost, and sends nothing", async () => {
    ws = await makeWorkspace(storyboardYaml(2));
    sim = await startSimulator({ latency: 40, render: "fast" });
    const cache = join(ws.dir, "cache");
    expect((await render(["--out", "a", "--cache", cache, "--only", "s1"])).code).toBe(0);
    const before = sim.requests.length;
    const planned = await runMainWith(
      ["plan", ws.storyboard, "--out", "b", "--base-url", sim.url, "--cache", cache],
      { cwd: ws.dir },
    );
    expect(planned.code, planned.stderr).toBe(0);
    expect(planned.stdout).toMatch(
      /^s1 +from cache .*in the clip cache \(\d{4}-\d\d-\d\d\): copied, no request/m,
    );
    expect(planned.stdout).toMatch(/^s2 +render /m);
    expect(planned.stdout).toContain(
      "1 to render (4 s of video), 0 to resume, 0 up to date, 1 from cache (no cost), 0 not selected",
    );
    expect(sim.requests.slice(before).filter((r) => r.kind === "submit")).toHaveLength(0);
  });
});
