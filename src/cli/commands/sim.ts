// `storyreel sim`: its flags and help, and running the local AIML-compatible simulator until stopped.
import { readFile } from "node:fs/promises";
import { Option } from "commander";
import type { Command } from "commander";
import type { SimulatorOptions } from "../../simulator/index.js";
import type { CommandContext } from "../command-context.js";
import type { CliIo } from "../io.js";
import { nonNegativeNumber, UsageError, wholeNumber } from "../option-rules.js";
import { faultScriptHelp } from "../sim-faults-help.js";

export function registerSim(program: Command, ctx: CommandContext): void {
  program
    .command("sim")
    .description("run the local AIML-compatible simulator (for tests and trying storyreel offline)")
    .option("-p, --port <port>", "port on 127.0.0.1 (default: any free port)")
    .option("--latency <seconds>", "generation time: 3, or a range like 2-4 (default 2-4)")
    .addOption(new Option("--sim-latency <seconds>", "the same as --latency (as on render)").hideHelp())
    .option("--render <mode>", "ffmpeg (real clips from the frames) or fast (one tiny clip)", "ffmpeg")
    .option("--rate-limit <n>", "answer 429 beyond n requests per second")
    .option("--faults <json|file>", "a fault script: JSON array of rules, inline or in a file")
    .option("--balance <usd>", "GET /v2/billing's starting balance in USD (default 100)")
    .option(
      "--logs-delay <seconds>",
      "a submission's row appears in GET /v2/logs this long after it (default 0)",
    )
    .addHelpText(
      "after",
      `
Examples:
  storyreel sim --port 8787
  storyreel sim --latency 1-2 --faults '[{"kind":"poll","fault":{"type":"status","status":503},"times":3}]'
  storyreel sim --faults faults.json   # the same array, in a file
  storyreel sim --balance 5 --logs-delay 30   # a $5 account whose request logs lag 30 s behind
  AIML_API_KEY=any storyreel render story.yaml --base-url http://127.0.0.1:8787

${faultScriptHelp()}

Exit codes: 0 stopped with Ctrl-C / SIGTERM, 2 usage or configuration (a bad option or fault script,
the port in use or not allowed).`,
    )
    .action(async (flags: SimFlags & { simLatency?: string }) => {
      const { simLatency, ...rest } = flags;
      const latency = rest.latency ?? simLatency;
      ctx.setExitCode(
        await simCommand({ ...rest, ...(latency === undefined ? {} : { latency }) }, ctx.io, untilSignal()),
      );
    });
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once("SIGINT", () => resolve());
    process.once("SIGTERM", () => resolve());
  });
}

export interface SimFlags {
  port?: string;
  latency?: string;
  render?: string;
  rateLimit?: string;
  faults?: string;
  balance?: string;
  logsDelay?: string;
}

export async function simCommand(flags: SimFlags, io: CliIo, until: Promise<void>): Promise<number> {
  const { describeSimulator, parseFaultScript, parseLatencySpec, startSimulator } =
    await import("../../simulator/index.js");
  const options: SimulatorOptions = {
    ...(flags.port !== undefined ? { port: wholeNumber("--port", flags.port, 0) } : {}),
    ...(flags.latency !== undefined ? { latency: parseLatencySpec(flags.latency, { unit: "s" }) } : {}),
    ...(flags.rateLimit !== undefined
      ? { rateLimit: { requestsPerSecond: wholeNumber("--rate-limit", flags.rateLimit) } }
      : {}),
    ...(flags.faults !== undefined ? { faults: parseFaultScript(await readFaults(flags.faults)) } : {}),
    ...(flags.balance !== undefined ? { balanceUsd: nonNegativeNumber("--balance", flags.balance) } : {}),
    ...(flags.logsDelay !== undefined
      ? { logsDelayMs: nonNegativeNumber("--logs-delay", flags.logsDelay) * 1000 }
      : {}),
  };
  if (flags.render !== undefined) {
    if (flags.render !== "ffmpeg" && flags.render !== "fast") {
      throw new UsageError(`--render: ${JSON.stringify(flags.render)} is not allowed (ffmpeg, fast)`);
    }
    options.render = flags.render;
  }
  const sim = await startSimulator(options);
  io.stdout.write(
    `${describeSimulator(sim).join("\n")}\n` +
      `Render against it: AIML_API_KEY=any storyreel render <storyboard> --base-url ${sim.url}\n` +
      `Ctrl-C to stop.\n`,
  );
  await until;
  await sim.close();
  return 0;
}

/** --faults takes a JSON array inline or the path of a file holding one. */
async function readFaults(value: string): Promise<string> {
  if (value.trim().startsWith("[")) return value;
  try {
    return await readFile(value, "utf8");
  } catch (err) {
    throw new UsageError(
      `--faults: cannot read ${JSON.stringify(value)} (${(err as Error).message}); give a JSON array or a file holding one`,
    );
  }
}
