// A render killed (SIGKILL) while a POST is on the wire: the shot is `unknown` (E_SUBMIT_INTERRUPTED), never pending, and the rerun says so.
import { afterEach, describe, expect, it } from "vitest";
import { readManifest } from "../../src/manifest/index.js";
import { startSimulator } from "../../src/simulator/index.js";
import type { Simulator } from "../../src/simulator/index.js";
import { exited, spawnCli } from "../helpers/cli.js";
import { runMainWith } from "../helpers/main-io.js";
import { until } from "../helpers/wait.js";
import { makeWorkspace, storyboardYaml } from "../helpers/workspace.js";
import type { Workspace } from "../helpers/workspace.js";

const KEY = "sk-test-submit-interrupted-1f2e3d";
let sim: Simulator | undefined;
let ws: Workspace | undefined;
let child: ReturnType<typeof spawnCli> | undefined;

afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    child.kill("SIGKILL");
    await exited(child);
  }
  child = undefined;
  await sim?.close();
  await ws?.cleanup();
  sim = undefined;
  ws = undefined;
});

function renderArgs(): string[] {
  return ["render", ws!.storyboard, "--base-url", sim!.url, "-c", "1", "--poll-interval", "0.05"];
}

describe("a render killed with a submission on the wire", () => {
  it("leaves the shot unknown E_SUBMIT_INTERRUPTED; plan, status and the rerun warn that it may have been charged", async () => {
    ws = await makeWorkspace(storyboardYaml(2));
    sim = await startSimulator({ latency: 100, render: "fast" });
    sim.faults.add("submit", { type: "delay", ms: 60_000 }); // the first POST stalls
    child = spawnCli(renderArgs(), { env: { AIML_API_KEY: KEY } });
    await until(() => {
      const out = child!.output();
      if (out.code !== null || out.signal !== null) throw new Error(`the CLI exited early:\n${out.stderr}`);
      return sim!.requests.some((r) => r.kind === "submit");
    }, 20_000);
    child.kill("SIGKILL");
    await exited(child);
    expect(child.output().signal).toBe("SIGKILL");

    const killed = await readManifest(ws.outDir);
    expect(killed?.shots[0]).toMatchObject({
      id: "s1",
      status: "unknown",
      generation_id: null,
      error: {
        code: "E_SUBMIT_INTERRUPTED",
        message:
          "the run ended while this submission was on its way; it may have been created and charged — check the AIML usage page, then render again with --only s1 to submit it once more",
      },
    });
    expect(killed?.shots[1]).toMatchObject({ id: "s2", status: "pending", error: null });

    const planned = await runMainWith(["plan", ws.storyboard]);
    expect(planned.code, planned.stderr).toBe(0);
    expect(planned.stdout).toMatch(
      /^s1 .*unknown last time \(E_SUBMIT_INTERRUPTED\): it may have been created and charged/m,
    );

    const status = await runMainWith(["status", ws.outDir]);
    expect(status.code).toBe(1);
    expect(status.stdout).toMatch(/^s1 .*unknown.*E_SUBMIT_INTERRUPTED/m);
    expect(status.stdout).toContain("may have been charged");

    // At once, the request logs may simply not show it yet: not paid again within the grace period.
    const submitsBefore = sim.requests.filter((r) => r.kind === "submit").length;
    const held = await runMainWith(renderArgs(), { env: { AIML_API_KEY: KEY } });
    expect(held.code).toBe(1);
    expect(`${held.stdout}${held.stderr}`).toMatch(/s1 .*E_RECONCILE_PENDING/);
    expect(sim.requests.filter((r) => r.kind === "submit").length - submitsBefore).toBe(1); // s2 only
    expect((await readManifest(ws.outDir))?.shots[0]?.status).toBe("unknown");

    // Past the grace (0 here), the logs' silence means the killed POST made nothing: submitted again, saying so.
    const rerun = await runMainWith([...renderArgs(), "--reconcile-grace", "0"], {
      env: { AIML_API_KEY: KEY },
    });
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(`${rerun.stdout}${rerun.stderr}`).toMatch(
      /s1 +reconciled +its last submission \(request sr:[^)]+\) is not in the request logs \d+ s later: it made no generation; submitting again/,
    );
    const done = await readManifest(ws.outDir);
    expect(done?.shots.map((s) => [s.status, s.error])).toEqual([
      ["completed", null],
      ["completed", null],
    ]);
  });
});
