// YAML merge keys (`<<: *base`): the same data on both parsing paths, diagnostics placed where values are written.
import { describe, expect, it } from "vitest";
import { loadSource } from "../../src/storyboard/load.js";
import { loadStoryboard, validateStoryboard } from "../../src/storyboard/index.js";
import { useFrameDir } from "./helpers.js";

const VEO = "google/veo-3.1-t2v-fast";

const frames = useFrameDir();

async function problems(file: string): Promise<string[]> {
  return (await validateStoryboard(file)).map(
    (d) => `${d.line}:${d.column} ${d.path} [${d.code}] ${d.message}`,
  );
}

const BOARD = [
  "version: 1",
  "x-veo: &veo",
  `  model: ${VEO}`,
  "  duration: 4",
  "  resolution: 720p",
  "x-wide: &wide",
  '  aspect_ratio: "16:9"',
  "  duration: 6",
  "defaults:",
  "  <<: *wide",
  "shots:",
  "  - <<: *veo",
  "    id: a",
  "    prompt: First, & a * in the prompt.",
  "  - <<: [*wide, *veo]",
  "    id: b",
  "    prompt: Second.",
  "  - id: c",
  "    <<: *veo",
  "    duration: 8",
  "    prompt: Third.",
];

describe("YAML merge keys", () => {
  it("are read the same on the fast and the exact path, explicit keys first, then the merges in order", async () => {
    const file = await frames.write("merge.yaml", BOARD);
    const fast = await loadSource(file, { exact: false });
    const exact = await loadSource(file, { exact: true });
    expect(fast.fast).toBe(true);
    expect(exact.diagnostics).toEqual([]);
    expect(fast.data).toEqual(exact.data);
    const shots = (exact.data as { shots: unknown[] }).shots;
    expect(shots).toEqual([
      { model: VEO, duration: 4, resolution: "720p", id: "a", prompt: "First, & a * in the prompt." },
      { aspect_ratio: "16:9", duration: 6, model: VEO, resolution: "720p", id: "b", prompt: "Second." },
      { id: "c", model: VEO, duration: 8, resolution: "720p", prompt: "Third." },
    ]);
    for (let i = 0; i < shots.length; i++) {
      expect(fast.positions.locate(["shots", i])).toEqual(exact.positions.locate(["shots", i]));
    }
    const board = await loadStoryboard(file);
    expect(
      board.shots.map((s) => [s.id, s.fields.duration, s.fields.aspect_ratio, s.line, s.column]),
    ).toEqual([
      ["a", 4, "16:9", 12, 5],
      ["b", 6, "16:9", 15, 5],
      ["c", 8, "16:9", 18, 5],
    ]);
  });

  it("a problem in a merged value is reported where the value is written (in the anchor)", async () => {
    const file = await frames.write("merge-bad.yaml", [
      "version: 1",
      "x-veo: &veo",
      `  model: ${VEO}`,
      "  duration: 5",
      "  frist_frame: frames/dawn.png",
      "shots:",
      "  - <<: *veo",
      "    id: a",
      "    prompt: p",
      "  - id: b",
      "    <<: *veo",
      "    prompt: q",
      "    duration: 4",
    ]);
    expect(await problems(file)).toEqual([
      `4:13 shots[0].duration [duration-not-allowed] 5 is not allowed for ${VEO} (allowed: 4, 6, 8)`,
      '5:3 shots[0].frist_frame [unknown-key] unknown key "frist_frame" (did you mean "first_frame"? allowed: id, model, prompt, first_frame, last_frame, duration, resolution, aspect_ratio, generate_audio, negative_prompt, seed, enhance_prompt, params)',
      '5:3 shots[1].frist_frame [unknown-key] unknown key "frist_frame" (did you mean "first_frame"? allowed: id, model, prompt, first_frame, last_frame, duration, resolution, aspect_ratio, generate_audio, negative_prompt, seed, enhance_prompt, params)',
    ]);
  });

  it("refuses a merge of anything but mappings, saying how to write one", async () => {
    const file = await frames.write("merge-scalar.yaml", [
      "version: 1",
      "x-name: &name open",
      "shots:",
      "  - <<: *name",
      "    id: a",
      "  - <<: [[*name]]",
      "    id: b",
      "  - <<: 5",
      "    id: c",
    ]);
    const how =
      "YAML merge key << takes a mapping or an alias of one (<<: *base), or a list of them (<<: [*base, *wide])";
    expect(await problems(file)).toEqual([
      `4:9  [yaml-merge] ${how}`,
      `6:10  [yaml-merge] ${how}`,
      `8:9  [yaml-merge] ${how}`,
    ]);
  });

  it("refuses an alias inside the node it names (the data would contain itself)", async () => {
    const file = await frames.write("recursive.yaml", [
      "version: 1",
      "x-loop: &loop",
      "  again: *loop",
      "shots:",
      "  - id: a",
      "    params: { <<: *loop }",
    ]);
    expect(await problems(file)).toEqual([
      "3:10  [yaml-alias] YAML: alias *loop is used inside the node &loop names (it would contain itself)",
    ]);
  });

  it("a quoted '<<' is an ordinary key (and so unknown); several << keys in one mapping are allowed", async () => {
    const quoted = await frames.write("quoted.yaml", [
      "version: 1",
      "x-veo: &veo { model: google/veo-3.1-t2v-fast }",
      "x-p: &p { prompt: p }",
      "shots:",
      '  - "<<": *veo',
      "    id: a",
      "  - <<: *veo",
      "    <<: *p",
      "    id: b",
    ]);
    const found = await problems(quoted);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(
      /^5:5 shots\[0\]\["<<"\] \[unknown-key\] unknown key "<<" \(allowed: id, model,/,
    );
    expect(found[1]).toBe(
      "5:5 shots[0].model [missing-model] no model: set model on the shot or in defaults",
    );
  });

  it("keeps nested values of a merged mapping apart on the exact path (shared objects never reach the rules)", async () => {
    const file = await frames.write("nested.yaml", [
      "version: 1",
      "x-veo: &veo",
      `  model: ${VEO}`,
      "  params: { auto_fix: true }",
      "shots:",
      "  - <<: *veo",
      "    id: a",
      "    prompt: p",
      "  - <<: *veo",
      "    id: b",
      "    prompt: q",
    ]);
    const fast = await loadSource(file, { exact: false });
    expect(fast.fast).toBe(false); // the merged params mapping is shared on js-yaml's side
    const board = await loadStoryboard(file);
    expect(board.shots.map((s) => s.fields.auto_fix)).toEqual([true, true]);
  });
});
