// Real temp folders, clip files of random bytes and entry inputs for the cache tests.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cacheKey } from "../../src/cache/index.js";
import type { CacheEntryInput } from "../../src/cache/index.js";
import { sha256Hex } from "../../src/util/hash.js";

export interface TempDir {
  dir: string;
  cleanup(): Promise<void>;
}

export async function tempDir(label = "cache"): Promise<TempDir> {
  const dir = await mkdtemp(join(tmpdir(), `storyreel-${label}-`));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export interface ClipFile {
  path: string;
  sha256: string;
  bytes: number;
}

/** A file of `bytes` random bytes (a stand-in clip: the cache never looks inside). */
export async function clipFile(dir: string, name: string, bytes = 4096): Promise<ClipFile> {
  const data = randomBytes(bytes);
  const path = join(dir, name);
  await writeFile(path, data);
  return { path, sha256: sha256Hex(data), bytes };
}

/** An entry input for `clip`, its request and input hash derived from `seed`. */
export function entryInput(
  clip: Pick<ClipFile, "sha256" | "bytes">,
  options: { seed?: string; backend?: string; generationId?: string; credits?: number | null } = {},
): { key: string; input: CacheEntryInput } {
  const seed = options.seed ?? clip.sha256;
  const input: CacheEntryInput = {
    inputHash: sha256Hex(`input ${seed}`),
    backend: options.backend ?? "simulator",
    generationId: options.generationId ?? `gen-${seed.slice(0, 8)}`,
    model: "google/veo-3.0-i2v-fast",
    request: {
      model: "google/veo-3.0-i2v-fast",
      prompt: `shot ${seed.slice(0, 8)}`,
      // A data: URI in full, as a careless caller might pass it: the entry keeps only its header.
      image_url: { source: `data:image/png;base64,${"A".repeat(200)}`, sha256: sha256Hex("frame") },
    },
    creditsUsed: options.credits === undefined ? 800_000 : options.credits,
    durationSeconds: 4,
    clip: { sha256: clip.sha256, bytes: clip.bytes },
  };
  return { key: cacheKey(input), input };
}
