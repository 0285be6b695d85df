// `npm run bench`: storyreel's scheduler against the simulator over real HTTP; Markdown to stdout, JSON to a file.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { systemClock } from "../src/util/clock.js";
import { parseBenchArgs, USAGE } from "./args.js";
import { runBench } from "./bench.js";
import { childProcessSim } from "./sim-process.js";
import { renderReport } from "./table.js";

async function main(): Promise<void> {
  const options = parseBenchArgs(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const started = systemClock.now();
  const report = await runBench(options, {
    clock: systemClock,
    startSim: childProcessSim(systemClock),
    log: (line) =>
      process.stderr.write(`[bench ${((systemClock.now() - started) / 1000).toFixed(0)} s] ${line}\n`),
  });
  process.stdout.write(renderReport(report));
  const out = resolve(options.out);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(report, jsonSafe, 2)}\n`);
  process.stderr.write(`[bench] results written to ${out}\n`);
}

/** Infinity and NaN are not JSON: write them as strings rather than null. */
function jsonSafe(_key: string, value: unknown): unknown {
  return typeof value === "number" && !Number.isFinite(value) ? String(value) : value;
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
