// Size and count limits for storyboard input, in one place so the CLI, docs and tests agree on them.

/**
 * Largest storyboard file read (2 MiB). Enough for 10,000 shots with ~150-character prompts; the `yaml`
 * parser handles about 1.5 MB/s on a small machine, so this also bounds parse time to about a second.
 */
export const MAX_STORYBOARD_BYTES = 2 * 1024 * 1024;

/**
 * Largest frame image accepted (20 MiB raw, from a file or a data: URI). Google's Veo image input is
 * limited to about 20 MB; anything larger is almost surely a raw camera export by mistake, and it would
 * become a base64 request body over 27 MiB per frame.
 */
export const MAX_FRAME_BYTES = 20 * 1024 * 1024;

/**
 * Most nodes YAML aliases may add to a storyboard: each alias (a plain `*name` or a merge key's
 * `<<: *name`) adds every node of what it names, aliases inside counted again. A `<<: *base` of six keys
 * on each of 15,000 shots adds about 200,000; an alias bomb ("billion laughs") passes the limit within a
 * few levels and fails within milliseconds, and an anchor of a large mapping cannot be repeated thousands
 * of times either.
 */
export const MAX_YAML_ALIAS_NODES = 1_000_000;

/** Deepest YAML nesting accepted; a storyboard needs about six levels, params a few more. */
export const MAX_YAML_DEPTH = 64;

/** Longest shot id (ids become file names). */
export const MAX_SHOT_ID_LENGTH = 64;

/** "20 MiB", "1.5 MiB", "312 bytes" for messages. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${bytes} bytes`;
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB (${bytes} bytes)`;
}
