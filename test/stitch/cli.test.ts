// `storyreel stitch` through main(): messages, exit codes (0 film, 2 refusal) and --help.
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { makeOutputFolder } from "./output-fixture.js";
import type { OutputFolder } from "./output-fixture.js";
import { runMain } from "./cli-io.js";

let folder: OutputFolder | undefined;

afterEach(async () => {
  await folder?.cleanup();
  folder = undefined;
});

describe("storyreel stitch", () => {
  it("prints where the film went and how it was made (paths relative to the working directory)", async () => {
    folder = await makeOutputFolder([{ id: "a" }, { id: "b" }]);
    const run = await runMain(["stitch", "out"], folder.root);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toMatch(/^stitched 2 clips by stream copy → out\/film\.mp4 \(2\.0 s\)\n$/);
  });

  it("exits 2 listing shots without a usable clip, and 0 with --allow-missing (saying what it left out)", async () => {
    folder = await makeOutputFolder([
      { id: "a" },
      { id: "b", status: "failed" },
      { id: "c", size: "180x320" },
    ]);
    const refused = await runMain(["stitch", folder.outDir]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("b (failed)");
    expect(refused.stdout).toBe("");
    const film = join(folder.root, "partial.mp4");
    const run = await runMain(["stitch", folder.outDir, "--allow-missing", "-o", film]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("left out 1 shot without a usable clip (--allow-missing): b (failed)\n");
    expect(run.stdout).toContain(
      "by re-encoding to 320x180 at 24 fps (sizes differ: 320x180 (a), 180x320 (c))",
    );
  });

  it("exits 2 for a folder that is not an output folder, and --json prints the result", async () => {
    folder = await makeOutputFolder([{ id: "a" }]);
    const missing = await runMain(["stitch", folder.root]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^error: .* has no manifest\.json/);
    const json = await runMain(["stitch", folder.outDir, "--json"]);
    expect(JSON.parse(json.stdout)).toMatchObject({ clips: 1, mode: "copy", skipped: [] });
  });

  it("--help shows examples and exit codes", async () => {
    const help = await runMain(["stitch", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("storyreel stitch renders/harbour --allow-missing");
    expect(help.stdout).toContain("Exit codes: 0 film written");
  });
});
