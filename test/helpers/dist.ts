// Whether dist/ (what `npm ci` builds) is as new as src/: tests of the built package use it, or build it first.
import { existsSync, statSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** True when `built` (a file under dist/) exists and no source file under src/ is newer. */
export async function distIsFresh(built = join(ROOT, "dist", "index.js")): Promise<boolean> {
  if (!existsSync(built)) return false;
  const builtAt = statSync(built).mtimeMs;
  const sources = await readdir(join(ROOT, "src"), { recursive: true });
  return !sources.some((f) => f.endsWith(".ts") && statSync(join(ROOT, "src", f)).mtimeMs > builtAt);
}
