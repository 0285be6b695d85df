// Inputs generated at test time (binary, oversized, non-UTF-8, deeply nested …) fail fast with one clear diagnostic.
import { mkdir, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  MAX_STORYBOARD_BYTES,
  StoryboardError,
  formatDiagnostic,
  loadStoryboard,
  validateStoryboard,
} from "../../src/storyboard/index.js";
import { hasCode } from "../../src/util/errors.js";
import { makeTempDir, removeDir } from "./helpers.js";

/** Expanding the alias bomb would take minutes; a refusal takes well under a second, and this holds under 4× load. */
const FAST_MS = 10_000;
let dir = "";

beforeAll(async () => {
  dir = await makeTempDir();
  await writeFile(join(dir, "warm.yaml"), "version: 1\nshots:\n  - id: a\n");
  await validateStoryboard(join(dir, "warm.yaml"));
});

afterAll(async () => {
  await removeDir(dir);
});

async function only(file: string): Promise<{ at: string; code: string; message: string }> {
  const diagnostics = await validateStoryboard(file);
  expect(diagnostics).toHaveLength(1);
  const [d] = diagnostics;
  if (!d) throw new Error("no diagnostic");
  return { at: `${d.line}:${d.column}`, code: d.code, message: d.message };
}

describe("generated inputs", () => {
  it(
    "rejects a binary file",
    async () => {
      const file = join(dir, "binary.yaml");
      await writeFile(file, Buffer.from([0x76, 0x65, 0x72, 0x00, 0x01, 0xff, 0x00]));
      expect(await only(file)).toEqual({
        at: "1:1",
        code: "file-binary",
        message: "binary file (contains NUL bytes): a storyboard is UTF-8 YAML text",
      });
    },
    FAST_MS,
  );

  it(
    "rejects text that is not UTF-8",
    async () => {
      const file = join(dir, "latin1.yaml");
      await writeFile(file, Buffer.from("version: 1\ntitle: caf\xe9\n", "latin1"));
      expect(await only(file)).toEqual({
        at: "1:1",
        code: "file-not-utf8",
        message: "not valid UTF-8 text: save the storyboard as UTF-8",
      });
    },
    FAST_MS,
  );

  it(
    "rejects a file over the size limit without parsing it",
    async () => {
      const file = join(dir, "huge.yaml");
      const line = "# padding padding padding padding padding padding padding padding\n";
      const body = "version: 1\nshots:\n" + line.repeat(Math.ceil(MAX_STORYBOARD_BYTES / line.length) + 1);
      await writeFile(file, body);
      expect(await only(file)).toEqual({
        at: "1:1",
        code: "file-too-large",
        message: `the file is larger than the limit of 2 MiB (2097152 bytes): ${Buffer.byteLength(body)} bytes`,
      });
    },
    FAST_MS,
  );

  it(
    "reports a missing storyboard file and a directory",
    async () => {
      expect(await only(join(dir, "nope.yaml"))).toEqual({
        at: "1:1",
        code: "file-unreadable",
        message: "cannot read the storyboard: no such file",
      });
      await mkdir(join(dir, "folder.yaml"));
      expect(await only(join(dir, "folder.yaml"))).toEqual({
        at: "1:1",
        code: "file-not-regular",
        message: "not a regular file",
      });
    },
    FAST_MS,
  );

  it(
    "stops deep nesting before it can overflow the stack",
    async () => {
      const file = join(dir, "deep.yaml");
      await writeFile(file, `version: 1\nshots: ${"[".repeat(500)}${"]".repeat(500)}\n`);
      const diagnostics = await validateStoryboard(file);
      const deep = diagnostics.find((d) => d.code === "yaml-too-deep");
      expect(deep).toMatchObject({
        line: 2,
        column: 71,
        message: "YAML nested more than 64 levels deep: a storyboard needs only a few",
      });
    },
    FAST_MS,
  );

  it(
    "finds a duplicate key in a very large mapping quickly",
    async () => {
      const file = join(dir, "flat.yaml");
      const keys = Array.from({ length: 10_000 }, (_, i) => `  k${i}: ${i}\n`).join("");
      await writeFile(file, `version: 1\nx:\n${keys}  k7: again\nshots: []\n`);
      const diagnostics = await validateStoryboard(file);
      expect(diagnostics.map((d) => [d.line, d.column, d.code, d.message])).toEqual([
        [10_003, 3, "yaml-duplicate-key", 'duplicate key "k7": each key may appear once per mapping'],
      ]);
    },
    FAST_MS,
  );

  it(
    "reports aliases that would repeat too much (a large mapping aliased hundreds of times) without expanding them",
    async () => {
      const file = join(dir, "aliases.yaml");
      // A mapping of 2,000 pairs is 4,001 nodes: the 250th alias passes MAX_YAML_ALIAS_NODES (1,000,000).
      const big = Array.from({ length: 2_000 }, (_, i) => `  k${i}: v\n`).join("");
      const aliases = Array.from({ length: 300 }, () => `  - *big\n`).join("");
      await writeFile(file, `version: 1\nx: &big\n${big}y:\n${aliases}shots: []\n`);
      const started = performance.now();
      const diagnostics = await validateStoryboard(file);
      expect(diagnostics.map((d) => [d.line, d.column, d.code])).toEqual([
        [2_004 + 249, 5, "yaml-alias-limit"],
      ]);
      expect(diagnostics[0]?.message).toBe(
        "YAML aliases repeat more than 1000000 nodes in all: put shared values in defaults: instead",
      );
      expect(performance.now() - started).toBeLessThan(FAST_MS);
    },
    FAST_MS,
  );

  it(
    "takes thousands of aliases of small values (scalars, merged mappings)",
    async () => {
      const file = join(dir, "many-merges.yaml");
      const shots = Array.from(
        { length: 3_000 },
        (_, i) => `  - <<: *veo\n    id: s${i}\n    prompt: *prompt\n`,
      ).join("");
      await writeFile(
        file,
        `version: 1\nx-veo: &veo\n  model: google/veo-3.1-t2v-fast\n  duration: 4\nx-prompt: &prompt A harbour.\nshots:\n${shots}`,
      );
      expect(await validateStoryboard(file)).toEqual([]);
    },
    FAST_MS * 2,
  );

  it(
    "names the file as the caller gave it (relative stays relative)",
    async () => {
      const file = join(dir, "rel.yaml");
      await writeFile(
        file,
        "version: 1\nshots:\n  - id: open\n    model: google/veo-3.1-t2v-fast\n    prompt: x\n    duration: eight\n",
      );
      const rel = relative(process.cwd(), file);
      const [d] = await validateStoryboard(rel);
      expect(d && formatDiagnostic(d)).toBe(`${rel}:6:15 shots[0].duration: expected a number, got "eight"`);
    },
    FAST_MS,
  );

  it(
    "loadStoryboard throws StoryboardError (E_STORYBOARD) listing every problem in order",
    async () => {
      const file = join(dir, "two.yaml");
      await writeFile(
        file,
        "version: 1\nshots:\n  - id: a\n    model: nope/model\n    prompt: x\n  - id: a\n",
      );
      const err: unknown = await loadStoryboard(file).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoryboardError);
      expect(hasCode(err, "E_STORYBOARD")).toBe(true);
      const diagnostics = (err as StoryboardError).diagnostics;
      expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.path} ${d.code}`)).toEqual([
        "4:12 shots[0].model unknown-model",
        "6:5 shots[1].model missing-model",
        "6:9 shots[1].id duplicate-id",
      ]);
      expect((err as Error).message).toBe(
        ["storyboard has 3 problems:", ...diagnostics.map((d) => formatDiagnostic(d))].join("\n"),
      );
    },
    FAST_MS,
  );
});
