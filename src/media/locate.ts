// Finds ffmpeg/ffprobe: env override, then the npm installer packages, then PATH (resolved lazily at call time).
import { constants } from "node:fs";
import { access, chmod, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import * as path from "node:path";
import { FfmpegMissingError } from "./errors.js";
import type { MediaTool } from "./errors.js";

export interface LocateOptions {
  /** Environment to read FFMPEG_PATH / FFPROBE_PATH / PATH from; defaults to process.env. */
  env?: Readonly<Record<string, string | undefined>>;
}

const sources: Record<MediaTool, { envVar: string; installer: string }> = {
  ffmpeg: { envVar: "FFMPEG_PATH", installer: "@ffmpeg-installer/ffmpeg" },
  ffprobe: { envVar: "FFPROBE_PATH", installer: "@ffprobe-installer/ffprobe" },
};

/** Absolute path of a runnable ffmpeg; throws FfmpegMissingError (E_FFMPEG_MISSING). */
export function locateFfmpeg(opts: LocateOptions = {}): Promise<string> {
  return locateTool("ffmpeg", opts);
}

/** Absolute path of a runnable ffprobe; throws FfmpegMissingError (E_FFMPEG_MISSING). */
export function locateFfprobe(opts: LocateOptions = {}): Promise<string> {
  return locateTool("ffprobe", opts);
}

async function locateTool(tool: MediaTool, opts: LocateOptions): Promise<string> {
  const env = opts.env ?? process.env;
  const { envVar, installer } = sources[tool];
  const override = env[envVar];
  if (override !== undefined && override !== "") {
    if (await ensureExecutable(override)) return path.resolve(override);
    throw new FfmpegMissingError(tool, `${envVar} is set to "${override}", which is not an executable file`);
  }
  const fromInstaller = installerPath(installer);
  if (fromInstaller !== null && (await ensureExecutable(fromInstaller))) return fromInstaller;
  const fromPath = await searchPath(tool, env["PATH"] ?? "");
  if (fromPath !== null) return fromPath;
  throw new FfmpegMissingError(
    tool,
    `${tool} not found: set ${envVar}, install ${installer}, or put ${tool} on PATH`,
  );
}

function installerPath(pkg: string): string | null {
  try {
    const load = createRequire(import.meta.url);
    const mod = load(pkg) as { path?: unknown };
    return typeof mod.path === "string" ? mod.path : null;
  } catch {
    // The installers throw (sometimes a bare string) when their platform binary is absent.
    return null;
  }
}

/** True when `file` is a regular file we can execute, adding the exec bit if only that is missing. */
async function ensureExecutable(file: string): Promise<boolean> {
  try {
    if (!(await stat(file)).isFile()) return false;
  } catch {
    return false;
  }
  if (await canExecute(file)) return true;
  try {
    const { mode } = await stat(file);
    await chmod(file, mode | 0o111);
  } catch {
    return false;
  }
  return canExecute(file);
}

async function canExecute(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function searchPath(tool: MediaTool, pathVar: string): Promise<string | null> {
  const names = process.platform === "win32" ? [`${tool}.exe`] : [tool];
  for (const dir of pathVar.split(path.delimiter)) {
    if (dir === "") continue;
    for (const name of names) {
      const candidate = path.resolve(dir, name);
      if (await canExecuteFile(candidate)) return candidate;
    }
  }
  return null;
}

async function canExecuteFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile() && (await canExecute(file));
  } catch {
    return false;
  }
}
