// `storyreel sim`: the AIML-compatible simulator in the foreground until Ctrl-C.
import { startSimulator } from "../simulator/index.js";
import type { SimulatorOptions } from "../simulator/index.js";
import type { CliIo } from "./io.js";
import { UsageError, latency, wholeNumber } from "./option-rules.js";

export interface SimFlags {
  port?: string;
  latency?: string;
  render?: string;
  rateLimit?: string;
}

export async function simCommand(flags: SimFlags, io: CliIo, until: Promise<void>): Promise<number> {
  const options: SimulatorOptions = {
    ...(flags.port !== undefined ? { port: wholeNumber("--port", flags.port, 0) } : {}),
    ...(flags.latency !== undefined ? { latency: latency("--latency", flags.latency) } : {}),
    ...(flags.rateLimit !== undefined
      ? { rateLimit: { requestsPerSecond: wholeNumber("--rate-limit", flags.rateLimit) } }
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
    `storyreel simulator listening on ${sim.url}\n` +
      `  render against it: AIML_API_KEY=any storyreel render <storyboard> --base-url ${sim.url}\n` +
      `  (or simply: storyreel render <storyboard> --sim)\n` +
      `Ctrl-C to stop.\n`,
  );
  await until;
  await sim.close();
  return 0;
}
