// render/plan with an output path that is a file (or lies under one): exit 2 naming the path, nothing written.
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runMainWith } from "../helpers/main-io.js";
import { makeWorkspace, storyboardYaml } from "../helpers/workspace.js";
import type { Workspace } from "../helpers/workspace.js";

let ws: Workspace | undefined;

afterEach(async () => {
  await ws?.cleanup();
  ws = undefined;
});

describe("an output path that cannot be a folder", () => {
  it.each([
    ["render", "is that file", (file: string) => file, ["--sim"]],
    ["render", "lies under that file", (file: string) => join(file, "sub"), ["--sim"]],
    ["plan", "is that file", (file: string) => file, []],
  ])(
    "%s --out <path that %s>: exit 2, E_OUTPUT_NOT_DIR's message names the path, nothing is written",
    async (command, _how, outOf, extra) => {
      ws = await makeWorkspace(storyboardYaml(1));
      const file = join(ws.dir, "notes.txt");
      await writeFile(file, "my notes\n");
      const before = (await readdir(ws.dir)).sort();
      const out = outOf(file);
      const run = await runMainWith([command, ws.storyboard, "--out", out, ...extra], { cwd: ws.dir });
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toContain(`the output folder ${out} `);
      expect(run.stderr).toContain(`${file} is a file, not a folder`);
      expect(run.stderr).toContain("give a folder, or a path that does not exist yet");
      expect(run.stderr).not.toContain("manifest.json");
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(await readFile(file, "utf8")).toBe("my notes\n");
      expect((await readdir(ws.dir)).sort()).toEqual(before);
    },
  );
});
