// `render --failed` interrupted before all its shots were submitted: the same command renders the ones it did not reach.
import { afterEach, describe, expect, it } from "vitest";
import { render } from "../../src/commands/render/render.js";
import type { RenderOptions } from "../../src/commands/render/render.js";
import { readManifest } from "../../src/manifest/index.js";
import type { Manifest } from "../../src/manifest/index.js";
import { startSimulator } from "../../src/simulator/index.js";
import type { Simulator } from "../../src/simulator/index.js";
import { makeWorkspace, storyboardYaml } from "../helpers/workspace.js";
import type { Workspace } from "../helpers/workspace.js";

let sim: Simulator | undefined;
let ws: Workspace | undefined;

afterEach(async () => {
  await sim?.close();
  await ws?.cleanup();
  sim = undefined;
  ws = undefined;
});

async function manifest(): Promise<Manifest> {
  const m = await readManifest(ws!.outDir);
  if (!m) throw new Error("no manifest");
  return m;
}

const byId = (m: Manifest): Record<string, unknown> =>
  Object.fromEntries(m.shots.map((s) => [s.id, [s.status, s.error?.code ?? null]]));

const submits = (): number => sim!.requests.filter((r) => r.kind === "submit").length;

describe("render --failed, interrupted", () => {
  it("keeps the failed records of the shots it never submitted; the same --failed run renders them", async () => {
    ws = await makeWorkspace(storyboardYaml(3));
    sim = await startSimulator({ latency: 400, render: "fast" });
    const base: RenderOptions = {
      storyboard: ws.storyboard,
      baseUrl: sim.url,
      apiKey: "k",
      pollInterval: 0.03,
    };

    // Every generation of the first run ends in error: three failed shots.
    const handle = sim.faults.add("submit", { type: "job-error", message: "content policy" }, { times: 3 });
    const first = await render(base);
    expect(first.exitCode).toBe(1);
    expect(byId(await manifest())).toEqual({
      s1: ["failed", "E_GENERATION_FAILED"],
      s2: ["failed", "E_GENERATION_FAILED"],
      s3: ["failed", "E_GENERATION_FAILED"],
    });
    handle.cancel();

    // --failed, one at a time, stopped (Ctrl-C) once the first of them is submitted.
    const controller = new AbortController();
    const stopped = await render({
      ...base,
      selection: { failed: true },
      concurrency: 1,
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === "shot_submitted") controller.abort();
      },
    });
    expect(stopped.exitCode).toBe(130);
    expect(submits()).toBe(4);
    const afterStop = await manifest();
    expect(byId(afterStop)).toEqual({
      s1: ["submitted", null],
      s2: ["failed", "E_GENERATION_FAILED"],
      s3: ["failed", "E_GENERATION_FAILED"],
    });
    expect(stopped.counts).toMatchObject({ inFlight: 1, failed: 2, pending: 0 });

    // The same command: the two it never reached are selected and rendered (s1, in flight, is not --failed's).
    const again = await render({ ...base, selection: { failed: true }, concurrency: 1 });
    expect(again.counts).toMatchObject({ completed: 2, excluded: 1 });
    expect(submits()).toBe(6);
    const done = await manifest();
    expect(byId(done)).toEqual({
      s1: ["submitted", null],
      s2: ["completed", null],
      s3: ["completed", null],
    });
    expect(done.shots[0]?.generation_id).toBe(afterStop.shots[0]?.generation_id);
  });
});
