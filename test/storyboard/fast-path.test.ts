// The fast path (js-yaml) must read a valid storyboard exactly as the exact path (yaml AST) does, aliases included.
import { mkdtemp, rm, writeFile, copyFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSource } from "../../src/storyboard/load.js";
import { loadStoryboard, validateStoryboard } from "../../src/storyboard/index.js";
import { fastParse } from "../../src/storyboard/fast-parse.js";
import { generateStoryboard, seededRandom } from "./storyboard-generator.js";

const EXAMPLES = [
  "examples/storyboards/harbour.yaml",
  "examples/storyboards/text-to-video.yaml",
  "examples/storyboards/chain.yaml",
];
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "storyreel-fast-"));
  await mkdir(join(dir, "frames"));
  await copyFile("examples/storyboards/frames/harbour-dawn.png", join(dir, "frames", "a.png"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function both(file: string): Promise<void> {
  const fast = await loadSource(file, { exact: false });
  const exact = await loadSource(file, { exact: true });
  expect(fast.fast).toBe(true);
  expect(fast.data).toEqual(exact.data);
  const shots = (exact.data as { shots: unknown[] }).shots;
  for (let i = 0; i < shots.length; i++) {
    expect(fast.positions.locate(["shots", i])).toEqual(exact.positions.locate(["shots", i]));
  }
}

describe("storyboard fast path", () => {
  it.each(EXAMPLES)("reads %s like the exact path: same data, same shot positions", async (file) => {
    await both(file);
  });

  it("agrees on a varied storyboard: comments, quoting styles, block scalars, nested params, CRLF", async () => {
    const yaml = [
      "# comment",
      "version: 1",
      "title: 'It''s a test'",
      "defaults:",
      "  model: google/veo-3.1-t2v-fast",
      "  duration: 8",
      "shots:",
      "  # first",
      "  - id: one",
      '    prompt: "double \\"quoted\\" with a # hash"',
      "    seed: 0x10",
      "    generate_audio: false",
      "  - id: two",
      "    prompt: >",
      "      folded text",
      "      over two lines",
      "    resolution: 720p",
      "",
      "  -   id: three",
      "      prompt: |",
      "        literal",
      "          indented",
      "      negative_prompt: null",
      "      params: { enhance_prompt: true }",
    ].join("\r\n");
    const file = join(dir, "varied.yaml");
    await writeFile(file, yaml);
    await both(file);
  });

  it("property: on generated storyboards it reads what the exact path reads, or leaves the text to it", async () => {
    const random = seededRandom(20_260_101);
    const CASES = 400;
    let fastCount = 0;
    let aliasedFast = 0;
    let referencesFast = 0;
    for (let n = 0; n < CASES; n++) {
      const { text, usesAliases, usesReferences } = generateStoryboard(random);
      const file = join(dir, `generated-${n}.yaml`);
      await writeFile(file, text);
      const exact = await loadSource(file, { exact: true });
      const fast = fastParse(text);
      if (fast === null) continue;
      fastCount += 1;
      if (usesAliases) aliasedFast += 1;
      if (usesReferences) referencesFast += 1;
      const where = `case ${n}:\n${text}`;
      expect(exact.diagnostics, where).toEqual([]);
      expect(fast.data, where).toEqual(exact.data);
      const shots = (exact.data as { shots: unknown[] }).shots;
      for (let i = 0; i < shots.length; i++) {
        expect(fast.positions.locate(["shots", i]), where).toEqual(exact.positions.locate(["shots", i]));
      }
    }
    // The generator must exercise the fast path, with anchors, aliases, merge keys and shot references too.
    expect(fastCount).toBeGreaterThan(CASES / 2);
    expect(aliasedFast).toBeGreaterThan(CASES / 10);
    expect(referencesFast).toBeGreaterThan(CASES / 10);
  });

  it("leaves anything it could read differently to the exact path", () => {
    expect(fastParse("version: 1\nshots:\n  - &a {id: x}\n  - *a\n")).toBeNull(); // a shared mapping
    expect(fastParse("version: 1\nx: &a [1]\nshots:\n  - id: a\n    params: {b: *a}\n")).toBeNull(); // a shared list
    expect(fastParse("version: 1\nshots:\n  - id: a\n    prompt: *nope\n")).toBeNull(); // unknown alias
    expect(fastParse("version: 1\nversion: 2\nshots: []\n")).toBeNull(); // duplicate key
    expect(fastParse("version: 1\nshots: [{id: a}]\n")).toBeNull(); // flow sequence: the scan cannot place items
    expect(fastParse("version: 1\nshots:\n  -\n    id: a\n")).toBeNull(); // item mapping on the next line
    expect(
      fastParse(`version: 1\nshots:\n  - id: a\n    params: ${"[".repeat(80)}${"]".repeat(80)}\n`),
    ).toBeNull();
  });

  it("errors found on the fast path are reported with exact positions", async () => {
    const file = join(dir, "bad.yaml");
    await writeFile(
      file,
      "version: 1\nshots:\n  - id: a\n    model: google/veo-3.1-t2v-fast\n    prompt: p\n    duration: 5\n",
    );
    const diagnostics = await validateStoryboard(file);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ line: 6, column: 15, path: "shots[0].duration" });
  });

  it("a valid storyboard resolves with each shot's line and column", async () => {
    const file = join(dir, "ok.yaml");
    await writeFile(
      file,
      "version: 1\ndefaults:\n  model: google/veo-3.0-i2v-fast\nshots:\n  - id: a\n    prompt: p\n    first_frame: frames/a.png\n  - id: b\n    prompt: q\n    first_frame: frames/a.png\n",
    );
    const storyboard = await loadStoryboard(file);
    expect(storyboard.shots.map((s) => [s.line, s.column])).toEqual([
      [5, 5],
      [8, 5],
    ]);
  });
});
