// Refuses an output path that cannot be a folder (an existing file, or a path through one) before anything is written.
import { stat } from "node:fs/promises";
import { dirname } from "node:path";
import { StoryreelError } from "../../util/errors.js";

/** The output path is a file, or a path through a file: a usage error (the CLI exits 2), nothing was written. */
export class OutputNotDirError extends StoryreelError {
  readonly path: string;

  constructor(path: string, message: string) {
    super("E_OUTPUT_NOT_DIR", message);
    this.path = path;
  }
}

/**
 * Resolves when `outDir` is a folder or does not exist yet (render creates it); throws OutputNotDirError when it
 * is a file or lies under one. Other problems (permissions, …) are left to whatever touches the folder next.
 */
export async function checkOutputFolder(outDir: string): Promise<void> {
  const blocker = await fileInTheWay(outDir);
  if (blocker === null) return;
  const expected =
    "give a folder, or a path that does not exist yet (--out, or the storyboard's output:); nothing was written";
  throw new OutputNotDirError(
    outDir,
    blocker === outDir
      ? `the output folder ${outDir} is a file, not a folder: ${expected}`
      : `the output folder ${outDir} cannot be created: ${blocker} is a file, not a folder: ${expected}`,
  );
}

/** `path` itself or the nearest existing ancestor of it, when that is not a folder; null otherwise. */
async function fileInTheWay(path: string): Promise<string | null> {
  for (let at = path; ; at = dirname(at)) {
    try {
      return (await stat(at)).isDirectory() ? null : at;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if ((code !== "ENOENT" && code !== "ENOTDIR") || dirname(at) === at) return null;
    }
  }
}
