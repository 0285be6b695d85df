// action.yml: every input is used and every output set (parsed with `yaml`), the key is never in a script, and the
// composite steps run for real (bash, as a runner runs them) against the simulator with a folder and an S3 cache.
import { chmod, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { requireModel } from "../../src/catalog/index.js";
import { simulatedCredits, startSimulator } from "../../src/simulator/index.js";
import type { Simulator } from "../../src/simulator/index.js";
import { makeWorkspace, storyboardYaml } from "../helpers/workspace.js";
import type { Workspace } from "../helpers/workspace.js";
import { ROOT } from "../helpers/dist.js";
import { readAction, runAction } from "./action-runner.js";
import type { ActionFile, ActionRun } from "./action-runner.js";
import { BUCKET, startS3Server } from "./s3-server.js";

const ACTION = join(ROOT, "action.yml");
const KEY = "sk-action-secret-7f3a9c";

/** What the simulator charges for one shot of storyboardYaml (4 s at 720p, with sound when the model makes it by default). */
const SHOT_CREDITS = ((): number => {
  const model = requireModel("google/veo-3.1-first-last-image-to-video-fast");
  const audioKey = model.fields.generate_audio;
  const audio = audioKey !== undefined && model.properties[audioKey]?.default === true;
  return simulatedCredits(
    model,
    { durationSeconds: 4, resolution: "720p", audio },
    { priceScale: 1, chargeScale: 1 },
  );
})();

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");

/** Every place a step can use an expression, as text. */
function stepText(action: ActionFile): string {
  return action.runs.steps
    .map((s) =>
      [
        s.if ?? "",
        s["working-directory"] ?? "",
        ...Object.values(s.env ?? {}),
        ...Object.values(s.with ?? {}),
      ].join("\n"),
    )
    .join("\n");
}

describe("action.yml", () => {
  it("is a composite action whose inputs are all used and whose outputs are all set", async () => {
    const action = await readAction(ACTION);
    expect(action.runs.using).toBe("composite");
    expect(
      Object.entries(action.inputs)
        .filter(([, i]) => i.required)
        .map(([n]) => n),
    ).toEqual(["storyboard"]);
    const text = stepText(action);
    for (const name of Object.keys(action.inputs)) {
      expect(text, `input ${name} is used`).toMatch(new RegExp(`inputs\\.${escape(name)}(?![\\w-])`));
    }
    const ids = new Map(action.runs.steps.filter((s) => s.id).map((s) => [s.id!, s]));
    for (const [name, output] of Object.entries(action.outputs)) {
      const match = /^\$\{\{ steps\.([\w-]+)\.outputs\.([\w-]+) \}\}$/.exec(output.value);
      expect(match, `output ${name}: ${output.value}`).not.toBeNull();
      const step = ids.get(match![1]!);
      expect(step?.run, `output ${name}: step ${match![1]} runs a script`).toBeDefined();
      const key = escape(match![2]!);
      expect(step!.run, `output ${name}: step ${match![1]} sets ${match![2]}`).toMatch(
        new RegExp(`echo "${key}=|^\\s*echo "${key}=|set\\("${key}"`, "m"),
      );
    }
  });

  it("passes inputs to scripts through env only, and the API key only as one env value", async () => {
    const action = await readAction(ACTION);
    for (const step of action.runs.steps) {
      expect(step.run ?? "", `${step.name}: no expression inside a script (injection)`).not.toContain("${{");
      expect(step.run ?? "").not.toMatch(/set -[a-z]*x|xtrace/);
    }
    const uses = action.runs.steps.flatMap((s) =>
      Object.entries({ ...s.env, ...s.with }).filter(([, v]) => String(v).includes("inputs.api-key")),
    );
    expect(uses).toEqual([["STORYREEL_ACTION_KEY", "${{ inputs.api-key }}"]]);
  });
});

describe("action.yml, run", () => {
  let ws: Workspace;
  let sim: Simulator;
  let bin: string;

  beforeEach(async () => {
    ws = await makeWorkspace(storyboardYaml(3));
    sim = await startSimulator({ latency: 40, render: "fast" });
    // Stands in for the install step (npm ci + build in the action's folder): the CLI from source.
    bin = join(ws.dir, "storyreel");
    await writeFile(
      bin,
      `#!/bin/sh\nexec node --import "file://${ROOT}/node_modules/tsx/dist/loader.mjs" "${ROOT}/src/cli/bin.ts" "$@"\n`,
    );
    await chmod(bin, 0o755);
  });
  afterEach(async () => {
    await sim.close();
    await ws.cleanup();
  });

  async function run(inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> {
    const result = await runAction({
      action: await readAction(ACTION),
      actionPath: ROOT,
      inputs: { storyboard: "story.yaml", "api-key": KEY, ...inputs },
      temp: join(ws.dir, "runner-temp"),
      env: { PATH: process.env.PATH ?? "", HOME: ws.dir, GITHUB_WORKSPACE: ws.dir, ...env },
      replace: { install: { bin } },
    });
    // The key reached the API (the tests check the simulator saw it) and nowhere else.
    expect(JSON.stringify(result)).not.toContain(KEY);
    return result;
  }

  const simFlags = (): string => `--base-url ${sim.url} --poll-interval 0.05`;

  it("renders with a folder cache restored and saved by actions/cache, and stitches; outputs from the events", async () => {
    const result = await run({ flags: simFlags(), stitch: "true" });
    const render = result.steps.find((s) => s.name === "Render")!;
    expect(result.failed, JSON.stringify(result.steps, null, 1)).toBe(false);
    expect(sim.stats.jobsCreated).toBe(3);
    expect(sim.requests.some((r) => r.headers.authorization === `Bearer ${KEY}`)).toBe(true);
    const credits = 3 * SHOT_CREDITS;
    expect(result.outputs).toEqual({
      manifest: join(ws.outDir, "manifest.json"),
      "out-dir": ws.outDir,
      total: "3",
      completed: "3",
      "up-to-date": "0",
      failed: "0",
      unknown: "0",
      skipped: "0",
      counts: expect.stringMatching(/^\{"total":3,"completed":3,/),
      "credits-used": String(credits),
      "usd-spent": (credits / 2_000_000).toFixed(2),
      film: join(ws.outDir, "film.mp4"),
      "exit-code": "0",
    });
    expect(existsSync(result.outputs.film!)).toBe(true);
    const cacheDir = join(ws.dir, "runner-temp", "storyreel-cache");
    const uses = result.steps.filter((s) => s.uses).map((s) => [s.uses, s.with]);
    expect(uses).toEqual([
      ["actions/setup-node@v4", { "node-version": "22" }],
      [
        "actions/cache/restore@v4",
        { path: cacheDir, key: "storyreel-clips-Linux-4242-1-all", "restore-keys": "storyreel-clips-Linux-" },
      ],
      ["actions/cache/save@v4", { path: cacheDir, key: "storyreel-clips-Linux-4242-1-all" }],
    ]);
    // render wrote the job summary itself (GITHUB_ACTIONS is set); the NDJSON is in the log.
    expect(result.stepSummary).toMatch(/^### storyreel: /m);
    expect(render.stdout).toMatch(/^\{"type":"run_finished",/m);

    // A second run on a fresh runner (no output folder) with the same cache sends no generation.
    await rm(ws.outDir, { recursive: true, force: true });
    const again = await run({ flags: simFlags() });
    expect(again.failed, JSON.stringify(again.steps, null, 1)).toBe(false);
    expect(sim.stats.jobsCreated).toBe(3);
    expect(sim.requests.filter((r) => r.kind === "submit")).toHaveLength(3);
    expect(again.outputs).toMatchObject({ completed: "3", "credits-used": "0" });
  });

  it("with an S3 cache: no actions/cache; the lower budget applies, a skipped shot fails the action, outputs still set", async () => {
    const s3 = await startS3Server(join(ws.dir, "s3"));
    try {
      const common = { cache: `s3://${BUCKET}/ci`, shard: "1/1", out: "out/shard-1" };
      // A first run renders one shot, so its price is known (under a budget, a shot of unknown price is skipped).
      const first = await run({ ...common, flags: `${simFlags()} --only s1` }, s3.env);
      expect(first.failed, JSON.stringify(first.steps, null, 1)).toBe(false);
      expect(first.outputs).toMatchObject({
        completed: "1",
        "credits-used": String(SHOT_CREDITS),
        "exit-code": "0",
      });

      const result = await run(
        {
          ...common,
          flags: simFlags(),
          "max-usd": ((SHOT_CREDITS * 1.5) / 2_000_000).toFixed(6), // room for one and a half shots
          "max-credits": String(Math.round(SHOT_CREDITS * 1.2)), // the lower: one more shot fits, not two
        },
        s3.env,
      );
      expect(result.failed).toBe(true);
      expect(result.steps.filter((s) => s.uses?.startsWith("actions/cache"))).toEqual([]);
      expect(sim.stats.jobsCreated).toBe(2);
      expect(result.outputs).toMatchObject({
        "out-dir": join(ws.dir, "out", "shard-1"),
        manifest: join(ws.dir, "out", "shard-1", "manifest.json"),
        "up-to-date": "1",
        completed: "1",
        skipped: "1",
        "credits-used": String(SHOT_CREDITS),
        "usd-spent": (SHOT_CREDITS / 2_000_000).toFixed(2),
        film: "",
        "exit-code": "1",
      });
      const last = result.steps.at(-1)!;
      expect(last).toMatchObject({ name: "Exit with render's exit code", ran: true, exitCode: 1 });
      expect(last.stdout).toBe("storyreel render exited with 1\n");
      expect(result.stepSummary).toMatch(/⏭️ skipped/);
    } finally {
      await s3.close();
    }
  });
});
