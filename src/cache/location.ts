// Where the cache is: a local folder or s3://bucket/prefix, from --cache, STORYREEL_CACHE or the user's cache folder.
import { homedir } from "node:os";
import { isAbsolute, join, resolve } from "node:path";
import { CacheConfigError } from "./errors.js";

export type CacheLocation =
  | { kind: "local"; dir: string }
  | {
      kind: "s3";
      bucket: string;
      /** Key prefix without leading or trailing slash ("" for the bucket's root). */
      prefix: string;
    };

type Env = Readonly<Record<string, string | undefined>>;

/** Values of --cache / STORYREEL_CACHE that turn the cache off. */
const OFF = new Set(["off", "none", "false", "0"]);

/**
 * The location `raw` names: "s3://bucket[/prefix]", else a folder (relative to `cwd`).
 * Throws CacheConfigError E_CACHE_LOCATION naming `setting` and the value when it cannot be one.
 */
export function parseCacheLocation(raw: string, options: { cwd: string; setting?: string }): CacheLocation {
  const setting = options.setting ?? "--cache";
  const value = raw.trim();
  const bad = (why: string): CacheConfigError =>
    new CacheConfigError(
      "E_CACHE_LOCATION",
      `${setting}: ${JSON.stringify(raw)} is not allowed (${why}; a folder, or s3://bucket/prefix)`,
    );
  if (value === "") throw bad("it is empty");
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(value);
  if (!scheme) return { kind: "local", dir: resolve(options.cwd, value) };
  if (scheme[1]!.toLowerCase() !== "s3") throw bad(`${scheme[1]}:// is not a supported store`);
  const rest = value.slice(scheme[0].length);
  if (/[?#]/.test(rest)) throw bad("a query or fragment is not part of an S3 location");
  const slash = rest.indexOf("/");
  const bucket = slash === -1 ? rest : rest.slice(0, slash);
  if (bucket === "") throw bad("it names no bucket");
  // S3's rules (3-63 characters: lowercase letters, digits, dots, hyphens; starts and ends alphanumeric),
  // relaxed to allow underscores, which some S3-compatible stores accept.
  if (!/^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$/.test(bucket) || bucket.includes("..")) {
    throw bad(
      `bucket ${JSON.stringify(bucket)} is not a bucket name: 3-63 lowercase letters, digits, dots and hyphens`,
    );
  }
  const segments = (slash === -1 ? "" : rest.slice(slash + 1)).split("/").filter((s) => s !== "");
  if (segments.some((s) => s === "." || s === "..")) throw bad("the prefix has a . or .. segment");
  return { kind: "s3", bucket, prefix: segments.join("/") };
}

/**
 * The cache to use: `flag` (--cache), else env STORYREEL_CACHE, else the default folder; null when either says
 * "off" (also "none", "false", "0"). An empty STORYREEL_CACHE counts as unset.
 */
export function resolveCacheLocation(options: {
  flag?: string | null;
  /** The option `flag` came from, for messages (default "--cache"). */
  setting?: string;
  env: Env;
  cwd: string;
}): CacheLocation | null {
  const { flag, env, cwd } = options;
  if (flag !== undefined && flag !== null) {
    if (OFF.has(flag.trim().toLowerCase())) return null;
    return parseCacheLocation(flag, { cwd, setting: options.setting ?? "--cache" });
  }
  const fromEnv = env.STORYREEL_CACHE?.trim();
  if (fromEnv) {
    if (OFF.has(fromEnv.toLowerCase())) return null;
    return parseCacheLocation(fromEnv, { cwd, setting: "STORYREEL_CACHE" });
  }
  return { kind: "local", dir: defaultCacheDir(env) };
}

/** $XDG_CACHE_HOME/storyreel/clips, else ~/.cache/storyreel/clips (Windows: %LOCALAPPDATA%\storyreel\clips). */
export function defaultCacheDir(env: Env, platform: NodeJS.Platform = process.platform): string {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, "storyreel", "clips");
  if (platform === "win32" && env.LOCALAPPDATA && isAbsolute(env.LOCALAPPDATA)) {
    return join(env.LOCALAPPDATA, "storyreel", "clips");
  }
  const home = env.HOME && isAbsolute(env.HOME) ? env.HOME : homedir();
  return join(home, ".cache", "storyreel", "clips");
}

/** The location as the user would type it: the folder, or s3://bucket/prefix. */
export function describeLocation(location: CacheLocation): string {
  if (location.kind === "local") return location.dir;
  return `s3://${location.bucket}${location.prefix ? `/${location.prefix}` : ""}`;
}

/** Whether two locations are the same cache. */
export function sameLocation(a: CacheLocation, b: CacheLocation): boolean {
  return describeLocation(a) === describeLocation(b) && a.kind === b.kind;
}

/** STORYREEL_CACHE_READ_ONLY=1/true/yes: look up, never store (for untrusted jobs such as pull requests). */
export function readOnlyFromEnv(env: Env): boolean {
  return ["1", "true", "yes"].includes((env.STORYREEL_CACHE_READ_ONLY ?? "").trim().toLowerCase());
}
