// Defaults in layers: `defaults:`, then the shot's model's entry under `defaults.models:`, then the shot; null unsets.
import { describe, expect, it } from "vitest";
import { getModel } from "../../src/catalog/index.js";
import { loadStoryboard, validateStoryboard } from "../../src/storyboard/index.js";
import type { Storyboard } from "../../src/storyboard/index.js";
import { useFrameDir } from "./helpers.js";

const VEO = "google/veo-3.1-t2v-fast";
const KLING = "kling-video/v1.6/pro/text-to-video";

const frames = useFrameDir();

async function problems(file: string): Promise<string[]> {
  return (await validateStoryboard(file)).map(
    (d) => `${d.line}:${d.column} ${d.path} [${d.code}] ${d.message}`,
  );
}

function fieldsOf(board: Storyboard): Record<string, Record<string, unknown>> {
  return Object.fromEntries(board.shots.map((s) => [s.id, s.fields]));
}

const MIXED = [
  "version: 1",
  "defaults:",
  `  model: ${VEO}`,
  "  duration: 4",
  "  resolution: 720p",
  '  aspect_ratio: "16:9"',
  "shots:",
  "  - id: veo",
  "    prompt: A harbour at dawn.",
  "  - id: kling",
  `    model: ${KLING}`,
  "    prompt: A lighthouse at night.",
];

describe("unsetting a default with null", () => {
  it("a Kling shot among Veo defaults fails on resolution and duration, and each message says how to unset it", async () => {
    const file = await frames.write("mixed.yaml", MIXED);
    expect(await problems(file)).toEqual([
      `4:13 shots[1].duration [duration-not-allowed] 4 is not allowed for ${KLING} (allowed: 5, 10) (set in defaults: write \`duration: null\` on the shot to unset it)`,
      `5:15 shots[1].resolution [field-not-taken] ${KLING} does not take resolution (it takes: prompt, duration, aspect_ratio, negative_prompt; other request fields go in params) (set in defaults: write \`resolution: null\` on the shot to unset it)`,
    ]);
  });

  it("resolution: null and duration: null on the shot remove the defaults: nothing of them is sent", async () => {
    const file = await frames.write("unset.yaml", [...MIXED, "    resolution: null", "    duration: ~"]);
    expect(await problems(file)).toEqual([]);
    const board = await loadStoryboard(file);
    expect(fieldsOf(board)).toEqual({
      veo: {
        model: VEO,
        prompt: "A harbour at dawn.",
        duration: 4,
        resolution: "720p",
        aspect_ratio: "16:9",
      },
      kling: { model: KLING, prompt: "A lighthouse at night.", aspect_ratio: "16:9" },
    });
    // The effective values fall back to the model's documented defaults, as for a key never written.
    const kling = board.shots[1]!;
    expect(kling.resolution).toBeNull();
    expect(kling.durationSeconds).toBe(getModel(KLING)?.defaults.duration ?? null);
  });

  it("an empty value is a null too: an error only where no default has anything to unset", async () => {
    const file = await frames.write("empty.yaml", [
      "version: 1",
      "defaults:",
      `  model: ${VEO}`,
      "  seed: 7",
      "shots:",
      "  - id: a",
      "    prompt: p",
      "    seed:",
      "    negative_prompt:",
    ]);
    expect(await problems(file)).toEqual([
      "9:5 shots[0].negative_prompt [unset-nothing] null unsets a default, but no default sets negative_prompt for this shot (give it a value, or remove it)",
    ]);
  });

  it("params: null drops the params a shot inherits (a null inside params is still sent as JSON null)", async () => {
    const file = await frames.write("params.yaml", [
      "version: 1",
      "defaults:",
      `  model: ${VEO}`,
      "  params: { auto_fix: true }",
      "shots:",
      "  - id: a",
      "    prompt: p",
      "    params: null",
      "  - id: b",
      "    prompt: q",
    ]);
    expect(await problems(file)).toEqual([]);
    const fields = fieldsOf(await loadStoryboard(file));
    expect(fields.a).toEqual({ model: VEO, prompt: "p" });
    expect(fields.b).toEqual({ model: VEO, prompt: "q", auto_fix: true });
  });

  it("the model cannot be unset, and defaults: itself takes no null", async () => {
    const file = await frames.write("no-null.yaml", [
      "version: 1",
      "defaults:",
      `  model: ${VEO}`,
      "  duration: null",
      "shots:",
      "  - id: a",
      "    model: null",
      "    prompt: p",
    ]);
    expect(await problems(file)).toEqual([
      "4:13 defaults.duration [wrong-type] expected a number, got nothing",
      "7:12 shots[0].model [wrong-type] expected a string, got nothing",
    ]);
  });

  it("a wrong value on a key that may be null is reported once, in the value's own words", async () => {
    const file = await frames.write("wrong.yaml", [
      "version: 1",
      "shots:",
      "  - id: a",
      `    model: ${VEO}`,
      "    prompt: p",
      "    duration: -4",
      "    seed: 1.5",
    ]);
    expect(await problems(file)).toEqual([
      "6:15 shots[0].duration [out-of-range] must be greater than 0, got -4",
      "7:11 shots[0].seed [wrong-type] expected a whole number, got 1.5",
    ]);
  });
});

describe("per-model defaults (defaults.models)", () => {
  const BOARD = [
    "version: 1",
    "defaults:",
    `  model: ${VEO}`,
    "  duration: 4",
    "  resolution: 720p",
    '  aspect_ratio: "16:9"',
    "  params: { auto_fix: true }",
    "  models:",
    `    ${KLING}:`,
    "      resolution: null",
    "      duration: 10",
    "      params: null",
    "    google/veo-3.0-i2v-fast:",
    "      resolution: 1080p",
    "      first_frame: frames/dawn.png",
    "      params: null # this model has no auto_fix",
    "shots:",
    "  - id: veo",
    "    prompt: A harbour at dawn.",
    "  - id: kling",
    `    model: ${KLING}`,
    "    prompt: A lighthouse at night.",
    "    params: { cfg_scale: 0.5 }",
    "  - id: kling-short",
    `    model: ${KLING}`,
    "    prompt: A gull.",
    "    duration: 5",
    "  - id: mona",
    "    model: google/veo-3.0-i2v-fast",
    "    prompt: She smiles.",
  ];

  it("applies the model's entry after the general defaults and before the shot's own keys", async () => {
    const file = await frames.write("models.yaml", BOARD);
    expect(await problems(file)).toEqual([]);
    const board = await loadStoryboard(file);
    expect(fieldsOf(board)).toEqual({
      veo: {
        model: VEO,
        prompt: "A harbour at dawn.",
        duration: 4,
        resolution: "720p",
        aspect_ratio: "16:9",
        auto_fix: true,
      },
      kling: {
        model: KLING,
        prompt: "A lighthouse at night.",
        duration: 10,
        aspect_ratio: "16:9",
        cfg_scale: 0.5,
      },
      "kling-short": { model: KLING, prompt: "A gull.", duration: 5, aspect_ratio: "16:9" },
      mona: {
        model: "google/veo-3.0-i2v-fast",
        prompt: "She smiles.",
        duration: 4,
        resolution: "1080P",
        aspect_ratio: "16:9",
      },
    });
    expect(Object.keys(board.shots[3]!.frames)).toEqual(["image_url"]);
  });

  it("a value from a model's entry is reported where it is written, naming the entry", async () => {
    const file = await frames.write("models-bad.yaml", [
      "version: 1",
      "defaults:",
      `  model: ${VEO}`,
      "  models:",
      `    ${KLING}:`,
      "      duration: 8",
      "shots:",
      "  - id: kling",
      `    model: ${KLING}`,
      "    prompt: p",
    ]);
    expect(await problems(file)).toEqual([
      `6:17 shots[0].duration [duration-not-allowed] 8 is not allowed for ${KLING} (allowed: 5, 10) (set in defaults.models["${KLING}"]: write \`duration: null\` on the shot to unset it)`,
    ]);
  });

  it("checks the entries: a known model id (with suggestions), known keys, no model key, something to unset", async () => {
    const file = await frames.write("models-entries.yaml", [
      "version: 1",
      "defaults:",
      `  model: ${VEO}`,
      "  models:",
      "    veo-3.1-t2v-fsat:",
      "      duration: 4",
      `    ${VEO}:`,
      "      model: google/veo-3.1-t2v",
      "      last_frme: frames/dawn.png",
      "      seed: null",
      "shots:",
      "  - id: a",
      "    prompt: p",
    ]);
    expect(await problems(file)).toEqual([
      `5:5 defaults.models["veo-3.1-t2v-fsat"] [unknown-model] unknown model "veo-3.1-t2v-fsat" (did you mean "${VEO}", "google/veo-3.1-i2v-fast", "google/veo-3.0-i2v-fast"?)`,
      `8:7 defaults.models["${VEO}"].model [unknown-key] unknown key "model" (allowed: prompt, first_frame, last_frame, duration, resolution, aspect_ratio, generate_audio, negative_prompt, seed, enhance_prompt, params)`,
      `9:7 defaults.models["${VEO}"].last_frme [unknown-key] unknown key "last_frme" (did you mean "last_frame"? allowed: prompt, first_frame, last_frame, duration, resolution, aspect_ratio, generate_audio, negative_prompt, seed, enhance_prompt, params)`,
      `10:13 defaults.models["${VEO}"].seed [unset-nothing] null unsets a default, but defaults set no seed (give it a value, or remove it)`,
    ]);
  });
});
