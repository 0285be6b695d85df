// A shot inserted at the front renames the clips after it (no download, nothing paid again); a removed shot's clip moves aside.
import { existsSync } from "node:fs";
import { readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readManifest } from "../../src/manifest/index.js";
import { startSimulator } from "../../src/simulator/index.js";
import type { Simulator } from "../../src/simulator/index.js";
import { runMainWith } from "../helpers/main-io.js";
import { makeWorkspace, storyboardYaml } from "../helpers/workspace.js";
import type { Workspace } from "../helpers/workspace.js";

const KEY = "sk-test-clip-order-9d8c";
let sim: Simulator | undefined;
let ws: Workspace | undefined;
afterEach(async () => {
  await sim?.close();
  await ws?.cleanup();
  sim = undefined;
  ws = undefined;
});

describe("clips named in order", () => {
  it("renames clips to their new positions and moves a removed shot's clip aside, paying only for the new shot", async () => {
    ws = await makeWorkspace(storyboardYaml(3));
    sim = await startSimulator({ latency: 50, render: "fast" });
    const args = ["render", ws.storyboard, "--base-url", sim.url, "--poll-interval", "0.05"];
    const first = await runMainWith(args, { env: { AIML_API_KEY: KEY } });
    expect(first.code, first.stderr).toBe(0);
    const clips = join(ws.outDir, "clips");
    expect((await readdir(clips)).sort()).toEqual(["001-s1.mp4", "002-s2.mp4", "003-s3.mp4"]);

    // s0 goes in front, s2 is dropped: s1 becomes 002, s3 stays 003 (third of s0, s1, s3).
    const yaml = storyboardYaml(3)
      .replace("  - id: s2\n", "  - id: gone\n")
      .replace(
        "  - id: s1\n",
        '  - id: s0\n    prompt: "new first shot"\n    first_frame: frames/f3.png\n    last_frame: frames/f0.png\n  - id: s1\n',
      );
    const withoutS2 = yaml.replace(/ {2}- id: gone\n( {4}.*\n)+?(?= {2}- id: s3)/, "");
    await writeFile(ws.storyboard, withoutS2);
    const downloadsBefore = sim.requests.filter((r) => r.kind === "download").length;

    const second = await runMainWith(args, { env: { AIML_API_KEY: KEY } });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain(
      "renamed 1 clip to its shot's new position: clips/001-s1.mp4 → clips/002-s1.mp4",
    );
    expect(second.stdout).toContain("clips/002-s2.mp4 → clips/removed/002-s2.mp4");
    expect((await readdir(clips)).sort()).toEqual(["001-s0.mp4", "002-s1.mp4", "003-s3.mp4", "removed"]);
    expect(existsSync(join(clips, "removed", "002-s2.mp4"))).toBe(true);

    const manifest = await readManifest(ws.outDir);
    expect(manifest?.shots.map((s) => [s.id, s.clip?.path])).toEqual([
      ["s0", "clips/001-s0.mp4"],
      ["s1", "clips/002-s1.mp4"],
      ["s3", "clips/003-s3.mp4"],
    ]);
    // One new generation (s0) and its one download: the renamed clips were neither paid for nor fetched again.
    expect(sim.requests.filter((r) => r.kind === "submit")).toHaveLength(4);
    expect(sim.requests.filter((r) => r.kind === "download").length - downloadsBefore).toBe(1);
    const status = await runMainWith(["status", ws.outDir]);
    expect(status.code, status.stdout).toBe(0);
  });
});
