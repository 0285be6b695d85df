// One display rule for paths (relative inside the working directory, else absolute) in status, stitch, report, merge.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shownPath } from "../../src/cli/paths.js";
import { makeOutputFolder } from "../stitch/output-fixture.js";
import type { OutputFolder } from "../stitch/output-fixture.js";
import { runMain } from "../stitch/cli-io.js";

describe("shownPath", () => {
  const io = { cwd: "/home/me/films" };
  it("is relative inside the working directory, '.' for it, absolute outside", () => {
    expect(shownPath(io, "/home/me/films/renders/x/film.mp4")).toBe("renders/x/film.mp4");
    expect(shownPath(io, "/home/me/films")).toBe(".");
    expect(shownPath(io, "/tmp/x/film.mp4")).toBe("/tmp/x/film.mp4");
    expect(shownPath(io, "/home/me/other/film.mp4")).toBe("/home/me/other/film.mp4");
    expect(shownPath(io, "/home/me/films/..cache/a")).toBe("..cache/a");
    expect(shownPath(io, "renders/x")).toBe("renders/x");
  });
});

describe("stitch, report and merge outside the working directory", () => {
  let folder: OutputFolder;
  let elsewhere: string;

  beforeAll(async () => {
    folder = await makeOutputFolder([{ id: "a" }, { id: "b" }]);
    elsewhere = await mkdtemp(join(tmpdir(), "storyreel-cwd-"));
  });

  afterAll(async () => {
    await folder?.cleanup();
    await rm(elsewhere, { recursive: true, force: true });
  });

  it("print absolute paths, never ../../", async () => {
    const stitch = await runMain(["stitch", folder.outDir], elsewhere);
    expect(stitch.code).toBe(0);
    expect(stitch.stdout).toContain(`→ ${join(folder.outDir, "film.mp4")} (`);
    const report = await runMain(["report", folder.outDir], elsewhere);
    expect(report.code).toBe(0);
    expect(report.stdout).toMatch(new RegExp(`^wrote ${join(folder.outDir, "report.html")}: 2 shots`));
    const merged = join(folder.root, "merged");
    const merge = await runMain(["merge", folder.outDir, "--out", merged], elsewhere);
    expect(merge.code).toBe(0);
    expect(merge.stdout).toContain(`into ${merged} (2 from ${folder.outDir})`);
    for (const run of [stitch, report, merge]) expect(run.stdout).not.toContain("..");
  });

  it("print relative paths inside it", async () => {
    const report = await runMain(["report", "out"], folder.root);
    expect(report.stdout).toMatch(/^wrote out\/report\.html: /);
    const merge = await runMain(["merge", "out", "--out", "merged-2"], folder.root);
    expect(merge.stdout).toContain("into merged-2 (2 from out)");
  });
});
