// Where storyreel keeps what it caches for the user: $STORYREEL_CACHE_HOME, else $XDG_CACHE_HOME/storyreel, else ~/.cache/storyreel.
import { isAbsolute, join } from "node:path";

/**
 * The folder from the environment given (the CLI passes its own), or null when none can be named: then
 * nothing is cached. XDG says a relative XDG_CACHE_HOME is invalid and is ignored.
 */
export function resolveCacheDir(env: Readonly<Record<string, string | undefined>>): string | null {
  const own = env.STORYREEL_CACHE_HOME?.trim();
  if (own) return own;
  const xdg = env.XDG_CACHE_HOME?.trim();
  if (xdg && isAbsolute(xdg)) return join(xdg, "storyreel");
  const home = (env.HOME ?? env.USERPROFILE)?.trim();
  if (home && isAbsolute(home)) return join(home, ".cache", "storyreel");
  return null;
}
