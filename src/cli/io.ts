// The CLI's view of the outside world, injected so tests can run commands in-process.
import type { Writable } from "../views/index.js";

export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  env: Readonly<Record<string, string | undefined>>;
  /** Whether stderr is an interactive terminal (live view allowed). */
  isTTY: boolean;
  cwd: string;
  /** Install SIGINT/SIGTERM handlers (the real binary does; in-process tests do not). */
  handleSignals: boolean;
  /** Aborts when stdout or stderr was closed (EPIPE): a render then stops as on Ctrl-C. */
  outputClosed?: AbortSignal;
}
