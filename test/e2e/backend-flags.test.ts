// Options that would do nothing together are refused before anything is read or written: exit 2, what to write instead.
import { access } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import { runMainWith } from "../helpers/main-io.js";
import { makeWorkspace, storyboardYaml } from "../helpers/workspace.js";
import type { Workspace } from "../helpers/workspace.js";

let ws: Workspace | undefined;
afterEach(async () => {
  await ws?.cleanup();
  ws = undefined;
});

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

describe("render: backend flags that do not go together", () => {
  it("--sim-latency without --sim: exit 2, says to add --sim or drop it; nothing written", async () => {
    ws = await makeWorkspace(storyboardYaml(1));
    const run = await runMainWith(["render", ws.storyboard, "--sim-latency", "3"], {
      env: { AIML_API_KEY: "k" },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--sim-latency only applies with --sim");
    expect(run.stderr).toContain("add --sim");
    expect(await exists(ws.outDir)).toBe(false);
  });

  it("--sim-latency with --base-url: exit 2, points at `storyreel sim --latency`", async () => {
    ws = await makeWorkspace(storyboardYaml(1));
    const run = await runMainWith(
      ["render", ws.storyboard, "--base-url", "http://127.0.0.1:9", "--sim-latency", "3"],
      {
        env: { AIML_API_KEY: "k" },
      },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("storyreel sim --latency");
    expect(await exists(ws.outDir)).toBe(false);
  });

  it("--sim with --base-url: exit 2, says to drop one (--base-url alone for a `storyreel sim` server)", async () => {
    ws = await makeWorkspace(storyboardYaml(1));
    const run = await runMainWith(["render", ws.storyboard, "--sim", "--base-url", "http://127.0.0.1:9"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--sim and --base-url do not go together");
    expect(run.stderr).toContain("--base-url <its URL> without --sim");
    expect(await exists(ws.outDir)).toBe(false);
  });
});
