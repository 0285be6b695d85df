// Generation times learned by earlier runs into this output folder, so the next run polls well from its first shot.
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "../../manifest/index.js";

const TIMINGS_FILE = ".storyreel/timings.json";

/** Per model, observed generation times in ms; an unreadable or foreign file counts as none (it is only a hint). */
export async function readTimings(outDir: string): Promise<Map<string, number[]>> {
  try {
    const parsed = JSON.parse(await readFile(join(outDir, TIMINGS_FILE), "utf8")) as unknown;
    const timings = new Map<string, number[]>();
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return timings;
    for (const [model, samples] of Object.entries(parsed)) {
      if (!Array.isArray(samples)) continue;
      const valid = samples.filter((n): n is number => typeof n === "number" && Number.isFinite(n) && n > 0);
      if (valid.length > 0) timings.set(model, valid);
    }
    return timings;
  } catch {
    return new Map();
  }
}

export async function writeTimings(
  outDir: string,
  timings: ReadonlyMap<string, readonly number[]>,
): Promise<void> {
  if (timings.size === 0) return;
  await mkdir(join(outDir, ".storyreel"), { recursive: true });
  await writeFileAtomic(
    join(outDir, TIMINGS_FILE),
    `${JSON.stringify(Object.fromEntries(timings), null, 1)}\n`,
  );
}
