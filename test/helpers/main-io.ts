// Runs storyreel's main() in-process with captured stdout/stderr and a chosen environment (no child process).
import { main } from "../../src/cli/main.js";
import { withCacheOff } from "./cache-env.js";

export interface MainRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Wall time of the whole main() call, in ms. */
  elapsedMs: number;
}

export interface MainOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
}

export async function runMainWith(argv: readonly string[], options: MainOptions = {}): Promise<MainRun> {
  let stdout = "";
  let stderr = "";
  const started = performance.now();
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: withCacheOff(options.env ?? {}),
    isTTY: false,
    cwd: options.cwd ?? process.cwd(),
    handleSignals: false,
  });
  return { code, stdout, stderr, elapsedMs: performance.now() - started };
}
