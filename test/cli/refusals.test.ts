// Every command that reads an output folder refuses the same way: one error line, exit 2, a JSON error with --json.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runMainWith } from "../helpers/main-io.js";

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

describe("refusals", () => {
  it.each([["status"], ["stitch"], ["report"]])(
    "%s of a folder without manifest.json: exit 2, the reason on stderr, a JSON error on stdout with --json",
    async (command) => {
      dir = await mkdtemp(join(tmpdir(), "storyreel-refusal-"));
      const plain = await runMainWith([command, dir]);
      expect(plain.code).toBe(2);
      expect(plain.stderr).toMatch(/^error: .*manifest\.json/m);
      expect(plain.stdout).toBe("");

      const json = await runMainWith([command, dir, "--json"]);
      expect(json.code).toBe(2);
      const parsed = JSON.parse(json.stdout) as { error: { code: string; message: string } };
      expect(parsed.error.code).toBe("E_NO_MANIFEST");
      expect(json.stderr).toContain(parsed.error.message);
    },
  );

  it("merge of folders without manifest.json: exit 2 and a JSON error with --json", async () => {
    dir = await mkdtemp(join(tmpdir(), "storyreel-refusal-"));
    const run = await runMainWith([
      "merge",
      join(dir, "a"),
      join(dir, "b"),
      "--out",
      join(dir, "c"),
      "--json",
    ]);
    expect(run.code).toBe(2);
    expect((JSON.parse(run.stdout) as { error: { code: string } }).error.code).toMatch(/^E_/);
  });
});
