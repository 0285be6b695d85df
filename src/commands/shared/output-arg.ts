// status, stitch and report take an output folder or the storyboard file that renders into one: this tells which.
import { readFile, stat } from "node:fs/promises";
import { resolve } from "node:path";
import { load } from "js-yaml";
import { resolveOutputDir } from "../../storyboard/output-dir.js";
import { OutputUsageError } from "./output-errors.js";

export interface OutputArg {
  /** The output folder (absolute). */
  outDir: string;
  /** The storyboard file when one was given (absolute); null for a folder. */
  storyboard: string | null;
}

/**
 * A folder is the output folder itself. A file is read as a storyboard just far enough to find its output
 * folder (`output:`, else renders/<name> beside it), as render would choose it without --out. Anything else
 * passes through as a folder, so the command's own refusal (no such folder, no manifest) names it.
 */
export async function outputArg(path: string): Promise<OutputArg> {
  const absolute = resolve(path);
  const info = await stat(absolute).catch(() => null);
  if (!info?.isFile()) return { outDir: absolute, storyboard: null };
  let parsed: unknown;
  try {
    parsed = load(await readFile(absolute, "utf8"));
  } catch (err) {
    throw new OutputUsageError(
      `${path} is a file but not a storyboard (${(err as Error).message.split("\n")[0]}): give an output folder or a storyboard file`,
    );
  }
  const output =
    parsed !== null &&
    typeof parsed === "object" &&
    typeof (parsed as { output?: unknown }).output === "string"
      ? (parsed as { output: string }).output
      : undefined;
  if (parsed === null || typeof parsed !== "object" || !("shots" in parsed)) {
    throw new OutputUsageError(
      `${path} is a file but not a storyboard (it has no shots:): give an output folder or a storyboard file`,
    );
  }
  return { outDir: resolveOutputDir(absolute, output, undefined), storyboard: absolute };
}
