// A finished shot never goes backwards: a rerun that holds shots back (--force --max-credits) keeps their records and clips.
import { afterEach, describe, expect, it } from "vitest";
import { render } from "../../src/commands/render/render.js";
import type { RenderOptions } from "../../src/commands/render/render.js";
import { plan } from "../../src/commands/plan/plan.js";
import { status } from "../../src/commands/status/status.js";
import { stitch } from "../../src/commands/stitch/stitch.js";
import { readManifest } from "../../src/manifest/index.js";
import type { Manifest } from "../../src/manifest/index.js";
import type { RunEvent } from "../../src/scheduler/index.js";
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

describe("a rerun that holds finished shots back", () => {
  it("--force --max-credits covering one shot: the others stay completed with their clips, only one is paid", async () => {
    ws = await makeWorkspace(storyboardYaml(3));
    sim = await startSimulator({ latency: 30, render: "fast" });
    const base: RenderOptions = {
      storyboard: ws.storyboard,
      baseUrl: sim.url,
      apiKey: "k",
      pollInterval: 0.03,
    };

    const first = await render(base);
    expect(first.exitCode).toBe(0);
    expect(sim.stats.jobsCreated).toBe(3);
    const done = await manifest();
    const perShot = first.creditsUsed / 3;
    expect(perShot).toBeGreaterThan(0);

    // room for one shot of three, one at a time: s1 is paid again, s2 and s3 are held back by the cap
    const events: RunEvent[] = [];
    const second = await render({
      ...base,
      selection: { force: true },
      maxCredits: 1.5 * perShot,
      concurrency: 1,
      onEvent: (event) => events.push(event),
    });
    expect(sim.stats.jobsCreated).toBe(4); // only the covered shot was paid
    expect(second.counts).toMatchObject({ completed: 1, skipped: 2 }); // this run's outcome
    expect(second.exitCode).toBe(1);
    const held = events.flatMap((e) => (e.type === "shot_skipped" && e.error ? [[e.id, e.error.code]] : []));
    expect(held).toEqual([
      ["s2", "E_MAX_CREDITS"],
      ["s3", "E_MAX_CREDITS"],
    ]);

    // the manifest keeps their previous records, clip and all
    const after = await manifest();
    expect(after.shots[0]).toMatchObject({ status: "completed" });
    expect(after.shots[0]?.generation_id).not.toBe(done.shots[0]?.generation_id);
    for (const i of [1, 2]) expect(after.shots[i]).toEqual(done.shots[i]);

    // …so every clip is usable: status is complete, stitch builds the film, plan has nothing to pay for
    const st = await status({ outDir: ws.outDir, verify: true });
    expect(st.complete).toBe(true);
    expect(st.clipProblems).toEqual([]);
    const film = await stitch({ outDir: ws.outDir });
    expect(film.clips).toBe(3);
    const next = await plan({ storyboard: ws.storyboard });
    expect(next.totals).toMatchObject({ toSubmit: 0, toResume: 0, upToDate: 3 });
  });
});
