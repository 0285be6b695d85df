// argv → commander → command function → exit code. Nothing here exits the process; bin.ts does.
import { Command, CommanderError } from "commander";
import type { CliIo } from "./io.js";
import { describeFailure } from "./errors.js";
import { packageVersion } from "./version.js";
import { COMMANDS } from "./command-list.js";
import { EXIT_CODES_HELP } from "./command-context.js";

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
    .addHelpText("after", EXIT_CODES_HELP);
  const ctx = { io, setExitCode: (code: number) => (exitCode = code) };
  for (const register of COMMANDS) register(program, ctx);

  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    const failure = describeFailure(err, Boolean(io.env.STORYREEL_DEBUG));
    io.stderr.write(`${failure.message}\n`);
    return failure.exitCode;
  }
}
