// Child-process entry (compiled to plain JS by compile.ts): one storyreel run, so CPU and peak RSS are its own.
import { systemClock } from "../src/util/clock.js";
import { runStoryreel } from "./orchestrate.js";
import type { WorkerInput, WorkerMessage } from "./worker-protocol.js";

function send(message: WorkerMessage): Promise<void> {
  return new Promise((resolve) => process.send?.(message, () => resolve()) ?? resolve());
}

async function main(): Promise<void> {
  const input = JSON.parse(process.argv[2] ?? "{}") as WorkerInput;
  const { record, ...outcome } = await runStoryreel({ ...input, clock: systemClock });
  await send({
    type: "done",
    outcome: {
      ...outcome,
      processMaxRssBytes: process.resourceUsage().maxRSS * 1024,
      shotIds: record.shotIds.slice(),
      generationIds: [...record.generationIds],
      startedAtEpochMs: performance.timeOrigin + record.startedAt,
      elapsedMs: record.elapsedMs,
      shots: [...record.shots],
    },
  });
}

main()
  .catch(async (err: unknown) => {
    process.exitCode = 1;
    await send({ type: "failed", message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  })
  .finally(() => process.disconnect());
