// Runs the real storyreel CLI (from source, through tsx) as a child process.
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { withCacheOff } from "./cache-env.js";

const BIN = fileURLToPath(new URL("../../src/cli/bin.ts", import.meta.url));
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
}

/** A clean environment: no key unless given, no CI detection surprises. */
function environment(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const { STORYREEL_CACHE: _off, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    AIML_API_KEY: undefined,
    AIMLAPI_KEY: undefined,
    ...withCacheOff(extra),
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return env;
}

export function spawnCli(
  args: readonly string[],
  options: CliOptions = {},
): ChildProcess & { output: () => CliRun } {
  const child = spawn(process.execPath, ["--import", "tsx", BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: environment(options.env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return Object.assign(child, {
    output: (): CliRun => ({ code: child.exitCode, signal: child.signalCode, stdout, stderr }),
  });
}

export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  const child = spawnCli(args, options);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", () => resolve(child.output()));
  });
}

export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("close", () => resolve()));
}
