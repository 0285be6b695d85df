// Runs ffmpeg/ffprobe without a shell, killable by AbortSignal, keeping stderr's tail for error messages.
import { spawn } from "node:child_process";
import { FfmpegFailedError } from "./errors.js";
import type { MediaTool } from "./errors.js";
import { locateFfmpeg, locateFfprobe } from "./locate.js";
import type { LocateOptions } from "./locate.js";

export interface RunOptions extends LocateOptions {
  signal?: AbortSignal;
  /** Use this binary instead of locating one. */
  binaryPath?: string;
  cwd?: string;
}

const STDERR_TAIL_CHARS = 2000;

/**
 * Runs ffmpeg with `-hide_banner -nostdin -loglevel error -y` prepended to `args`.
 * Rejects with FfmpegFailedError (E_FFMPEG_FAILED) on a non-zero exit, or with the signal's reason when aborted.
 */
export async function runFfmpeg(args: readonly string[], opts: RunOptions = {}): Promise<void> {
  const binary = opts.binaryPath ?? (await locateFfmpeg(opts));
  await runTool("ffmpeg", binary, ["-hide_banner", "-nostdin", "-loglevel", "error", "-y", ...args], opts);
}

/** Runs ffprobe with `-v error` prepended to `args` and resolves with its stdout. */
export async function runFfprobe(args: readonly string[], opts: RunOptions = {}): Promise<string> {
  const binary = opts.binaryPath ?? (await locateFfprobe(opts));
  return runTool("ffprobe", binary, ["-v", "error", ...args], opts);
}

function runTool(
  tool: MediaTool,
  binary: string,
  args: readonly string[],
  opts: RunOptions,
): Promise<string> {
  const { signal } = opts;
  if (signal?.aborted) return Promise.reject(signal.reason as Error);
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, {
      cwd: opts.cwd,
      stdio: ["ignore", tool === "ffprobe" ? "pipe" : "ignore", "pipe"],
      windowsHide: true,
    });
    const stdout: Buffer[] = [];
    let stderr = "";
    child.stdout?.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_TAIL_CHARS);
    });
    const onAbort = (): void => {
      child.kill("SIGKILL");
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    let settled = false;
    const settle = (exitCode: number | null, killSignal: string | null, spawnError?: Error): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      if (signal?.aborted) {
        reject(signal.reason as Error);
      } else if (spawnError !== undefined || exitCode !== 0) {
        const details = { exitCode, signal: killSignal, stderrTail: stderr };
        reject(
          new FfmpegFailedError(tool, details, spawnError === undefined ? undefined : { cause: spawnError }),
        );
      } else {
        resolve(Buffer.concat(stdout).toString("utf8"));
      }
    };
    // A spawn failure (e.g. ENOENT) emits "error" and may never emit "close".
    child.on("error", (err) => settle(null, null, err));
    child.on("close", (exitCode, killSignal) => settle(exitCode, killSignal));
  });
}
