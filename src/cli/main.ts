// argv → commander → command function → exit code. Nothing here exits the process; bin.ts does.
import { Command, CommanderError } from "commander";
import type { CliIo } from "./io.js";
import { describeFailure } from "./errors.js";
import { packageVersion } from "./version.js";
import { COMMANDS } from "./command-list.js";
import { EXIT_CODES_HELP } from "./command-context.js";

const PROGRAM_HELP = `
Examples:
  storyreel validate story.yaml                   # check it against every model's rules, send nothing
  storyreel plan story.yaml                       # what render would do and cost
  storyreel render examples/storyboards/harbour.yaml --sim   # try it offline on the built-in simulator
  AIML_API_KEY=... storyreel render story.yaml    # render for real; run it again to resume or rerun
  storyreel status renders/story                  # what an output folder holds
  storyreel stitch renders/story                  # the clips as one film

Exit codes of render (every command's --help lists its own, with its examples):
${EXIT_CODES_HELP.replace(/^\nExit codes:\n/, "")}`;

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
    .addHelpText("after", PROGRAM_HELP);
  const ctx = { io, setExitCode: (code: number) => (exitCode = code) };
  for (const register of COMMANDS) register(program, ctx);

  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    const failure = await describeFailure(err, Boolean(io.env.STORYREEL_DEBUG));
    io.stderr.write(`${failure.message}\n`);
    return failure.exitCode;
  }
}
