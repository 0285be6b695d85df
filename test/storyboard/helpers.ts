// Test helpers for the storyboard stage: real temp dirs with real (tiny) PNG, JPEG and WebP frames.
import { cp, mkdir, mkdtemp, open, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";

/** A valid 1×1 PNG. */
export const PNG_BASE64 =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
/** A valid 1×1 JPEG. */
export const JPEG_BASE64 =
  "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=";
/** A valid 1×1 WebP. */
export const WEBP_BASE64 = "UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==";

export const PNG = Buffer.from(PNG_BASE64, "base64");
export const JPEG = Buffer.from(JPEG_BASE64, "base64");
export const WEBP = Buffer.from(WEBP_BASE64, "base64");

export const FIXTURES = new URL("../fixtures/storyboards/", import.meta.url);

export async function makeTempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), "storyreel-storyboard-"));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/**
 * The frames the fixtures refer to, under `<dir>/frames/`: dawn.png, noon.png (another PNG), face.jpg,
 * pic.webp, folder.png (a directory), notes.png (text), empty.png (0 bytes), huge.png (sparse, over the limit).
 */
export async function writeFrames(dir: string, opts: { hugeBytes?: number } = {}): Promise<void> {
  const frames = join(dir, "frames");
  await mkdir(join(frames, "folder.png"), { recursive: true });
  await writeFile(join(frames, "dawn.png"), PNG);
  await writeFile(join(frames, "noon.png"), Buffer.concat([PNG, Buffer.from("noon")]));
  await writeFile(join(frames, "face.jpg"), JPEG);
  await writeFile(join(frames, "pic.webp"), WEBP);
  await writeFile(join(frames, "notes.png"), "not an image, just notes\n");
  await writeFile(join(frames, "empty.png"), "");
  if (opts.hugeBytes !== undefined) {
    const handle = await open(join(frames, "huge.png"), "w");
    try {
      await handle.write(PNG, 0, PNG.length, 0);
      await handle.truncate(opts.hugeBytes);
    } finally {
      await handle.close();
    }
  }
}

/** Copies test/fixtures/storyboards/<sub> into `dir`. */
export async function copyFixtures(sub: string, dir: string): Promise<void> {
  await cp(new URL(sub, FIXTURES), dir, { recursive: true });
}

export interface FrameDir {
  /** The folder (set once the file's tests start). */
  readonly dir: string;
  /** Writes `text` (or lines, joined) as `<dir>/<name>` and returns its path. */
  write(name: string, text: string | readonly string[]): Promise<string>;
}

/** One temp folder with the frames above for all of a test file's tests: made before them, removed after. */
export function useFrameDir(): FrameDir {
  let dir = "";
  beforeAll(async () => {
    dir = await makeTempDir();
    await writeFrames(dir);
  });
  afterAll(async () => {
    await removeDir(dir);
  });
  return {
    get dir() {
      return dir;
    },
    async write(name, text) {
      const file = join(dir, name);
      await writeFile(file, typeof text === "string" ? text : `${text.join("\n")}\n`);
      return file;
    },
  };
}
