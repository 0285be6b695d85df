// Runs storyreel's main() in-process with captured stdout/stderr (no child process: fast CLI tests).
import { main } from "../../src/cli/main.js";
import { withCacheOff } from "../helpers/cache-env.js";

export interface CapturedRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runMain(argv: readonly string[], cwd = process.cwd()): Promise<CapturedRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: withCacheOff({}),
    isTTY: false,
    cwd,
    handleSignals: false,
  });
  return { code, stdout, stderr };
}
