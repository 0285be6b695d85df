// A chained shot gets its upstream clip's frame at submission: extracted with real ffmpeg, cached by clip sha256.
import { createHash } from "node:crypto";
import { mkdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { chainFrames, FRAMES_DIR } from "../../src/commands/render/render-chain.js";
import { ManifestStore } from "../../src/manifest/index.js";
import { buildRequestBody, requestRecord } from "../../src/storyboard/index.js";
import type { ResolvedShot } from "../../src/storyboard/index.js";
import { makeClip, makeTempDir } from "../media/fixtures.js";
import { record, shot } from "../scheduler/run-harness.js";

const sha256 = (bytes: Buffer): string => createHash("sha256").update(bytes).digest("hex");
let cleanup: (() => Promise<void>) | undefined;
let store: ManifestStore | undefined;

afterEach(async () => {
  await store?.close();
  await cleanup?.();
  store = undefined;
  cleanup = undefined;
});

async function setup(withClip: boolean) {
  const tmp = await makeTempDir();
  cleanup = tmp.cleanup;
  const outDir = tmp.dir;
  const dawn = shot("dawn", 0);
  const boats: ResolvedShot = {
    ...shot("boats", 1),
    ...{ upstream: { image_url: { shot: "dawn", frame: "last", line: 7, column: 18 } } },
  };
  let clip = null;
  if (withClip) {
    await mkdir(join(outDir, "clips"), { recursive: true });
    await makeClip(join(outDir, "clips", "001-dawn.mp4"), { audio: false });
    const bytes = await readFile(join(outDir, "clips", "001-dawn.mp4"));
    clip = { path: "clips/001-dawn.mp4", bytes: bytes.length, sha256: sha256(bytes) };
  }
  store = await ManifestStore.open({
    outDir,
    manifest: {
      version: 1,
      storyboard: { path: "s.yaml", sha256: "0".repeat(64) },
      started_at: new Date().toISOString(),
      finished_at: null,
      shots: [record(dawn, withClip ? { status: "completed", clip } : {}), record(boats)],
    },
  });
  return { outDir, dawn, boats, clip, chain: chainFrames({ shots: [dawn, boats], outDir, store }) };
}

describe("chainFrames", () => {
  it("names each shot's upstream shots, and binds the upstream clip's last frame as a cached PNG", async () => {
    const { outDir, boats, clip, chain } = await setup(true);
    expect(chain.dependencies("boats")).toEqual(["dawn"]);
    expect(chain.dependencies("dawn")).toEqual([]);
    const bound = await chain.bind(boats);
    const ref = bound.frames["image_url"];
    expect(ref?.absPath).toBe(join(outDir, FRAMES_DIR, `${clip?.sha256}-last.png`));
    const png = await readFile(ref?.absPath ?? "");
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(ref?.sha256).toBe(sha256(png));
    expect(chain.used.get("boats")).toEqual({
      image_url: { shot: "dawn", frame: "last", sha256: sha256(png) },
    });
    // The manifest's request records the frame sent: where it is kept (relative) and its sha256.
    expect(requestRecord(bound)["image_url"]).toEqual({
      source: `.storyreel/frames/${clip?.sha256}-last.png`,
      sha256: sha256(png),
    });
    expect(await chain.bind(bound)).toBe(bound);
    const body = await buildRequestBody(bound);
    expect(String(body["image_url"])).toMatch(/^data:image\/png;base64,/);
    // Extracted once: a second bind reuses the cached file.
    const before = (await stat(ref?.absPath ?? "")).mtimeMs;
    await chain.bind(boats);
    expect((await stat(ref?.absPath ?? "")).mtimeMs).toBe(before);
  });

  it("a shot whose upstream has no clip is refused E_UPSTREAM_FAILED naming it", async () => {
    const { boats, chain } = await setup(false);
    await expect(chain.bind(boats)).rejects.toMatchObject({
      code: "E_UPSTREAM_FAILED",
      message: expect.stringContaining('"dawn"'),
    });
  });
});
