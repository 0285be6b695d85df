// The cached catalogue of one API origin: the body as received, its ETag, and when it was downloaded and last confirmed.
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

export interface CachedCatalogue {
  origin: string;
  etag: string | null;
  /** When this body was downloaded (ISO-8601). */
  fetchedAt: string;
  /** When the API last confirmed it current: the download, or a 304 since (ISO-8601). */
  checkedAt: string;
  /** The /v1/models?include=pricing body, exactly as received (no key ever goes into it: the route takes none). */
  body: string;
}

const VERSION = 1;

/** `<cacheDir>/catalogue/<host>-<hash of origin>.json`: one file per API origin. */
export function cacheFileFor(cacheDir: string, origin: string): string {
  const host = origin.replace(/^[a-z]+:\/\//, "").replace(/[^A-Za-z0-9.-]/g, "_");
  const hash = createHash("sha256").update(origin).digest("hex").slice(0, 12);
  return join(cacheDir, "catalogue", `${host}-${hash}.json`);
}

/** The cached copy, or null when there is none or it cannot be read (a damaged cache is only a cache miss). */
export async function readCachedCatalogue(file: string, origin: string): Promise<CachedCatalogue | null> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return null;
  }
  try {
    const json = JSON.parse(text) as Record<string, unknown>;
    const { etag, fetchedAt, checkedAt, body } = json;
    if (json.version !== VERSION || json.origin !== origin) return null;
    if (typeof body !== "string" || typeof fetchedAt !== "string" || typeof checkedAt !== "string")
      return null;
    if (Number.isNaN(Date.parse(checkedAt))) return null;
    return { origin, etag: typeof etag === "string" ? etag : null, fetchedAt, checkedAt, body };
  } catch {
    return null;
  }
}

/** Replaces the file whole (temp file + rename), so a reader never sees half of it. */
export async function writeCachedCatalogue(file: string, entry: CachedCatalogue): Promise<void> {
  await mkdir(join(file, ".."), { recursive: true });
  const temp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    await writeFile(temp, JSON.stringify({ version: VERSION, ...entry }), { mode: 0o644 });
    await rename(temp, file);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}
