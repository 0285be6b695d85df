// Shots of unknown outcome are reconciled through the API's request logs before anything is paid again.
import { afterEach, describe, expect, it } from "vitest";
import { readManifest } from "../../src/manifest/index.js";
import { startSimulator } from "../../src/simulator/index.js";
import type { Simulator } from "../../src/simulator/index.js";
import { runMainWith } from "../helpers/main-io.js";
import type { MainRun } from "../helpers/main-io.js";
import { makeWorkspace, storyboardYaml } from "../helpers/workspace.js";
import type { Workspace } from "../helpers/workspace.js";

const KEY = "sk-test-reconcile-6a7b8c";
let sim: Simulator | undefined;
let ws: Workspace | undefined;
afterEach(async () => {
  await sim?.close();
  await ws?.cleanup();
  sim = ws = undefined;
});

function render(extra: string[] = []): Promise<MainRun> {
  return runMainWith(
    ["render", ws!.storyboard, "--base-url", sim!.url, "--poll-interval", "0.05", ...extra],
    {
      env: { AIML_API_KEY: KEY },
    },
  );
}

async function unknownAfterFirstRun(fault: Parameters<Simulator["faults"]["add"]>[1], logsDelayMs = 0) {
  ws = await makeWorkspace(storyboardYaml(2));
  sim = await startSimulator({ latency: 50, render: "fast", ...(logsDelayMs ? { logsDelayMs } : {}) });
  sim.faults.add("submit", fault); // the first submission only
  // The logs cannot be read during the first run, so its same-run reconciliation cannot tell: unknown.
  const noLogs = sim.faults.add("logs", { type: "status", status: 404 }, { times: "always" });
  const first = await render();
  noLogs.cancel();
  expect(first.code).toBe(1);
  const record = (await readManifest(ws.outDir))!.shots.find((s) => s.status === "unknown")!;
  expect(record.error?.code).toBe("E_SUBMIT_UNKNOWN");
  expect(record.client_request_id).toMatch(/^sr:[A-Za-z0-9._-]+:[0-9a-f]{12}:1$/);
  return record;
}

describe("reconciliation through the request logs", () => {
  it("an answer lost after the API accepted: the rerun adopts the generation, no second payment", async () => {
    const lost = await unknownAfterFirstRun({ type: "reset-after-accept" });
    expect(sim!.stats.jobsCreated).toBe(2); // both paid, one answer lost
    const logged = sim!.requests.filter((r) => r.kind === "submit");
    expect(logged.some((r) => r.headers["x-client-request-id"] === lost.client_request_id)).toBe(true);

    const rerun = await render(["--json"]);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(sim!.stats.jobsCreated).toBe(2); // nothing paid twice
    const events = rerun.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const reconciled = events.filter((e) => e.type === "shot_reconciled");
    expect(reconciled).toEqual([
      expect.objectContaining({
        id: lost.id,
        client_request_id: lost.client_request_id,
        found: "succeeded",
        action: "adopted",
        generation_id: expect.any(String),
        lookups: 2, // the first run looked too, but could not read the logs
      }),
    ]);
    expect(rerun.stdout + rerun.stderr).toMatch(
      new RegExp(
        `request logs show its last submission \\(request ${lost.client_request_id!.replace(/[.]/g, "\\.")}\\) created generation`,
      ),
    );
    const after = (await readManifest(ws!.outDir))!.shots.find((s) => s.id === lost.id)!;
    expect(after.status).toBe("completed");
    expect(after.generation_id).toBe(reconciled[0]!.generation_id);
    expect(after.reconciliation).toMatchObject({ found: "succeeded", action: "adopted", lookups: 2 });
    const status = await runMainWith(["status", ws!.outDir]);
    expect(status.stdout).toContain("reconciled through the API's request logs:");
    expect(status.stdout).toMatch(
      new RegExp(`${lost.id} +request \\S+: succeeded \\S+ → its generation adopted, nothing paid again`),
    );
  });

  it("a failed row: nothing was charged, so the rerun submits again", async () => {
    const lost = await unknownAfterFirstRun({ type: "status", status: 502 });
    expect(sim!.stats.jobsCreated).toBe(1);
    const rerun = await render();
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(sim!.stats.jobsCreated).toBe(2);
    expect(rerun.stdout + rerun.stderr).toContain(
      `(request ${lost.client_request_id}) failed, nothing was charged`,
    );
  });

  it("logs lagging: not paid again within the grace, submitted again after it", async () => {
    const lost = await unknownAfterFirstRun({ type: "reset-after-accept" }, 600_000);
    const jobs = sim!.stats.jobsCreated;
    const held = await render();
    expect(held.code).toBe(1);
    expect(sim!.stats.jobsCreated).toBe(jobs);
    expect(held.stdout + held.stderr).toContain("E_RECONCILE_PENDING");
    const waiting = (await readManifest(ws!.outDir))!.shots.find((s) => s.id === lost.id)!;
    expect(waiting.status).toBe("unknown");
    expect(waiting.reconciliation).toMatchObject({
      client_request_id: lost.client_request_id,
      found: "none",
      action: "waiting",
      lookups: 2,
    });
    expect(held.stdout).toMatch(/→ not paid again yet \(the logs may lag: --reconcile-grace\)/);
    const after = await render(["--reconcile-grace", "0"]);
    expect(after.code, after.stderr).toBe(0);
    expect(sim!.stats.jobsCreated).toBe(jobs + 1);
    expect(after.stdout + after.stderr).toContain("is not in the request logs");
    const resubmitted = (await readManifest(ws!.outDir))!.shots.find((s) => s.id === lost.id)!;
    // The same submission looked for a second time, then paid for again: the record says both.
    expect(resubmitted.reconciliation).toMatchObject({
      client_request_id: lost.client_request_id,
      found: "none",
      action: "resubmitted",
      lookups: 3,
    });
    expect(resubmitted.client_request_id).not.toBe(lost.client_request_id);
  });

  it("logs unreadable: stays unknown with the reason, submitted only with --resubmit-unknown", async () => {
    const lost = await unknownAfterFirstRun({ type: "reset" });
    const jobs = sim!.stats.jobsCreated;
    sim!.faults.add("logs", { type: "status", status: 403 }, { times: "always" });
    const held = await render();
    expect(held.code).toBe(1);
    expect(held.stdout + held.stderr).toContain("E_LOGS_UNREADABLE");
    expect(held.stdout + held.stderr).toContain("--resubmit-unknown");
    expect(
      (await readManifest(ws!.outDir))!.shots.find((s) => s.id === lost.id)!.reconciliation,
    ).toMatchObject({ found: "unreadable", action: "kept_unknown" });
    expect(sim!.stats.jobsCreated).toBe(jobs);
    expect((await readManifest(ws!.outDir))!.shots.find((s) => s.id === lost.id)!.status).toBe("unknown");
    const forced = await render(["--resubmit-unknown"]);
    expect(forced.code, forced.stderr).toBe(0);
    expect(sim!.stats.jobsCreated).toBe(jobs + 1);
    expect(forced.stdout + forced.stderr).not.toContain(KEY);
  });

  it("in the same run: an answer lost after acceptance is adopted from the logs moments later, nothing paid twice", async () => {
    ws = await makeWorkspace(storyboardYaml(3));
    sim = await startSimulator({ latency: 50, render: "fast" });
    sim.faults.add("submit", { type: "reset-after-accept" }, { times: 2 });
    const run = await render();
    expect(run.code, run.stderr).toBe(0);
    expect(sim.stats.jobsCreated).toBe(3);
    expect(sim.requests.filter((r) => r.kind === "submit")).toHaveLength(3);
    expect(run.stdout + run.stderr).toMatch(/created generation .*: polling it, not paying again/);
    const manifest = (await readManifest(ws.outDir))!;
    expect(manifest.shots.map((s) => s.status)).toEqual(["completed", "completed", "completed"]);
  });
});
