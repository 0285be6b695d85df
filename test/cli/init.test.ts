// `storyreel init [dir]`: a starter that validates and renders on --sim as is, and never overwrites anything.
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PACKAGE_SCHEMA } from "../../src/commands/init/init.js";
import { runMainWith } from "../helpers/main-io.js";

let root = "";

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "storyreel-init-"));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe("storyreel init", () => {
  it("writes a storyboard with a working $schema line and two PNG frames, then validates and renders on --sim", async () => {
    const run = await runMainWith(["init", "film"], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(
      [
        "wrote film/storyboard.yaml, film/frames/first.png, film/frames/last.png",
        "next:",
        "  storyreel validate film/storyboard.yaml",
        "  storyreel render film/storyboard.yaml --sim   # offline: real clips from the built-in simulator",
        "  AIML_API_KEY=... storyreel render film/storyboard.yaml",
        "",
      ].join("\n"),
    );
    const dir = join(root, "film");
    expect((await readdir(join(dir, "frames"))).sort()).toEqual(["first.png", "last.png"]);
    for (const name of ["first.png", "last.png"]) {
      const bytes = await readFile(join(dir, "frames", name));
      expect(bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    }

    // The first line points at the schema that ships in the package, as a path that works from the new folder.
    const text = await readFile(join(dir, "storyboard.yaml"), "utf8");
    const first = text.split("\n")[0] ?? "";
    const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
    expect(match).not.toBeNull();
    expect(resolve(dir, match![1]!)).toBe(PACKAGE_SCHEMA);
    expect(await readFile(resolve(dir, match![1]!), "utf8")).toBe(
      await readFile(new URL("../../schemas/storyboard.schema.json", import.meta.url), "utf8"),
    );
    expect(text).toMatch(/^# .*\n/m); // it explains itself in comments

    const validate = await runMainWith(["validate", "film/storyboard.yaml"], { cwd: root });
    expect(validate.stdout).toBe(`${join(dir, "storyboard.yaml")}: ok\n`);
    expect(validate.code).toBe(0);

    const render = await runMainWith(
      ["render", "film/storyboard.yaml", "--sim", "--sim-latency", "0.05", "--poll-interval", "0.05"],
      { cwd: root },
    );
    expect(render.stderr).toContain("finished");
    expect(render.code).toBe(0);
    const clips = await readdir(join(dir, "renders", "storyboard", "clips"));
    expect(clips.sort()).toEqual(["001-sunrise.mp4", "002-morning.mp4"]);
    // render's report names the storyboard as the user typed it from here, and marks the simulated clips
    const report = await readFile(join(dir, "renders", "storyboard", "report.html"), "utf8");
    expect(report).toContain('<p class="source">Storyboard <code>film/storyboard.yaml</code>');
    expect(report.match(/<span class="sim-mark"/g)).toHaveLength(2);
  }, 60_000);

  it("refuses to overwrite (exit 2): nothing is written or changed, whichever file is already there", async () => {
    const dir = join(root, "taken");
    expect((await runMainWith(["init", dir])).code).toBe(0);
    await writeFile(join(dir, "storyboard.yaml"), "mine\n");
    const again = await runMainWith(["init", dir]);
    expect(again.code).toBe(2);
    expect(again.stdout).toBe("");
    expect(again.stderr).toBe(
      `error: ${dir} already has storyboard.yaml, frames/first.png, frames/last.png: init never overwrites; pick another folder or move them away\n`,
    );
    expect(await readFile(join(dir, "storyboard.yaml"), "utf8")).toBe("mine\n");

    const partly = join(root, "partly");
    await mkdir(join(partly, "frames"), { recursive: true });
    await writeFile(join(partly, "frames", "last.png"), "mine");
    const refused = await runMainWith(["init", partly]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("already has frames/last.png: init never overwrites");
    expect((await readdir(partly)).sort()).toEqual(["frames"]);
    expect(await readdir(join(partly, "frames"))).toEqual(["last.png"]);
  });

  it("refuses a folder that is a file (exit 2), and writes into the working directory without a dir", async () => {
    await writeFile(join(root, "a-file"), "x");
    const refused = await runMainWith(["init", "a-file"], { cwd: root });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe("error: a-file is not a folder: give a folder to write the starter into\n");

    const here = join(root, "here");
    await mkdir(here);
    const run = await runMainWith(["init", "--json"], { cwd: here });
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { dir: string; storyboard: string; frames: string[] };
    expect(result).toMatchObject({ dir: here, storyboard: join(here, "storyboard.yaml") });
    expect(result.frames).toEqual([join(here, "frames", "first.png"), join(here, "frames", "last.png")]);
  });

  it("--help has examples and exit codes", async () => {
    const help = await runMainWith(["init", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: storyreel init [options] [dir]");
    expect(help.stdout).toContain("Examples:\n  storyreel init my-film\n");
    expect(help.stdout).toMatch(/Exit codes: 0 written, 1 .*, 2 a file is already there/);
  });
});
