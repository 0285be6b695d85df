// One simulator and one workspace per test, closed after it: the setup most end-to-end tests share.
import { afterEach } from "vitest";
import { startSimulator } from "../../src/simulator/index.js";
import type { Simulator, SimulatorOptions } from "../../src/simulator/index.js";
import { runMainWith } from "./main-io.js";
import type { MainRun } from "./main-io.js";
import { makeWorkspace } from "./workspace.js";
import type { Workspace } from "./workspace.js";

export interface SimWorkspace {
  /** The test's simulator (throws before `start`). */
  readonly sim: Simulator;
  /** The test's temp folder with frames and story.yaml (throws before `start`). */
  readonly ws: Workspace;
  /** Writes `yaml` as story.yaml into a new workspace and starts a simulator (fast clips unless told). */
  start(yaml: string, sim?: SimulatorOptions): Promise<void>;
  /** `storyreel render story.yaml` against the simulator, polling every 50 ms, with the test's key. */
  render(extra?: readonly string[]): Promise<MainRun>;
  /** Submissions the simulator has received (each may have created a paid generation). */
  submits(): number;
}

/** Registers the afterEach that closes the simulator and removes the workspace; call once per test file. */
export function useSimWorkspace(options: { key: string }): SimWorkspace {
  let sim: Simulator | undefined;
  let ws: Workspace | undefined;
  afterEach(async () => {
    await sim?.close();
    await ws?.cleanup();
    sim = ws = undefined;
  });
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started: call start() first`);
    return value;
  };
  return {
    get sim() {
      return need(sim, "the simulator");
    },
    get ws() {
      return need(ws, "the workspace");
    },
    async start(yaml, simOptions = {}) {
      ws = await makeWorkspace(yaml);
      sim = await startSimulator({ latency: 50, render: "fast", ...simOptions });
    },
    render(extra = []) {
      const args = [
        "render",
        need(ws, "the workspace").storyboard,
        "--base-url",
        need(sim, "the simulator").url,
      ];
      return runMainWith([...args, "--poll-interval", "0.05", ...extra], {
        env: { AIML_API_KEY: options.key },
      });
    },
    submits: () => need(sim, "the simulator").requests.filter((r) => r.kind === "submit").length,
  };
}
