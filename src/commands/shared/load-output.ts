// Reads an output folder's manifest (journal replayed) or refuses: stitch, report and merge start here.
import { stat } from "node:fs/promises";
import { readManifest } from "../../manifest/index.js";
import type { Manifest } from "../../manifest/index.js";
import { NoManifestError } from "./output-errors.js";

export async function loadOutput(outDir: string): Promise<Manifest> {
  const info = await stat(outDir).catch(() => null);
  if (info === null) throw new NoManifestError(outDir, "does not exist");
  if (!info.isDirectory()) throw new NoManifestError(outDir, "is not a folder");
  const manifest = await readManifest(outDir);
  if (manifest === null) throw new NoManifestError(outDir, "has no manifest.json");
  return manifest;
}
