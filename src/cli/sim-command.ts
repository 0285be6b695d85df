// `storyreel sim`: the AIML-compatible simulator in the foreground until Ctrl-C.
import { readFile } from "node:fs/promises";
import { describeSimulator, parseFaultScript, parseLatencySpec, startSimulator } from "../simulator/index.js";
import type { SimulatorOptions } from "../simulator/index.js";
import type { CliIo } from "./io.js";
import { nonNegativeNumber, UsageError, wholeNumber } from "./option-rules.js";

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
