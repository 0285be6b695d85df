// Registers `storyreel render`.
import { Option } from "commander";
import type { Command } from "commander";
import { RENDER_DEFAULTS } from "../render-defaults.js";
import type { RenderFlags } from "../render-command.js";
import type { CommandContext } from "../command-context.js";
import { EXIT_CODES_HELP } from "../command-context.js";

export function registerRender(program: Command, ctx: CommandContext): void {
  program
    .command("render")
    .description("validate, submit, poll and download every shot; write clips, manifest.json and concat.txt")
    .argument("<storyboard>", "storyboard YAML file")
    .option(
      "-o, --out <dir>",
      "output folder (default: the storyboard's output:, else renders/<name> beside it)",
    )
    .option("--sim", "render on the built-in simulator (no key, no network)")
    .option("--sim-latency <seconds>", "simulated generation time with --sim: 3, or a range like 2-4")
    .addOption(numeric("-c, --concurrency <n>", "generations in flight at most", RENDER_DEFAULTS.concurrency))
    .addOption(
      numeric(
        "--poll-interval <seconds>",
        "shortest wait between two polls of one shot (fractions allowed)",
        RENDER_DEFAULTS.pollInterval,
      ),
    )
    .addOption(
      numeric(
        "--shot-timeout <seconds>",
        "fail a shot still unfinished after this long",
        RENDER_DEFAULTS.shotTimeout,
      ),
    )
    .option("--max-credits <n>", "never submit a shot that could take spend past n credits")
    .option("--max-usd <usd>", "the same cap in US dollars ($1 = 2,000,000 credits)")
    .addOption(
      numeric(
        "--reconcile-grace <seconds>",
        "how long the API's request logs may lag behind a lost submission before it is paid again",
        "300",
      ),
    )
    .option(
      "--resubmit-unknown",
      "submit shots of unknown outcome again even when the request logs cannot be read (may pay twice)",
    )
    .option("--only <ids>", "render just these shots (comma-separated ids)")
    .option("--force", "render again even shots that are up to date (pays again)")
    .option("--failed", "render only shots that failed, are unknown or were skipped in the manifest")
    .option("--shard <i/n>", "render only this runner's share of the shots (by id hash)")
    .option("--base-url <url>", "API base URL (env AIML_API_BASE; default https://api.aimlapi.com)")
    .option(
      "--cache <location>",
      "shared clip cache: a folder or s3://bucket/prefix (env STORYREEL_CACHE; default: the user's cache folder)",
    )
    .option("--no-cache", "do not use the clip cache")
    .option("--cache-read-only", "look clips up in the cache but never store any (untrusted jobs)")
    .option("--json", "NDJSON events on stdout, nothing else there")
    .option(
      "-q, --quiet",
      "errors only: failed, unknown and skipped shots and the command to rerun them, on stderr",
    )
    .addHelpText(
      "after",
      `
The API key comes from AIML_API_KEY (alias AIMLAPI_KEY) and is sent to the API host only.

Examples:
  storyreel render examples/storyboards/harbour.yaml --sim
  AIML_API_KEY=... storyreel render story.yaml -c 8
  storyreel render story.yaml --failed          # render again what failed last time
  storyreel render story.yaml --only open,mona  # just these shots
${EXIT_CODES_HELP}`,
    )
    .action(async (file: string, flags: RenderFlags) => {
      const { renderCommand } = await import("../render-command.js");
      ctx.setExitCode(await renderCommand(file, flags, ctx.io));
    });
}

/** An option whose default is a number: shown as `(default: 4)`, not commander's quoted `(default: "4")`. */
function numeric(flags: string, description: string, value: string): Option {
  return new Option(flags, description).default(value, value);
}
