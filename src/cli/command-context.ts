// What every command registrar gets: the injected IO and a way to report the command's exit code.
import type { CliIo } from "./io.js";

export interface CommandContext {
  io: CliIo;
  setExitCode(code: number): void;
}

/** render's exit codes: shown at the end of `render --help` and of `storyreel --help` (as the README's table). */
export const EXIT_CODES_HELP = `
Exit codes:
  0    every selected shot completed (or was already up to date)
  1    at least one shot failed, is unknown, was skipped or is unfinished (the others still finished)
  2    invalid storyboard, usage or configuration, the output folder is in use, or the API refused
       the key or credits (401/403)
  130  interrupted (Ctrl-C / SIGTERM), the same command resumes`;
