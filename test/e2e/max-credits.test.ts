// --max-credits over real HTTP: estimates from earlier credits_used, shots past the cap skipped, unknown prices refused.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { render } from "../../src/commands/render/render.js";
import { plan } from "../../src/commands/plan/plan.js";
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

describe("--max-credits", () => {
  it("refuses shots whose price is unknown: nothing is submitted under a cap", async () => {
    ws = await makeWorkspace(storyboardYaml(2));
    sim = await startSimulator({ latency: 30, render: "fast" });
    // No catalogue (its route fails) and no earlier render here: no price is known.
    sim.faults.add("models", { type: "status", status: 500 }, { times: "always" });
    const result = await render({
      storyboard: ws.storyboard,
      baseUrl: sim.url,
      apiKey: "k",
      pollInterval: 0.03,
      maxCredits: 1e12,
    });
    expect(result.exitCode).toBe(1);
    expect(result.counts.skipped).toBe(2);
    expect(sim.stats.requests.submit).toBe(0);
    const manifest = JSON.parse(await readFile(join(ws.outDir, "manifest.json"), "utf8")) as Manifest;
    expect(manifest.shots[0]).toMatchObject({ status: "skipped", error: { code: "E_PRICE_UNKNOWN" } });
    expect(manifest.shots[0]?.error?.message).toBe(
      "not submitted: no price is known for google/veo-3.1-first-last-image-to-video-fast at 720p: render one such shot without --max-credits first, e.g. `--only s1`",
    );
  });

  it("prices shots from credits_used seen before and never submits past the cap", async () => {
    ws = await makeWorkspace(storyboardYaml(4));
    sim = await startSimulator({ latency: 30, render: "fast" });
    const base = { storyboard: ws.storyboard, baseUrl: sim.url, apiKey: "k", pollInterval: 0.03 };
    const first = await render({ ...base, selection: { only: ["s1"] } });
    expect(first.exitCode).toBe(0);
    const perShot = first.creditsUsed;
    expect(perShot).toBeGreaterThan(0);

    const planned = await plan({ storyboard: ws.storyboard });
    expect(planned.totals.toSubmit).toBe(3);
    expect(planned.totals.estimatedCredits).toBe(3 * perShot);
    expect(planned.shots[1]?.estimate.basis).toContain("observed");

    // room for two of the three remaining shots
    const second = await render({ ...base, maxCredits: 2.5 * perShot, concurrency: 1 });
    expect(second.exitCode).toBe(1);
    expect(second.counts).toMatchObject({ completed: 2, skipped: 1 });
    const skipped = second.manifest.shots.find((s) => s.status === "skipped");
    expect(skipped?.error?.code).toBe("E_MAX_CREDITS");
    expect(second.creditsUsed).toBeLessThanOrEqual(2.5 * perShot);
    expect(sim.stats.jobsCreated).toBe(3);
  });
});
