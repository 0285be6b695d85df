// Child-process entry: runs the simulator apart from the bench, so the bench's CPU and RSS are the orchestrator's.
// Started by sim-process.ts with the IPC channel; argv[2] is a JSON SimSpec.
import { startSimulator } from "../src/simulator/index.js";
import { systemClock } from "../src/util/clock.js";
import type { ChildMessage, ParentMessage, SimSpec } from "./sim-protocol.js";
import { snapshotOf } from "./sim-snapshot.js";

function send(message: ChildMessage): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? "{}") as SimSpec;
  const sim = await startSimulator({
    render: "fast",
    latency: spec.latency,
    seed: spec.seed,
    recordRequests: spec.recordRequests ? Infinity : 0,
    clock: systemClock,
    ...(spec.rateLimit ? { rateLimit: spec.rateLimit } : {}),
  });
  process.on("message", (raw: ParentMessage) => {
    if (raw.type === "now") {
      send({ id: raw.id, type: "now", now: systemClock.now() });
    } else if (raw.type === "stats") {
      const cpu = process.cpuUsage();
      const own = {
        cpuMs: (cpu.user + cpu.system) / 1000,
        maxRssBytes: process.resourceUsage().maxRSS * 1024,
      };
      send({ id: raw.id, type: "stats", snapshot: snapshotOf(sim, { recorded: spec.recordRequests, own }) });
    } else if (raw.type === "close") {
      void sim.close().then(() => {
        send({ id: raw.id, type: "closed" });
        process.disconnect();
      });
    }
  });
  // The parent went away without saying close: stop serving so this process ends.
  process.on("disconnect", () => void sim.close());
  send({ type: "ready", url: sim.url });
}

main().catch((err: unknown) => {
  send({ type: "failed", message: err instanceof Error ? err.message : String(err) });
  process.exitCode = 1;
  process.disconnect();
});
