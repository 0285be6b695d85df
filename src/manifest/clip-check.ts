// Is a recorded clip still on disk, byte for byte? (size first, then sha256, streamed)
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createHash } from "node:crypto";
import { resolve } from "node:path";
import type { ClipRecord } from "./types.js";

export type ClipIntegrity = "intact" | "missing" | "corrupt";

export async function checkClip(outDir: string, clip: ClipRecord | null): Promise<ClipIntegrity> {
  if (!clip) return "missing";
  const path = resolve(outDir, clip.path);
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) return "corrupt";
    size = info.size;
  } catch {
    return "missing";
  }
  if (size !== clip.bytes) return "corrupt";
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex") === clip.sha256 ? "intact" : "corrupt";
}
