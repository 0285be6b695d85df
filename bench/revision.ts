// Which code a bench measured: the commit, and whether src/ had uncommitted changes (the scheduler is tuned live).
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface Revision {
  commit: string;
  /** Files under src/ that differ from the commit (modified or untracked). */
  dirtySrcFiles: string[];
}

export async function currentRevision(cwd: string): Promise<Revision> {
  try {
    const head = await run("git", ["rev-parse", "--short", "HEAD"], { cwd });
    const status = await run("git", ["status", "--porcelain", "--", "src"], { cwd });
    return {
      commit: head.stdout.trim(),
      dirtySrcFiles: status.stdout
        .split("\n")
        .filter((line) => line.trim() !== "")
        .map((line) => line.slice(3)),
    };
  } catch {
    return { commit: "unknown (no git)", dirtySrcFiles: [] };
  }
}
