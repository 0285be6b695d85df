// A folder rendered on one backend is never "up to date" on another: the simulator's clips never pass for paid ones.
import { afterEach, describe, expect, it } from "vitest";
import { readManifest } from "../../src/manifest/index.js";
import { startSimulator } from "../../src/simulator/index.js";
import type { Simulator } from "../../src/simulator/index.js";
import { runMainWith } from "../helpers/main-io.js";
import { makeWorkspace, storyboardYaml } from "../helpers/workspace.js";
import type { Workspace } from "../helpers/workspace.js";

const KEY = "sk-test-backends-0c1d2e";
const servers: Simulator[] = [];
let ws: Workspace | undefined;
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await ws?.cleanup();
  ws = undefined;
});

async function simulator(): Promise<Simulator> {
  const sim = await startSimulator({ latency: 50, render: "fast" });
  servers.push(sim);
  return sim;
}
const submits = (sim: Simulator): number => sim.requests.filter((r) => r.kind === "submit").length;
const polls = (sim: Simulator): number => sim.requests.filter((r) => r.kind === "poll").length;

describe("results know where they came from", () => {
  it("a folder rendered with --sim renders again, for real, against another backend; plan says why", async () => {
    ws = await makeWorkspace(storyboardYaml(2));
    const fast = ["--poll-interval", "0.05"];
    const onSim = await runMainWith(["render", ws.storyboard, "--sim", "--sim-latency", "0.05", ...fast]);
    expect(onSim.code, onSim.stderr).toBe(0);
    expect((await readManifest(ws.outDir))?.shots.map((s) => s.backend)).toEqual(["simulator", "simulator"]);

    const api = await simulator(); // a separately started server: "the API" for this run
    const planned = await runMainWith(["plan", ws.storyboard, "--base-url", api.url]);
    expect(planned.code, planned.stderr).toBe(0);
    expect(planned.stdout).toMatch(
      /^s1 +render .*rendered on the simulator; its clip is not used for a run here/m,
    );
    expect(planned.stdout).toMatch(/^s2 +render .*rendered on the simulator/m);
    expect(submits(api)).toBe(0); // plan sends no generation

    const real = await runMainWith(["render", ws.storyboard, "--base-url", api.url, ...fast], {
      env: { AIML_API_KEY: KEY },
    });
    expect(real.code, real.stderr).toBe(0);
    expect(submits(api)).toBe(2);
    const manifest = await readManifest(ws.outDir);
    expect(manifest?.shots.map((s) => [s.status, s.backend])).toEqual([
      ["completed", new URL(api.url).origin],
      ["completed", new URL(api.url).origin],
    ]);

    // And back: the simulator does not take the API's records as its own either.
    const again = await runMainWith(["plan", ws.storyboard, "--sim"]);
    expect(again.stdout).toMatch(
      new RegExp(`^s1 +render .*rendered on ${new URL(api.url).origin.replace(/[.]/g, "\\.")}`, "m"),
    );
  });

  it("a generation left unfinished on one backend is never polled on another", async () => {
    ws = await makeWorkspace(storyboardYaml(1));
    const first = await simulator();
    first.faults.add("submit", { type: "never-finish" });
    const timedOut = await runMainWith(
      ["render", ws.storyboard, "--base-url", first.url, "--poll-interval", "0.05", "--shot-timeout", "0.5"],
      { env: { AIML_API_KEY: KEY } },
    );
    expect(timedOut.code).toBe(1);
    const id = (await readManifest(ws.outDir))?.shots[0]?.generation_id;
    expect(id).toBeTruthy(); // on the same backend, the next run would poll it again

    const second = await simulator();
    const args = ["render", ws.storyboard, "--base-url", second.url, "--poll-interval", "0.05"];
    const planned = await runMainWith(["plan", ws.storyboard, "--base-url", second.url]);
    expect(planned.stdout).toContain(`its generation ${id} is not polled here`);
    const run = await runMainWith(args, { env: { AIML_API_KEY: KEY } });
    expect(run.code, run.stderr).toBe(0);
    expect(submits(second)).toBe(1);
    expect(polls(second)).toBeGreaterThan(0);
    expect(second.requests.some((r) => r.path.includes(id!))).toBe(false);
  });
});
