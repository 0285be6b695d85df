// merge() on real shard folders rendered against the simulator, then stitch, report and a rerun of the merged folder.
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { render } from "../../src/commands/render/render.js";
import { merge } from "../../src/commands/merge/merge.js";
import { stitch } from "../../src/commands/stitch/stitch.js";
import { writeReport } from "../../src/commands/report/report.js";
import { manifestProblems } from "../../src/manifest/index.js";
import type { Manifest } from "../../src/manifest/index.js";
import { inShard } from "../../src/scheduler/index.js";
import { startSimulator } from "../../src/simulator/index.js";
import type { Simulator } from "../../src/simulator/index.js";
import { hasCode } from "../../src/util/errors.js";
import { makeWorkspace, storyboardYaml } from "../helpers/workspace.js";
import type { Workspace } from "../helpers/workspace.js";
import { sha256File } from "../stitch/output-fixture.js";
import { runMain } from "../stitch/cli-io.js";

const KEY = "sk-test-merge";
let sim: Simulator | undefined;
let ws: Workspace | undefined;

afterEach(async () => {
  await sim?.close();
  await ws?.cleanup();
  sim = undefined;
  ws = undefined;
});

async function renderShards(count = 6): Promise<{ ws: Workspace; sim: Simulator; dirs: [string, string] }> {
  ws = await makeWorkspace(storyboardYaml(count));
  sim = await startSimulator({ render: "fast", latency: 50 });
  const dirs: [string, string] = [join(ws.dir, "shard-1"), join(ws.dir, "shard-2")];
  for (const [i, outDir] of dirs.entries()) {
    const result = await render({
      storyboard: ws.storyboard,
      outDir,
      baseUrl: sim.url,
      apiKey: KEY,
      pollInterval: 0.05,
      selection: { shard: { index: i + 1, count: 2 } },
    });
    expect(result.exitCode).toBe(0);
  }
  return { ws, sim, dirs };
}

async function manifestOf(dir: string): Promise<Manifest> {
  return JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as Manifest;
}

async function failure(promise: Promise<unknown>): Promise<Error & { code: string }> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!hasCode(err)) throw new Error(`expected a StoryreelError, got ${String(err)}`);
  return err;
}

describe("merge", () => {
  it("combines two shard folders into one that stitch, report and render accept", async () => {
    const { ws, sim, dirs } = await renderShards();
    // each shard rendered its own shots and left the others pending
    const shard1 = await manifestOf(dirs[0]);
    expect(shard1.shots.filter((s) => s.status === "completed").map((s) => s.id)).toEqual(["s1", "s2", "s5"]);
    expect(shard1.shots.filter((s) => s.status === "pending").map((s) => s.id)).toEqual(["s3", "s4", "s6"]);

    const out = join(ws.dir, "merged");
    const result = await merge({ dirs, outDir: out });
    expect(result).toMatchObject({ outDir: out, shots: 6, completed: 6, missing: [], copied: 6 });
    for (const [id, dir] of Object.entries(result.fromDir)) {
      expect(dir).toBe(inShard(id, { index: 1, count: 2 }) ? dirs[0] : dirs[1]);
    }
    const merged = await manifestOf(out);
    expect(manifestProblems(merged)).toEqual([]);
    expect(merged.shots.map((s) => s.id)).toEqual(["s1", "s2", "s3", "s4", "s5", "s6"]);
    expect(merged.shots.every((s) => s.status === "completed")).toBe(true);
    expect(resolve(out, merged.storyboard.path)).toBe(ws.storyboard);
    for (const shot of merged.shots)
      expect(await sha256File(join(out, shot.clip!.path))).toBe(shot.clip!.sha256);
    const concat = await readFile(join(out, "concat.txt"), "utf8");
    expect(concat.trim().split("\n")).toHaveLength(7);
    expect(existsSync(join(out, ".storyreel.lock"))).toBe(false);

    const film = await stitch({ outDir: out });
    expect(film).toMatchObject({ clips: 6, mode: "copy", skipped: [] });
    expect(film.durationSeconds).toBeGreaterThan(5.5);
    expect(film.durationSeconds).toBeLessThan(6.6);
    expect((await writeReport({ outDir: out })).cards).toBe(6);

    // the merged folder is a valid render folder: everything is up to date, nothing is sent
    const before = sim.stats.totalRequests;
    const rerun = await render({ storyboard: ws.storyboard, outDir: out, baseUrl: sim.url, apiKey: KEY });
    expect(rerun.counts.upToDate).toBe(6);
    expect(sim.stats.totalRequests).toBe(before);

    // merging again is cheap: the clips are already there
    expect((await merge({ dirs, outDir: out })).copied).toBe(0);
  });

  it("keeps a paid, unfinished generation over a pending record, and reports what is missing", async () => {
    const { ws, dirs } = await renderShards();
    const path = join(dirs[1], "manifest.json");
    const shard2 = await manifestOf(dirs[1]);
    const s3 = shard2.shots.find((s) => s.id === "s3")!;
    Object.assign(s3, {
      status: "submitted",
      completed_at: null,
      clip: null,
      video_url: null,
      generation_id: "gen-paid-s3",
    });
    await writeFile(path, JSON.stringify(shard2));
    const out = join(ws.dir, "merged");
    const result = await merge({ dirs, outDir: out });
    expect(result).toMatchObject({ completed: 5, missing: ["s3"] });
    const merged = await manifestOf(out);
    expect(merged.shots.find((s) => s.id === "s3")).toMatchObject({
      status: "submitted",
      generation_id: "gen-paid-s3",
    });
    expect((await failure(stitch({ outDir: out }))).message).toContain("s3 (submitted)");
  });

  it("refuses folders of different storyboards, naming them and the differing shot ids", async () => {
    const { ws, sim, dirs } = await renderShards();
    await writeFile(ws.storyboard, storyboardYaml(7));
    const other = join(ws.dir, "other");
    await render({
      storyboard: ws.storyboard,
      outDir: other,
      baseUrl: sim.url,
      apiKey: KEY,
      pollInterval: 0.05,
      selection: { only: ["s7"] },
    });
    const err = await failure(merge({ dirs: [dirs[0], other], outDir: join(ws.dir, "merged") }));
    expect(err.code).toBe("E_MERGE_MISMATCH");
    expect(err.message).toContain(`storyboards differ: ${dirs[0]} (../story.yaml, sha256 `);
    expect(err.message).toContain(`shot ids differ: s7 (only in ${other})`);
    expect(existsSync(join(ws.dir, "merged", "manifest.json"))).toBe(false);

    const forced = await merge({
      dirs: [dirs[0], other],
      outDir: join(ws.dir, "merged"),
      allowMismatch: true,
    });
    expect(forced.shots).toBe(7);
    expect(forced.fromDir.s7).toBe(other);
  });

  it("refuses an output folder that is an input, one locked by a live run, and an unsafe clip path", async () => {
    const { ws, dirs } = await renderShards(2);
    expect((await failure(merge({ dirs, outDir: dirs[0] }))).code).toBe("E_USAGE");
    expect((await failure(merge({ dirs: [join(ws.dir, "nowhere")], outDir: join(ws.dir, "m") }))).code).toBe(
      "E_NO_MANIFEST",
    );

    const locked = join(ws.dir, "locked");
    const { mkdir } = await import("node:fs/promises");
    await mkdir(locked);
    // pid 1 is alive on this host: the lock belongs to a running process
    await writeFile(
      join(locked, ".storyreel.lock"),
      JSON.stringify({ pid: 1, hostname: hostname(), started_at: "x" }),
    );
    expect((await failure(merge({ dirs, outDir: locked }))).code).toBe("E_OUTPUT_LOCKED");

    const shard = await manifestOf(dirs[0]);
    const done = shard.shots.find((s) => s.clip)!;
    done.clip!.path = "../../escape.mp4";
    await writeFile(join(dirs[0], "manifest.json"), JSON.stringify(shard));
    const err = await failure(merge({ dirs, outDir: join(ws.dir, "m2") }));
    expect(err.code).toBe("E_MANIFEST_INVALID");
    expect(err.message).toContain('"../../escape.mp4" leaves the output folder');
  });
});

describe("storyreel merge", () => {
  it("exits 0 when every shot is completed, 1 when some are missing, 2 on a refusal", async () => {
    const { ws, dirs } = await renderShards();
    const ok = await runMain(["merge", "shard-1", "shard-2", "--out", "merged"], ws.dir);
    expect(ok).toEqual({
      code: 0,
      stdout: "merged 6 shots into merged (3 from shard-1, 3 from shard-2); 6 completed, 6 clips copied\n",
      stderr: "",
    });
    const partial = await runMain(["merge", "shard-1", "--out", "half"], ws.dir);
    expect(partial.code).toBe(1);
    expect(partial.stderr).toBe(
      "not completed in any folder: s3, s4, s6 (render them into half, or stitch --allow-missing)\n",
    );
    const refused = await runMain(["merge", "shard-1", "--out", "shard-1"], ws.dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("is also an input folder");
    const usage = await runMain(["merge", dirs[0]]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("required option '-o, --out <dir>' not specified");
    expect((await runMain(["merge", "--help"])).stdout).toContain(
      "storyreel merge shard-1 shard-2 --out film",
    );
  });
});
