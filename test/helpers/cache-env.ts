// Tests render with the clip cache off unless they choose where it lives: hits would change what servers count.
type Env = Record<string, string | undefined>;

/** `env` with STORYREEL_CACHE "off" unless it names a cache (STORYREEL_CACHE) or its home (XDG_CACHE_HOME). */
export function withCacheOff(env: Env): Env {
  if (env.STORYREEL_CACHE !== undefined || env.XDG_CACHE_HOME !== undefined) return env;
  return { ...env, STORYREEL_CACHE: "off" };
}
