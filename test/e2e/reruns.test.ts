// Reruns end to end through `storyreel render` (in-process main()) on the simulator: --only, --force, a damaged
// or deleted clip, a removed shot, a changed prompt and a folder that is already complete.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, readdir, rm, truncate, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readManifest } from "../../src/manifest/index.js";
import type { Manifest, ShotRecord } from "../../src/manifest/index.js";
import { startSimulator } from "../../src/simulator/index.js";
import type { RecordedRequest, Simulator } from "../../src/simulator/index.js";
import { runMainWith } from "../helpers/main-io.js";
import type { MainRun } from "../helpers/main-io.js";
import { makeWorkspace, storyboardYaml } from "../helpers/workspace.js";
import type { Workspace } from "../helpers/workspace.js";

const KEY = "sk-test-reruns-8e4d2f";
let sim: Simulator | undefined;
let ws: Workspace | undefined;

afterEach(async () => {
  await sim?.close();
  await ws?.cleanup();
  sim = undefined;
  ws = undefined;
});

async function setup(shots = 3): Promise<void> {
  ws = await makeWorkspace(storyboardYaml(shots));
  sim = await startSimulator({ latency: 40, render: "fast" });
}

async function renderCli(...flags: string[]): Promise<MainRun> {
  return runMainWith(
    ["render", ws!.storyboard, "--base-url", sim!.url, "--poll-interval", "0.03", ...flags],
    {
      env: { AIML_API_KEY: KEY },
    },
  );
}

async function manifest(): Promise<Manifest> {
  const m = await readManifest(ws!.outDir);
  if (!m) throw new Error("no manifest");
  return m;
}

function shot(m: Manifest, id: string): ShotRecord {
  const found = m.shots.find((s) => s.id === id);
  if (!found) throw new Error(`no shot ${id} in the manifest`);
  return found;
}

async function sha256(path: string): Promise<string> {
  return createHash("sha256")
    .update(await readFile(path))
    .digest("hex");
}

/** Requests the simulator received after the first `from` of them. */
function since(from: number): RecordedRequest[] {
  return sim!.requests.slice(from);
}

const ofKind = (requests: RecordedRequest[], kind: RecordedRequest["kind"]): RecordedRequest[] =>
  requests.filter((r) => r.kind === kind);

/** A complete first render of the workspace; returns the manifest it wrote. */
async function firstRender(): Promise<Manifest> {
  const run = await renderCli();
  expect(run.code, run.stderr).toBe(0);
  const m = await manifest();
  expect(m.shots.every((s) => s.status === "completed")).toBe(true);
  return m;
}

describe("reruns through the CLI", () => {
  it("--only a,b renders just those shots; the others stay pending and untouched", async () => {
    await setup(3);
    const run = await renderCli("--only", "s1,s3");
    expect(run.code, run.stderr).toBe(0);
    expect(sim!.stats.requests.submit).toBe(2);
    expect(sim!.stats.jobsCreated).toBe(2);
    const m = await manifest();
    expect(shot(m, "s1").status).toBe("completed");
    expect(shot(m, "s3").status).toBe("completed");
    expect(shot(m, "s2")).toMatchObject({ status: "pending", generation_id: null, clip: null });
    expect((await readdir(join(ws!.outDir, "clips"))).sort()).toEqual(["001-s1.mp4", "003-s3.mp4"]);
    // polls went only to the two generations that exist
    const ids = new Set([shot(m, "s1").generation_id, shot(m, "s3").generation_id]);
    for (const r of ofKind(sim!.requests, "poll")) expect(ids.has(r.query["generation_id"] ?? "")).toBe(true);

    // the next --only picks up the one left, without touching the completed ones
    const before = sim!.requests.length;
    const second = await renderCli("--only", "s2");
    expect(second.code, second.stderr).toBe(0);
    expect(ofKind(since(before), "submit")).toHaveLength(1);
    const m2 = await manifest();
    expect(m2.shots.map((s) => s.status)).toEqual(["completed", "completed", "completed"]);
    expect(shot(m2, "s1").generation_id).toBe(shot(m, "s1").generation_id);
    expect(shot(m2, "s3").generation_id).toBe(shot(m, "s3").generation_id);
    for (const r of ofKind(since(before), "poll")) {
      expect(r.query["generation_id"]).toBe(shot(m2, "s2").generation_id);
    }
  });

  it("--force re-renders an up-to-date shot: a new POST and a new generation id", async () => {
    await setup(3);
    const m1 = await firstRender();
    const before = sim!.requests.length;
    const run = await renderCli("--force", "--only", "s2");
    expect(run.code, run.stderr).toBe(0);
    expect(ofKind(since(before), "submit")).toHaveLength(1);
    expect(sim!.stats.jobsCreated).toBe(4);
    const m2 = await manifest();
    const s2 = shot(m2, "s2");
    expect(s2.status).toBe("completed");
    expect(s2.generation_id).not.toBeNull();
    expect(s2.generation_id).not.toBe(shot(m1, "s2").generation_id);
    expect(sim!.stats.jobs.has(s2.generation_id!)).toBe(true);
    expect(await sha256(join(ws!.outDir, s2.clip!.path))).toBe(s2.clip!.sha256);
    // the shots not selected keep their generations
    expect(shot(m2, "s1").generation_id).toBe(shot(m1, "s1").generation_id);
    expect(shot(m2, "s3").generation_id).toBe(shot(m1, "s3").generation_id);
  });

  for (const damage of ["truncated", "deleted"] as const) {
    it(`a ${damage} clip: the rerun polls the same generation again (no POST) and downloads it again`, async () => {
      await setup(3);
      const m1 = await firstRender();
      const s2 = shot(m1, "s2");
      const clipPath = join(ws!.outDir, s2.clip!.path);
      if (damage === "truncated") await truncate(clipPath, Math.floor(s2.clip!.bytes / 2));
      else await rm(clipPath);

      const before = sim!.requests.length;
      const run = await renderCli();
      expect(run.code, run.stderr).toBe(0);
      const after = since(before);
      expect(ofKind(after, "submit")).toHaveLength(0);
      expect(sim!.stats.jobsCreated).toBe(3);
      const polls = ofKind(after, "poll");
      expect(polls.length).toBeGreaterThanOrEqual(1);
      for (const r of polls) expect(r.query["generation_id"]).toBe(s2.generation_id);
      expect(ofKind(after, "download")).toHaveLength(1);

      const m2 = await manifest();
      const again = shot(m2, "s2");
      expect(again).toMatchObject({ status: "completed", generation_id: s2.generation_id });
      expect(again.clip!.path).toBe(s2.clip!.path);
      expect((await readFile(clipPath)).length).toBe(again.clip!.bytes);
      expect(await sha256(clipPath)).toBe(again.clip!.sha256);
      // the intact shots were not touched at all
      expect(shot(m2, "s1")).toEqual(shot(m1, "s1"));
      expect(shot(m2, "s3")).toEqual(shot(m1, "s3"));
      // and a third run has nothing left to do
      const quiet = sim!.requests.length;
      expect((await renderCli()).code).toBe(0);
      expect(sim!.requests.length).toBe(quiet);
    });
  }

  it("a shot removed from the storyboard is dropped from the manifest; its clip moves to clips/removed/, listed in the summary", async () => {
    await setup(3);
    const m1 = await firstRender();
    const removedClip = shot(m1, "s2").clip!.path.replace(/^clips\//, "clips/removed/");
    const yaml = await readFile(ws!.storyboard, "utf8");
    const without = yaml.replace(/ {2}- id: s2\n(?: {4}.*\n)+/, "");
    expect(without).not.toContain("id: s2");
    await writeFile(ws!.storyboard, without);

    const before = sim!.requests.length;
    const run = await renderCli();
    expect(run.code, run.stderr).toBe(0);
    expect(since(before)).toHaveLength(0);
    const m2 = await manifest();
    expect(m2.shots.map((s) => s.id)).toEqual(["s1", "s3"]);
    expect(m2.shots.every((s) => s.status === "completed")).toBe(true);
    expect(run.stdout).toContain("no longer in the storyboard");
    expect(run.stdout).toContain(`s2 (${removedClip})`);
    expect(existsSync(join(ws!.outDir, removedClip))).toBe(true);
    expect(shot(m2, "s3").clip!.path).toBe("clips/002-s3.mp4"); // renamed to its new position, not fetched again
    const concat = await readFile(join(ws!.outDir, "concat.txt"), "utf8");
    expect(concat).not.toContain("s2");
    expect(concat).toContain(shot(m2, "s1").clip!.path);
    expect(concat).toContain(shot(m2, "s3").clip!.path);
  });

  it("a changed prompt sends a new POST for that shot only", async () => {
    await setup(3);
    const m1 = await firstRender();
    const yaml = await readFile(ws!.storyboard, "utf8");
    await writeFile(ws!.storyboard, yaml.replace('prompt: "shot 3"', 'prompt: "shot 3, in the rain"'));

    const before = sim!.requests.length;
    const run = await renderCli();
    expect(run.code, run.stderr).toBe(0);
    expect(ofKind(since(before), "submit")).toHaveLength(1);
    expect(sim!.stats.jobsCreated).toBe(4);
    const m2 = await manifest();
    const s3 = shot(m2, "s3");
    expect(s3.status).toBe("completed");
    expect(s3.generation_id).not.toBe(shot(m1, "s3").generation_id);
    expect(s3.input_hash).not.toBe(shot(m1, "s3").input_hash);
    expect(s3.request["prompt"]).toBe("shot 3, in the rain");
    for (const r of ofKind(since(before), "poll")) expect(r.query["generation_id"]).toBe(s3.generation_id);
    expect(shot(m2, "s1")).toEqual(shot(m1, "s1"));
    expect(shot(m2, "s2")).toEqual(shot(m1, "s2"));
  });

  it("a rerun of a fully completed folder sends zero requests and changes no shot", async () => {
    await setup(3);
    const m1 = await firstRender();
    const before = sim!.stats.totalRequests;
    const run = await renderCli();
    expect(run.code, run.stderr).toBe(0);
    expect(sim!.stats.totalRequests).toBe(before);
    expect((await manifest()).shots).toEqual(m1.shots);
    // --failed on a folder with nothing failed sends nothing either
    const failed = await renderCli("--failed");
    expect(failed.code, failed.stderr).toBe(0);
    expect(sim!.stats.totalRequests).toBe(before);
  });
});
