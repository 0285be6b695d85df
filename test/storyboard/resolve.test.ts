// A valid storyboard resolves: defaults, output directory, model spellings, frame hashes, input hashes.
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadStoryboard, validateStoryboard } from "../../src/storyboard/index.js";
import type { Storyboard } from "../../src/storyboard/index.js";
import { JPEG, PNG, PNG_BASE64, WEBP, copyFixtures, makeTempDir, removeDir, writeFrames } from "./helpers.js";

const FAST_MS = 2000;
const sha = (data: string | Buffer): string => createHash("sha256").update(data).digest("hex");

let dir = "";
let board: Storyboard;

beforeAll(async () => {
  dir = await makeTempDir();
  await copyFixtures("valid/", dir);
  await writeFrames(dir);
  board = await loadStoryboard(join(dir, "full.yaml"));
});

afterAll(async () => {
  await removeDir(dir);
});

function shot(id: string): Storyboard["shots"][number] {
  const found = board.shots.find((s) => s.id === id);
  if (!found) throw new Error(`no shot ${id}`);
  return found;
}

describe("resolve", () => {
  it("validates with no diagnostics", async () => {
    expect(await validateStoryboard(join(dir, "full.yaml"))).toEqual([]);
  });

  it("describes the storyboard", async () => {
    expect(board.path).toBe(join(dir, "full.yaml"));
    expect(board.sha256).toBe(sha(await readFile(join(dir, "full.yaml"))));
    expect(board.title).toBe("Full feature tour");
    expect(board.outputDir).toBe(join(dir, "renders", "full"));
    expect(board.shots.map((s) => [s.index, s.id, s.line, s.column])).toEqual([
      [0, "open", 10, 5],
      [1, "mona", 14, 5],
      [2, "inline", 22, 5],
      [3, "text", 27, 5],
    ]);
  });

  it("applies defaults, with the shot's own values winning", () => {
    const open = shot("open");
    expect(open.model).toBe("google/veo-3.1-first-last-image-to-video-fast");
    expect(open.fields).toEqual({
      model: "google/veo-3.1-first-last-image-to-video-fast",
      prompt: "A slow dolly in across a misty harbour at dawn.",
      duration: 6,
      resolution: "720p",
      aspect_ratio: "16:9",
    });
    expect(shot("inline").fields.duration).toBe(8);
    expect(open.durationSeconds).toBe(6);
    expect(open.resolution).toBe("720p");
    expect(open.aspectRatio).toBe("16:9");
    expect(open.audio).toBe(true); // the model's documented default
    expect(open.prompt).toBe("A slow dolly in across a misty harbour at dawn.");
  });

  it("spells values the model's way (1080p → 1080P on Veo 3.0) and maps every semantic field", () => {
    const mona = shot("mona");
    expect(mona.fields).toEqual({
      model: "google/veo-3.0-i2v-fast",
      prompt: "The woman puts on glasses and says slowly: 'Well...'",
      duration: 6,
      resolution: "1080P",
      aspect_ratio: "16:9",
      negative_prompt: "blurry",
      seed: 42,
      generate_audio: false,
    });
    expect(mona.resolution).toBe("1080P");
    expect(mona.audio).toBe(false);
  });

  it("passes params through and falls back to the model's documented defaults", async () => {
    const file = join(dir, "bare.yaml");
    await writeFile(
      file,
      "version: 1\nshots:\n  - id: t\n    model: google/veo-3.1-t2v-fast\n    prompt: p\n",
    );
    const [bare] = (await loadStoryboard(file)).shots;
    expect(bare?.fields).toEqual({ model: "google/veo-3.1-t2v-fast", prompt: "p" });
    expect([bare?.durationSeconds, bare?.resolution, bare?.aspectRatio, bare?.audio]).toEqual([
      8,
      "1080p",
      null,
      true,
    ]);
    expect(shot("text").fields).toMatchObject({ auto_fix: false });
  });

  it("merges params from defaults key by key", async () => {
    const file = join(dir, "params.yaml");
    await writeFile(
      file,
      [
        "version: 1",
        "defaults:",
        "  model: google/veo-3.1-t2v-fast",
        "  params: { auto_fix: true, provider: a }",
        "shots:",
        "  - id: t",
        "    prompt: p",
        "    params: { provider: b }",
        "",
      ].join("\n"),
    );
    const [one] = (await loadStoryboard(file)).shots;
    expect(one?.fields).toMatchObject({ auto_fix: true, provider: "b" });
  });

  it("hashes frames: file and data: by content, https by the URL string", () => {
    const open = shot("open");
    expect(open.frames).toEqual({
      image_url: {
        source: "frames/dawn.png",
        kind: "file",
        sha256: sha(PNG),
        mime: "image/png",
        bytes: PNG.length,
        absPath: join(dir, "frames", "dawn.png"),
      },
      last_image_url: {
        source: "https://example.com/lighthouse.jpg",
        kind: "url",
        sha256: sha("https://example.com/lighthouse.jpg"),
      },
    });
    expect(shot("mona").frames.image_url).toMatchObject({
      kind: "file",
      mime: "image/jpeg",
      sha256: sha(JPEG),
    });
    const inline = shot("inline");
    expect(inline.frames.image_url).toEqual({
      source: `data:image/png;base64,${PNG_BASE64}`,
      kind: "data",
      sha256: sha(PNG),
      mime: "image/png",
      bytes: PNG.length,
    });
    expect(inline.frames.last_image_url).toMatchObject({
      kind: "file",
      mime: "image/webp",
      sha256: sha(WEBP),
    });
    expect(shot("text").frames).toEqual({});
  });

  it("computes inputHash from the fields and frame hashes", () => {
    const open = shot("open");
    const canonical = JSON.stringify({
      fields: {
        aspect_ratio: "16:9",
        duration: 6,
        model: "google/veo-3.1-first-last-image-to-video-fast",
        prompt: "A slow dolly in across a misty harbour at dawn.",
        resolution: "720p",
      },
      frames: { image_url: sha(PNG), last_image_url: sha("https://example.com/lighthouse.jpg") },
    });
    expect(open.inputHash).toBe(sha(canonical));
  });
});

describe("inputHash", () => {
  const variant = (order: "a" | "b", frame: string): string =>
    order === "a"
      ? `version: 1\nshots:\n  - id: s\n    model: google/veo-3.0-i2v-fast\n    prompt: p\n    first_frame: ${frame}\n    seed: 1\n`
      : `shots:\n  - seed: 1\n    first_frame: ${frame}\n    prompt: p\n    id: s\ndefaults:\n  model: google/veo-3.0-i2v-fast\nversion: 1\n`;

  it(
    "is stable across key order and where a value is set, and follows frame content",
    async () => {
      await writeFile(join(dir, "a.yaml"), variant("a", "frames/dawn.png"));
      await writeFile(join(dir, "b.yaml"), variant("b", "frames/dawn.png"));
      await writeFile(join(dir, "c.yaml"), variant("a", "frames/noon.png"));
      await writeFile(join(dir, "d.yaml"), variant("a", `data:image/png;base64,${PNG_BASE64}`));
      const hash = async (name: string): Promise<string | undefined> =>
        (await loadStoryboard(join(dir, name))).shots[0]?.inputHash;
      const a = await hash("a.yaml");
      expect(a).toMatch(/^[0-9a-f]{64}$/);
      expect(await hash("b.yaml")).toBe(a);
      expect(await hash("c.yaml")).not.toBe(a); // another file: other bytes
      expect(await hash("d.yaml")).toBe(a); // same bytes, given inline

      await writeFile(join(dir, "frames", "dawn.png"), Buffer.concat([PNG, Buffer.from("changed")]));
      try {
        expect(await hash("a.yaml")).not.toBe(a);
      } finally {
        await writeFile(join(dir, "frames", "dawn.png"), PNG);
      }
    },
    FAST_MS,
  );
});

describe("output directory", () => {
  it(
    "--out (relative to cwd) wins over output: (relative to the storyboard) over renders/<name>",
    async () => {
      const body = "version: 1\nshots:\n  - id: t\n    model: google/veo-3.1-t2v-fast\n    prompt: p\n";
      await writeFile(join(dir, "plain.yml"), body);
      await writeFile(join(dir, "named.yaml"), `output: out/here\n${body}`);
      expect((await loadStoryboard(join(dir, "plain.yml"))).outputDir).toBe(join(dir, "renders", "plain"));
      expect((await loadStoryboard(join(dir, "named.yaml"))).outputDir).toBe(join(dir, "out", "here"));
      const rel = relative(process.cwd(), join(dir, "named.yaml"));
      expect((await loadStoryboard(rel, { outDir: "elsewhere/x" })).outputDir).toBe(resolve("elsewhere/x"));
    },
    FAST_MS,
  );
});
