// A shard runner's folder records its --shard: status counts only its shots and its rerun keeps --shard.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readManifest } from "../../src/manifest/index.js";
import { inShard } from "../../src/scheduler/index.js";
import { runMainWith } from "../helpers/main-io.js";

const HARBOUR = fileURLToPath(new URL("../../examples/storyboards/harbour.yaml", import.meta.url));

describe("status of a shard runner's folder", () => {
  let root: string;
  let out: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "storyreel-shard-"));
    out = join(root, "shard-1");
    const run = await runMainWith([
      "render",
      HARBOUR,
      "--sim",
      "--sim-latency",
      "0.2",
      "--shard",
      "1/3",
      "--out",
      out,
    ]);
    expect(run.code, run.stderr).toBe(0);
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("records the shard in the manifest", async () => {
    const manifest = await readManifest(out);
    if (manifest === null) throw new Error("no manifest");
    expect(manifest.shard).toBe("1/3");
    const mine = manifest.shots.filter((s) => inShard(s.id, { index: 1, count: 3 }));
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.length).toBeLessThan(manifest.shots.length);
  });

  it("counts only this runner's shots: complete, exit 0, no rerun suggested", async () => {
    const run = await runMainWith(["status", out]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/shard {7}1\/3: 1 of 3 shots are this runner's/);
    expect(run.stdout).not.toContain("storyreel render");
  });

  it("keeps --shard in the command that renders what is left", async () => {
    const manifest = JSON.parse(await readFile(join(out, "manifest.json"), "utf8")) as {
      shots: { id: string; clip: { path: string } | null }[];
    };
    const mine = manifest.shots.find((s) => s.clip !== null)!;
    await rm(join(out, mine.clip!.path));
    const run = await runMainWith(["status", out]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /storyreel render \S+harbour\.yaml --out \S+ --sim (--sim-latency \S+ )?--shard 1\/3/,
    );
  });
});
