// Registers `storyreel cache` and its subcommands: ls, stats, verify, prune, export, import.
import type { Command } from "commander";
import type { CacheListing } from "../../cache/index.js";
import type { CacheTarget } from "../../commands/cache/index.js";
import { isRefusal } from "../../commands/shared/output-errors.js";
import { hasCode } from "../../util/errors.js";
import type { StoryreelError } from "../../util/errors.js";
import { REFUSED, unlessRefused } from "../refusal.js";
import type { CommandContext } from "../command-context.js";
import type { CliIo } from "../io.js";
import { fromCwd, shownPath } from "../paths.js";

interface CacheFlags {
  cache?: string;
  json?: boolean;
}

interface PruneFlags extends CacheFlags {
  olderThan?: string;
  maxSize?: string;
  dryRun?: boolean;
}

const CACHE_OPTION = [
  "--cache <dir|s3://bucket/prefix>",
  "the cache (default: STORYREEL_CACHE, else ~/.cache/storyreel/clips)",
] as const;

const LOCATION_HELP = `
The cache is a folder (default $XDG_CACHE_HOME/storyreel/clips, else ~/.cache/storyreel/clips) or
S3-compatible storage (s3://bucket/prefix; AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION and
AWS_ENDPOINT_URL for MinIO, R2 and others). --cache, else STORYREEL_CACHE, chooses it.`;

const USAGE_EXIT = "2 bad usage, location or AWS_ENDPOINT_URL (nothing read or written)";

/** The cache and its commands, loaded when a subcommand runs (so `storyreel --help` stays quick). */
async function cacheModules() {
  return {
    ...(await import("../../cache/index.js")),
    ...(await import("../../commands/cache/index.js")),
    ...(await import("../../commands/cache/index.js")),
    ...(await import("../../commands/cache/index.js")),
  };
}

type CacheModules = Awaited<ReturnType<typeof cacheModules>>;

export function registerCache(program: Command, ctx: CommandContext): void {
  const cache = program
    .command("cache")
    .description(
      "the shared clip cache: list, count, verify, prune, and export/import an output folder's clips",
    )
    .addHelpText(
      "after",
      `
Every clip a render pays for is kept in the cache under its exact request (the shot's input_hash,
frames by content) and the backend that made it (the simulator or the API origin). render looks up
every shot it would submit: a hit copies the clip and sends no request. Two folders, two runners or
two people rendering the same shot pay for it once.
${LOCATION_HELP}
STORYREEL_CACHE=off turns the cache off; STORYREEL_CACHE_READ_ONLY=1 looks up but never stores
(for untrusted jobs such as pull requests).

Examples:
  storyreel cache ls
  storyreel cache stats --cache s3://team-clips/storyreel
  storyreel cache verify
  storyreel cache prune --older-than 30d --max-size 20GB
  storyreel cache export renders/harbour --to s3://team-clips/storyreel
  storyreel cache import renders/harbour --from s3://team-clips/storyreel

Exit codes: 0 done, 1 the cache could not be read or written (verify: it found a problem),
${USAGE_EXIT}.`,
    );

  cache
    .command("ls")
    .description("list the cache's entries: key, created, backend, model, seconds, credits, clip")
    .option(...CACHE_OPTION)
    .option("--json", "entries, unusable entries and clips as JSON on stdout")
    .addHelpText(
      "after",
      `${LOCATION_HELP}

Examples:
  storyreel cache ls
  storyreel cache ls --cache s3://team-clips/storyreel --json | jq '.entries[].model'

Exit codes: 0 listed, 1 the cache could not be read, ${USAGE_EXIT}.`,
    )
    .action(async (flags: CacheFlags) => {
      ctx.setExitCode(
        await guarded(ctx.io, async (m) => {
          const { location, listing } = await m.cacheList(target(ctx.io, flags));
          ctx.io.stdout.write(
            flags.json ? json(listingJson(location, listing)) : m.listText(location, listing),
          );
          return 0;
        }),
      );
    });

  cache
    .command("stats")
    .description(
      "count the cache: entries per backend, clips and bytes, shared and orphan clips, credits held",
    )
    .option(...CACHE_OPTION)
    .option("--json", "the counts as JSON on stdout")
    .addHelpText(
      "after",
      `${LOCATION_HELP}

Examples:
  storyreel cache stats
  storyreel cache stats --cache s3://team-clips/storyreel --json

Exit codes: 0 counted, 1 the cache could not be read, ${USAGE_EXIT}.`,
    )
    .action(async (flags: CacheFlags) => {
      ctx.setExitCode(
        await guarded(ctx.io, async (m) => {
          const stats = await m.cacheStats(target(ctx.io, flags));
          ctx.io.stdout.write(flags.json ? json(stats) : m.statsText(stats));
          return 0;
        }),
      );
    });

  cache
    .command("verify")
    .description("re-hash every clip in the cache: corrupt and missing clips, unusable entries")
    .option(...CACHE_OPTION)
    .option("--json", "the report as JSON on stdout")
    .addHelpText(
      "after",
      `
Reads every clip (downloads it, for S3) and checks it against its sha256 and its entries' size.
A render never uses a clip that fails this check: it treats it as a miss, renders the shot and
stores a good copy in its place.
${LOCATION_HELP}

Examples:
  storyreel cache verify
  storyreel cache verify --cache s3://team-clips/storyreel --json | jq '.corrupt'

Exit codes: 0 every clip intact, 1 a corrupt or missing clip or an unusable entry (listed), or the
cache could not be read, ${USAGE_EXIT}.`,
    )
    .action(async (flags: CacheFlags) => {
      ctx.setExitCode(
        await guarded(ctx.io, async (m) => {
          const report = await m.cacheVerify(target(ctx.io, flags));
          ctx.io.stdout.write(flags.json ? json(report) : m.verifyText(report));
          return report.ok ? 0 : 1;
        }),
      );
    });

  cache
    .command("prune")
    .description("remove old entries, or the oldest until the clips fit a size, then clips no entry names")
    .option("--older-than <age>", "remove entries created longer ago than this: 30d, 12h, 2w (s, m, h, d, w)")
    .option(
      "--max-size <size>",
      "then remove the oldest entries until the clips take at most this: 20GB, 500MB, bytes",
    )
    .option("--dry-run", "say what would be removed, remove nothing")
    .option(...CACHE_OPTION)
    .option("--json", "the report as JSON on stdout")
    .addHelpText(
      "after",
      `
Entries go first, then the clips no remaining entry names (a clip shared by a kept entry stays).
Clips that no entry names yet, and unusable entries, are kept for an hour: a writer stores a clip
just before its entry. Sizes: KB, MB, GB, TB (powers of 1024, as storyreel prints them), or bytes.
${LOCATION_HELP}

Examples:
  storyreel cache prune --older-than 30d
  storyreel cache prune --max-size 20GB --dry-run
  storyreel cache prune --older-than 90d --max-size 500GB --cache s3://team-clips/storyreel

Exit codes: 0 pruned (or nothing to prune), 1 the cache could not be read or written,
2 neither --older-than nor --max-size, a bad value, a read-only cache (STORYREEL_CACHE_READ_ONLY),
or a bad location (nothing removed).`,
    )
    .action(async (flags: PruneFlags) => {
      ctx.setExitCode(
        await guarded(ctx.io, async (m) => {
          const options = {
            ...(flags.olderThan !== undefined
              ? { olderThanMs: m.parseDuration("--older-than", flags.olderThan) }
              : {}),
            ...(flags.maxSize !== undefined ? { maxBytes: m.parseSize("--max-size", flags.maxSize) } : {}),
            ...(flags.dryRun ? { dryRun: true } : {}),
          };
          const report = await m.cachePrune(target(ctx.io, flags), options);
          ctx.io.stdout.write(flags.json ? json(report) : m.pruneText(report));
          return 0;
        }),
      );
    });

  cache
    .command("export")
    .description("store every completed shot of an output folder in the cache (e.g. a shared S3 one)")
    .argument("<out-dir>", "output folder of a render (where manifest.json is)")
    .option("--to <dir|s3://bucket/prefix>", "the cache to store into (default: --cache)")
    .option(...CACHE_OPTION)
    .option("--json", "what was stored, already there, skipped or failed, as JSON on stdout")
    .addHelpText(
      "after",
      `
Reads the folder's manifest: each completed shot whose clip is intact is stored under its
input_hash and backend, exactly as render stores it. Entries already in the cache are kept.
${LOCATION_HELP}

Examples:
  storyreel cache export renders/harbour
  storyreel cache export renders/harbour --to s3://team-clips/storyreel

Exit codes: 0 every completed shot is in the cache (shots not completed are listed as skipped),
1 some could not be stored (listed), 2 no manifest.json in the folder, a read-only cache, or a bad
location.`,
    )
    .action(async (outDir: string, flags: CacheFlags & { to?: string }) => {
      ctx.setExitCode(
        await guarded(ctx.io, async (m) => {
          const dir = fromCwd(ctx.io, outDir);
          const to = flags.to !== undefined ? { ...flags, cache: flags.to } : flags;
          const result = await m.withCache(
            target(ctx.io, to, flags.to !== undefined ? "--to" : "--cache"),
            (c) => m.exportFolder({ outDir: dir, cache: c }),
          );
          ctx.io.stdout.write(flags.json ? json(result) : m.exportText(result, shownPath(ctx.io, dir)));
          return result.failed.length === 0 ? 0 : 1;
        }),
      );
    });

  cache
    .command("import")
    .description("put back an output folder's missing or corrupt clips from the cache")
    .argument("<out-dir>", "output folder of a render (where manifest.json is)")
    .option("--from <dir|s3://bucket/prefix>", "the cache to take clips from (default: --cache)")
    .option(...CACHE_OPTION)
    .option("--json", "what was restored, intact, not in the cache or failed, as JSON on stdout")
    .addHelpText(
      "after",
      `
For each completed shot of the folder's manifest whose clip is missing or corrupt, takes that very
clip (its sha256 as recorded) from the cache, checks it and puts it in place. Changes no record, so
status, stitch and report see the folder whole again. Shots not completed are left to render.
${LOCATION_HELP}

Examples:
  storyreel cache import renders/harbour
  storyreel cache import renders/harbour --from s3://team-clips/storyreel && storyreel stitch renders/harbour

Exit codes: 0 every completed shot's clip is intact, 1 some are not in the cache or could not be
fetched (listed), 2 no manifest.json in the folder, the folder is in use by a render, or a bad
location.`,
    )
    .action(async (outDir: string, flags: CacheFlags & { from?: string }) => {
      ctx.setExitCode(
        await guarded(ctx.io, async (m) => {
          const dir = fromCwd(ctx.io, outDir);
          const from = flags.from !== undefined ? { ...flags, cache: flags.from } : flags;
          const result = await m.withCache(
            { ...target(ctx.io, from, flags.from !== undefined ? "--from" : "--cache"), readOnly: true },
            (c) => m.importFolder({ outDir: dir, cache: c }),
          );
          ctx.io.stdout.write(flags.json ? json(result) : m.importText(result, shownPath(ctx.io, dir)));
          return result.missing.length === 0 && result.failed.length === 0 ? 0 : 1;
        }),
      );
    });
}

function target(io: CliIo, flags: CacheFlags, setting = "--cache"): CacheTarget {
  return { ...(flags.cache !== undefined ? { flag: flags.cache } : {}), setting, env: io.env, cwd: io.cwd };
}

/** Runs a subcommand: refusals (bad input) exit 2, a cache that cannot be read or written exits 1. */
async function guarded(io: CliIo, run: (m: CacheModules) => Promise<number>): Promise<number> {
  const m = await cacheModules();
  const refused = (err: unknown): err is StoryreelError =>
    hasCode(err, ...m.CACHE_CONFIG_CODES) || isRefusal(err);
  try {
    const code = await unlessRefused(io, { refused }, () => run(m));
    return code === REFUSED ? 2 : code;
  } catch (err) {
    if (err instanceof m.CacheError) {
      io.stderr.write(`error: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function listingJson(location: string, listing: CacheListing): unknown {
  return {
    location,
    entries: listing.entries.map((e) => e.entry),
    invalid: listing.invalid,
    clips: [...listing.clips].map(([sha256, info]) => ({
      sha256,
      bytes: info.bytes,
      modified: info.modified,
    })),
  };
}
