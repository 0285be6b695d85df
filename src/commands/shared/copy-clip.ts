// Copies a clip into another output folder: temp file, size + sha256 checked against the record, then rename.
import { copyFile, mkdir, open, rename, rm } from "node:fs/promises";
import { constants } from "node:fs";
import { randomBytes } from "node:crypto";
import { basename, dirname, isAbsolute, join, resolve } from "node:path";
import { checkClip, ManifestError } from "../../manifest/index.js";
import type { ClipRecord } from "../../manifest/index.js";
import { StoryreelError } from "../../util/errors.js";

/** The copy did not match the record (the source changed while being copied): nothing was put in place. */
export class ClipCopyError extends StoryreelError {
  constructor(message: string) {
    super("E_CLIP_COPY", message);
  }
}

/** A manifest's clip path must stay inside its folder; anything else is refused rather than followed. */
export function assertInsideFolder(clip: ClipRecord, manifestDir: string): void {
  const segments = clip.path.split(/[\\/]/);
  if (isAbsolute(clip.path) || segments.includes("..") || clip.path.trim() === "") {
    throw new ManifestError(
      "E_MANIFEST_INVALID",
      `${join(manifestDir, "manifest.json")}: clip path ${JSON.stringify(clip.path)} leaves the output folder (a relative path inside it is allowed)`,
    );
  }
}

/** "present" when the destination already holds this exact clip, else copies it; throws ClipCopyError on mismatch. */
export async function copyClip(
  fromDir: string,
  toDir: string,
  clip: ClipRecord,
): Promise<"copied" | "present"> {
  if ((await checkClip(toDir, clip)) === "intact") return "present";
  const target = resolve(toDir, clip.path);
  await mkdir(dirname(target), { recursive: true });
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await copyFile(resolve(fromDir, clip.path), temp, constants.COPYFILE_FICLONE);
    const copied = await checkClip(dirname(temp), { ...clip, path: basename(temp) });
    if (copied !== "intact") {
      throw new ClipCopyError(
        `copy of ${join(fromDir, clip.path)} does not match its sha256 in the manifest (${copied}); was it changed during the merge?`,
      );
    }
    const handle = await open(temp, "r+");
    await handle.sync().finally(() => handle.close());
    await rename(temp, target);
  } finally {
    await rm(temp, { force: true });
  }
  return "copied";
}
