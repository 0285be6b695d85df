// status/stitch/report accept a storyboard file: its output folder is found as render would choose it.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outputArg } from "../../src/commands/shared/output-arg.js";
import { hasCode } from "../../src/util/errors.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "storyreel-outarg-"));
  await mkdir(join(dir, "renders", "done"), { recursive: true });
  await writeFile(join(dir, "with-output.yaml"), "output: out/film\nshots:\n  - id: a\n    prompt: x\n");
  await writeFile(join(dir, "plain.yml"), "shots:\n  - id: a\n    prompt: x\n");
  await writeFile(join(dir, "notes.txt"), "just: text\n");
  await writeFile(join(dir, "broken.yaml"), "shots: [\n");
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("outputArg", () => {
  it("takes a folder as the output folder", async () => {
    expect(await outputArg(join(dir, "renders", "done"))).toEqual({
      outDir: join(dir, "renders", "done"),
      storyboard: null,
    });
  });

  it("finds a storyboard's output: folder, relative to the storyboard", async () => {
    expect(await outputArg(join(dir, "with-output.yaml"))).toEqual({
      outDir: join(dir, "out", "film"),
      storyboard: join(dir, "with-output.yaml"),
    });
  });

  it("defaults to renders/<name> beside a storyboard without output:", async () => {
    expect((await outputArg(join(dir, "plain.yml"))).outDir).toBe(join(dir, "renders", "plain"));
  });

  it("passes a missing path through, for the command's own refusal to name it", async () => {
    expect((await outputArg(join(dir, "nope"))).outDir).toBe(join(dir, "nope"));
  });

  it.each(["notes.txt", "broken.yaml"])(
    "refuses a file that is not a storyboard (%s) with E_USAGE",
    async (name) => {
      const err = await outputArg(join(dir, name)).catch((e: unknown) => e);
      expect(hasCode(err, "E_USAGE")).toBe(true);
      expect((err as Error).message).toContain(`${name} is a file but not a storyboard`);
    },
  );
});
