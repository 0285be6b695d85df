import { open } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isMp4 } from "../../src/media/index.js";
import { makeClip, makeTempDir } from "./fixtures.js";

describe("isMp4", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ dir, cleanup } = await makeTempDir()));
  afterAll(() => cleanup());

  it("accepts the first bytes of a real MP4", async () => {
    const file = join(dir, "clip.mp4");
    await makeClip(file, { audio: false });
    const handle = await open(file);
    const { buffer } = await handle.read(Buffer.alloc(16), 0, 16, 0);
    await handle.close();
    expect(isMp4(buffer)).toBe(true);
  });

  it("rejects other content, short headers and a bogus box size", () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    expect(isMp4(png)).toBe(false);
    expect(isMp4(new TextEncoder().encode("<html><body>"))).toBe(false);
    expect(isMp4(Uint8Array.from([0, 0, 0, 0x20, 0x66, 0x74]))).toBe(false);
    expect(isMp4(Uint8Array.from([0, 0, 0, 4, 0x66, 0x74, 0x79, 0x70]))).toBe(false);
    expect(isMp4(Uint8Array.from([0, 0, 0, 0x20, 0x66, 0x74, 0x79, 0x70]))).toBe(true);
  });
});
