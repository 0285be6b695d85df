// concat.txt: the ffmpeg concat-demuxer list of the completed clips, in storyboard order.
import { join } from "node:path";
import { writeFileAtomic } from "../../manifest/index.js";
import type { Manifest } from "../../manifest/index.js";

export const CONCAT_FILE = "concat.txt";

export function concatList(manifest: Manifest): string {
  const lines = ["ffconcat version 1.0"];
  for (const shot of manifest.shots) {
    if (shot.status === "completed" && shot.clip)
      lines.push(`file '${shot.clip.path.replaceAll("'", "'\\''")}'`);
  }
  return `${lines.join("\n")}\n`;
}

export async function writeConcatList(outDir: string, manifest: Manifest): Promise<string> {
  const path = join(outDir, CONCAT_FILE);
  await writeFileAtomic(path, concatList(manifest));
  return path;
}
