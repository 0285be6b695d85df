// Request bodies: frames inline as data: URIs (read once via FrameCache), and manifest records without image bytes.
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  FrameCache,
  FrameChangedError,
  buildRequestBody,
  loadStoryboard,
  requestRecord,
} from "../../src/storyboard/index.js";
import type { ResolvedShot, Storyboard } from "../../src/storyboard/index.js";
import { hasCode } from "../../src/util/errors.js";
import { JPEG, PNG, PNG_BASE64, WEBP, copyFixtures, makeTempDir, removeDir, writeFrames } from "./helpers.js";

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

function shot(id: string): ResolvedShot {
  const found = board.shots.find((s) => s.id === id);
  if (!found) throw new Error(`no shot ${id}`);
  return found;
}

describe("buildRequestBody", () => {
  it("inlines local frames as data: URIs and keeps URLs and data: URIs as written", async () => {
    const body = await buildRequestBody(shot("open"));
    expect(body).toEqual({
      ...shot("open").fields,
      image_url: `data:image/png;base64,${PNG.toString("base64")}`,
      last_image_url: "https://example.com/lighthouse.jpg",
    });
    expect((await buildRequestBody(shot("mona"))).image_url).toBe(
      `data:image/jpeg;base64,${JPEG.toString("base64")}`,
    );
    const inline = await buildRequestBody(shot("inline"));
    expect(inline.image_url).toBe(`data:image/png;base64,${PNG_BASE64}`);
    expect(inline.last_image_url).toBe(`data:image/webp;base64,${WEBP.toString("base64")}`);
    expect(await buildRequestBody(shot("text"))).toEqual(shot("text").fields);
  });

  it("reads a shared frame once per cache, and clear() forgets it", async () => {
    const file = join(dir, "shared.yaml");
    const shots = Array.from({ length: 200 }, (_, i) => `  - id: s${i}\n    prompt: p${i}\n`).join("");
    await writeFile(join(dir, "frames", "shared.png"), PNG);
    await writeFile(
      file,
      `version: 1\ndefaults:\n  model: google/veo-3.0-i2v-fast\n  first_frame: frames/shared.png\nshots:\n${shots}`,
    );
    const many = await loadStoryboard(file);
    const cache = new FrameCache();
    const bodies = await Promise.all(many.shots.map((s) => buildRequestBody(s, cache)));
    expect(new Set(bodies.map((b) => b.image_url)).size).toBe(1);
    expect(cache.size).toBe(1);

    // Cached: a later change on disk is not even read …
    await writeFile(join(dir, "frames", "shared.png"), Buffer.concat([PNG, Buffer.from("edited")]));
    const first = many.shots[0];
    if (!first) throw new Error("no shots");
    await expect(buildRequestBody(first, cache)).resolves.toMatchObject({ image_url: bodies[0]?.image_url });
    // … until the cache is cleared: then the edit is caught, never sent under the old hash.
    cache.clear();
    expect(cache.size).toBe(0);
    const err: unknown = await buildRequestBody(first, cache).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FrameChangedError);
    expect(hasCode(err, "E_FRAME_CHANGED")).toBe(true);
    expect(cache.size).toBe(0);
  });

  it("raises E_FRAME_CHANGED when a frame file disappeared", async () => {
    await writeFile(join(dir, "frames", "gone.png"), PNG);
    const file = join(dir, "gone.yaml");
    await writeFile(
      file,
      "version: 1\nshots:\n  - id: g\n    model: google/veo-3.0-i2v-fast\n    prompt: p\n    first_frame: frames/gone.png\n",
    );
    const [gone] = (await loadStoryboard(file)).shots;
    if (!gone) throw new Error("no shot");
    await rm(join(dir, "frames", "gone.png"));
    const err: unknown = await buildRequestBody(gone).catch((e: unknown) => e);
    expect(hasCode(err, "E_FRAME_CHANGED")).toBe(true);
    expect((err as Error).cause).toMatchObject({ code: "ENOENT" });
  });

  it("keeps the cache within its byte budget, dropping the least recently used", async () => {
    const names = ["b1", "b2", "b3", "b4"];
    const lines: string[] = [];
    for (const [i, name] of names.entries()) {
      await writeFile(join(dir, "frames", `${name}.png`), Buffer.concat([PNG, Buffer.alloc(1000, i)]));
      lines.push(`  - id: ${name}\n    prompt: p\n    first_frame: frames/${name}.png\n`);
    }
    const file = join(dir, "budget.yaml");
    await writeFile(
      file,
      `version: 1\ndefaults:\n  model: google/veo-3.0-i2v-fast\nshots:\n${lines.join("")}`,
    );
    const shots = (await loadStoryboard(file)).shots;
    const one = (await buildRequestBody(shots[0] as ResolvedShot)).image_url as string;
    const cache = new FrameCache({ maxBytes: one.length * 2 + 10 });
    for (const s of shots) await buildRequestBody(s, cache);
    expect(cache.size).toBe(2);
    expect(cache.bytes).toBeLessThanOrEqual(one.length * 2 + 10);
  });
});

describe("requestRecord", () => {
  it("records each frame as { source, sha256 } and never image bytes", () => {
    for (const s of board.shots) {
      const record = requestRecord(s);
      const text = JSON.stringify(record);
      expect(text).not.toContain(PNG_BASE64.slice(0, 20));
      expect(text).not.toContain(JPEG.toString("base64").slice(0, 20));
      expect(text).not.toContain(";base64,i");
      for (const [field, ref] of Object.entries(s.frames)) {
        expect(record[field]).toEqual({
          source: ref.kind === "data" ? "data:image/png;base64,…" : ref.source,
          sha256: ref.sha256,
        });
      }
    }
    expect(requestRecord(shot("open"))).toEqual({
      ...shot("open").fields,
      image_url: { source: "frames/dawn.png", sha256: shot("open").frames.image_url?.sha256 },
      last_image_url: {
        source: "https://example.com/lighthouse.jpg",
        sha256: shot("open").frames.last_image_url?.sha256,
      },
    });
  });
});
