// A render whose submission answers are lost after the simulator accepted them: x-inference-id carries the
// generation id through E_SUBMIT_UNKNOWN to the scheduler, which polls it; no generation is paid twice.
import { afterEach, describe, expect, it } from "vitest";
import { render } from "../../src/commands/render/render.js";
import { startSimulator, type Simulator } from "../../src/simulator/index.js";
import { makeWorkspace, storyboardYaml, type Workspace } from "../helpers/workspace.js";

let sim: Simulator | undefined;
let ws: Workspace | undefined;

afterEach(async () => {
  await sim?.close();
  await ws?.cleanup();
  sim = undefined;
  ws = undefined;
});

describe("x-inference-id through a render", () => {
  it.each([["malformed"], ["drop-after-headers"]] as const)(
    "%s submission answers: every shot completes, one generation each, each id polled",
    async (type) => {
      ws = await makeWorkspace(storyboardYaml(3));
      sim = await startSimulator({ render: "fast", latency: 40 });
      sim.faults.add("submit", { type }, { times: 2 });
      const warnings: string[] = [];
      const result = await render({
        storyboard: ws.storyboard,
        baseUrl: sim.url,
        apiKey: "sk-rescue",
        pollInterval: 0.03,
        concurrency: 1,
        onEvent: (event) => {
          if (event.type === "warning") warnings.push(event.message);
        },
      });
      expect(result.exitCode).toBe(0);
      expect(result.counts.completed).toBe(3);
      expect(sim.stats.requests.submit).toBe(3);
      expect(sim.stats.jobsCreated).toBe(3);
      expect(sim.stats.faultsFired[type]).toBe(2);
      const ids = new Set(sim.stats.jobs.keys());
      expect(result.manifest.shots.every((s) => ids.has(s.generation_id ?? ""))).toBe(true);
      expect(warnings.filter((w) => /named generation .*; polling generation/.test(w))).toHaveLength(2);
    },
  );
});
