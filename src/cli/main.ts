// argv → commander → command function → exit code. Nothing here exits the process; bin.ts does.
import { Command, CommanderError } from "commander";
import type { CliIo } from "./io.js";
import { describeFailure } from "./errors.js";
import { renderCommand } from "./render-command.js";
import type { RenderFlags } from "./render-command.js";
import { validateCommand } from "./validate-command.js";
import { simCommand } from "./sim-command.js";
import type { SimFlags } from "./sim-command.js";
import { packageVersion } from "./version.js";

const EXIT_CODES = `
Exit codes:
  0    every selected shot completed (or was already up to date)
  1    at least one shot failed, was skipped or is unfinished (the others still finished)
  2    invalid storyboard, usage or configuration; or the API refused the key or credits (401/403)
  130  interrupted (Ctrl-C / SIGTERM); rerun the same command to resume`;

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  const program = new Command("storyreel")
    .description("Render a YAML storyboard of video shots through the AIML API's video models.")
    .version(packageVersion(), "-v, --version")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .showHelpAfterError("(run with --help for usage)")
    .addHelpText("after", EXIT_CODES);

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
    .option("-c, --concurrency <n>", "generations in flight at most", "4")
    .option(
      "--poll-interval <seconds>",
      "shortest wait between two polls of one shot (fractions allowed)",
      "2",
    )
    .option("--shot-timeout <seconds>", "fail a shot still unfinished after this long", "1200")
    .option("--max-credits <n>", "never submit a shot that could take spend past n credits")
    .option("--only <ids>", "render just these shots (comma-separated ids)")
    .option("--force", "render again even shots that are up to date (pays again)")
    .option("--failed", "render only shots that failed or are unknown in the manifest")
    .option("--shard <i/n>", "render only this runner's share of the shots (by id hash)")
    .option("--base-url <url>", "API base URL (env AIML_API_BASE; default https://api.aimlapi.com)")
    .option("--json", "NDJSON events on stdout, nothing else there")
    .option("-q, --quiet", "no progress and no summary; errors only")
    .addHelpText(
      "after",
      `
The API key comes from AIML_API_KEY (alias AIMLAPI_KEY) and is sent to the API host only.

Examples:
  storyreel render examples/storyboards/harbour.yaml --sim
  AIML_API_KEY=... storyreel render story.yaml -c 8
  storyreel render story.yaml --failed          # render again what failed last time
  storyreel render story.yaml --only open,mona  # just these shots
${EXIT_CODES}`,
    )
    .action(async (file: string, flags: RenderFlags) => {
      exitCode = await renderCommand(file, flags, io);
    });

  program
    .command("validate")
    .description("check storyboards against the format and every model's rules; send nothing, write nothing")
    .argument("<files...>", "storyboard YAML files")
    .option("--json", "machine-readable result on stdout")
    .addHelpText(
      "after",
      `
Examples:
  storyreel validate story.yaml
  storyreel validate examples/storyboards/*.yaml --json

Exit codes: 0 all valid, 2 any problem.`,
    )
    .action(async (files: string[], flags: { json?: boolean }) => {
      exitCode = await validateCommand(files, flags, io);
    });

  program
    .command("sim")
    .description("run the local AIML-compatible simulator (for tests and trying storyreel offline)")
    .option("-p, --port <port>", "port on 127.0.0.1 (default: any free port)")
    .option("--latency <seconds>", "generation time: 3, or a range like 2-4 (default 2-4)")
    .option("--render <mode>", "ffmpeg (real clips from the frames) or fast (one tiny clip)", "ffmpeg")
    .option("--rate-limit <n>", "answer 429 beyond n requests per second")
    .addHelpText(
      "after",
      `
Examples:
  storyreel sim --port 8787
  AIML_API_KEY=any storyreel render story.yaml --base-url http://127.0.0.1:8787`,
    )
    .action(async (flags: SimFlags) => {
      exitCode = await simCommand(flags, io, untilSignal());
    });

  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? 0 : 2;
    }
    const failure = describeFailure(err, Boolean(io.env.STORYREEL_DEBUG));
    io.stderr.write(`${failure.message}\n`);
    return failure.exitCode;
  }
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once("SIGINT", () => resolve());
    process.once("SIGTERM", () => resolve());
  });
}
