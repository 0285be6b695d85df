// render plans from state read while it holds the output lock, and refusals before the lock create nothing.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { open, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { render } from "../../src/commands/render/render.js";
import type { RenderResult } from "../../src/commands/render/render.js";
import { startSimulator } from "../../src/simulator/index.js";
import type { Simulator } from "../../src/simulator/index.js";
import { makeWorkspace, storyboardYaml } from "../helpers/workspace.js";
import type { Workspace } from "../helpers/workspace.js";

const run = promisify(execFile);
const KEY = "sk-test-render-lock";
let sim: Simulator | undefined;
let ws: Workspace | undefined;

afterEach(async () => {
  await sim?.close();
  await ws?.cleanup();
  sim = undefined;
  ws = undefined;
});

describe("render and the output lock", () => {
  it("reads the previous manifest only once it holds the lock, and plans from what it read there", async () => {
    ws = await makeWorkspace(storyboardYaml(3));
    sim = await startSimulator({ latency: 20, render: "fast" });
    const options = { storyboard: ws.storyboard, baseUrl: sim.url, apiKey: KEY, pollInterval: 0.05 };
    expect((await render(options)).exitCode).toBe(0);
    const manifestPath = join(ws.outDir, "manifest.json");
    const finished = await readFile(manifestPath, "utf8");
    const requests = sim.stats.totalRequests;

    // manifest.json becomes a named pipe: the next render's read of it blocks until this test writes into it,
    // so the test sees the exact moment the previous state is read.
    await rm(manifestPath);
    await run("mkfifo", [manifestPath]);
    const second = render(options).then(
      (result): RenderResult | Error => result,
      (err: Error) => err,
    );
    const writer = await open(manifestPath, "w"); // returns once render has opened the pipe for reading
    let lockAtRead: unknown;
    try {
      lockAtRead = await readFile(join(ws.outDir, ".storyreel.lock"), "utf8").then(
        (text) => JSON.parse(text) as unknown,
        (err: NodeJS.ErrnoException) => err.code,
      );
      // what a run that finished a moment ago left: everything completed
      await writer.writeFile(finished);
    } finally {
      await writer.close();
    }
    expect(lockAtRead).toMatchObject({ pid: process.pid });

    const result = await second;
    if (result instanceof Error) throw result;
    expect(result.exitCode).toBe(0);
    expect(result.counts.upToDate).toBe(3);
    expect(sim.stats.totalRequests).toBe(requests);
    const after = JSON.parse(await readFile(manifestPath, "utf8")) as { shots: { status: string }[] };
    expect(after.shots.map((s) => s.status)).toEqual(["completed", "completed", "completed"]);
  });

  it("an --only naming no shot is refused before the output folder is created or locked", async () => {
    ws = await makeWorkspace(storyboardYaml(2));
    const refused = await render({ storyboard: ws.storyboard, sim: true, selection: { only: ["s9"] } }).then(
      () => null,
      (err: { code?: string }) => err,
    );
    expect(refused?.code).toBe("E_USAGE");
    expect(existsSync(ws.outDir)).toBe(false);
  });
});
