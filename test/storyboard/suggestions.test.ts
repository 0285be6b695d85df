// "did you mean": the nearest catalogue id (also without the vendor prefix) and the nearest key.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closestIds, listModels } from "../../src/catalog/index.js";
import { validateStoryboard } from "../../src/storyboard/index.js";
import { makeTempDir, removeDir } from "./helpers.js";

let dir = "";

beforeAll(async () => {
  dir = await makeTempDir();
});

afterAll(async () => {
  await removeDir(dir);
});

async function messages(name: string, shot: readonly string[]): Promise<string[]> {
  const file = join(dir, name);
  const lines = ["version: 1", "shots:", "  - id: a", "    prompt: A harbour at dawn.", ...shot];
  await writeFile(file, `${lines.join("\n")}\n`);
  return (await validateStoryboard(file)).map((d) => `${d.line}:${d.column} ${d.path}: ${d.message}`);
}

const IDS = listModels().map((m) => m.id);

describe("suggestions", () => {
  it("a model id without its vendor prefix gets the one catalogue id it names", async () => {
    expect(await messages("no-vendor.yaml", ["    model: veo-3.1-t2v-fast"])).toEqual([
      '5:12 shots[0].model: unknown model "veo-3.1-t2v-fast" (did you mean "google/veo-3.1-t2v-fast"?)',
    ]);
  });

  it("finds ids by their part after the vendor prefix, and ids that differ only in case", () => {
    expect(closestIds("veo3", IDS)).toEqual(["google/veo3"]);
    expect(closestIds("Google/Veo-3.1-T2V-Fast", IDS)).toEqual(["google/veo-3.1-t2v-fast"]);
    expect(closestIds("veo-3.1-t2v-fsat", IDS)[0]).toBe("google/veo-3.1-t2v-fast");
    expect(closestIds("sora-2-t2v", IDS)).toEqual(["openai/sora-2-t2v"]);
    expect(closestIds("something-else-entirely", IDS)).toEqual([]);
  });

  it("an unknown key gets the nearest allowed key before the list of all of them", async () => {
    const found = await messages("key.yaml", [
      "    model: google/veo-3.1-t2v-fast",
      "    negative_promt: blur",
    ]);
    expect(found).toEqual([
      '6:5 shots[0].negative_promt: unknown key "negative_promt" (did you mean "negative_prompt"? allowed: id, model, prompt, first_frame, last_frame, duration, resolution, aspect_ratio, generate_audio, negative_prompt, seed, enhance_prompt, params)',
    ]);
    const keys = ["id", "model", "prompt", "first_frame", "last_frame", "duration", "seed", "params"];
    expect(closestIds("last_frme", keys, 1)).toEqual(["last_frame"]);
    expect(closestIds("frist_frame", keys, 1)).toEqual(["first_frame"]);
    expect(closestIds("Duration", keys, 1)).toEqual(["duration"]);
    // Nothing close: no guess (two edits turn "<<" into "id", but that is the whole key).
    expect(closestIds("<<", keys, 1)).toEqual([]);
    expect(closestIds("colour", keys, 1)).toEqual([]);
  });
});
