// render names where things went; status, stitch and report take the storyboard file as well as the folder.
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
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

describe("output paths", () => {
  it("render ends with the folder, the report and the stitch command; the other commands find the folder from the storyboard", async () => {
    ws = await makeWorkspace(storyboardYaml(2));
    const cwd = ws.dir;
    const fast = ["--sim", "--sim-latency", "0.05", "--poll-interval", "0.05"];
    const rendered = await runMainWith(["render", "story.yaml", ...fast], { cwd });
    expect(rendered.code, rendered.stderr).toBe(0);
    expect(
      rendered.stdout.endsWith("output: out\nreport: out/report.html\nfilm:   storyreel stitch out\n"),
    ).toBe(true);

    const status = await runMainWith(["status", "story.yaml"], { cwd });
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toMatch(/^s1 +completed/m);
    expect(status.stdout).toMatch(/^s2 +completed/m);

    const report = await runMainWith(["report", "story.yaml"], { cwd });
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toContain("wrote out/report.html: 2 shots");

    const stitched = await runMainWith(["stitch", "story.yaml"], { cwd });
    expect(stitched.code, stitched.stderr).toBe(0);
    expect(existsSync(join(ws.outDir, "film.mp4"))).toBe(true);
  });

  it("a file that is not a storyboard is refused with exit 2, naming it", async () => {
    ws = await makeWorkspace(storyboardYaml(1));
    await writeFile(join(ws.dir, "notes.txt"), "just: words\n");
    for (const command of ["status", "stitch", "report"]) {
      const run = await runMainWith([command, "notes.txt"], { cwd: ws.dir });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("notes.txt is a file but not a storyboard (it has no shots:)");
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
