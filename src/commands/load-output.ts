// Reads an output folder's manifest (journal replayed) or refuses: stitch, report and merge start here.
import { readManifest } from "../manifest/index.js";
import type { Manifest } from "../manifest/index.js";
import { NoManifestError } from "./output-errors.js";

export async function loadOutput(outDir: string): Promise<Manifest> {
  const manifest = await readManifest(outDir);
  if (manifest === null) throw new NoManifestError(outDir);
  return manifest;
}
