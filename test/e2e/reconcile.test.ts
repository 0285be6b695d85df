// Shots of unknown outcome are reconciled through the API's request logs before anything is paid again.
import { describe, expect, it } from "vitest";
import { readManifest } from "../../src/manifest/index.js";
import { runMainWith } from "../helpers/main-io.js";
import { storyboardYaml } from "../helpers/workspace.js";
import { useSimWorkspace } from "../helpers/sim-workspace.js";
import type { Simulator } from "../../src/simulator/index.js";

const KEY = "sk-test-reconcile-6a7b8c";
const t = useSimWorkspace({ key: KEY });

async function unknownAfterFirstRun(fault: Parameters<Simulator["faults"]["add"]>[1], logsDelayMs = 0) {
  await t.start(storyboardYaml(2), logsDelayMs ? { logsDelayMs } : {});
  t.sim.faults.add("submit", fault); // the first submission only
  // The logs cannot be read during the first run, so its same-run reconciliation cannot tell: unknown.
  const noLogs = t.sim.faults.add("logs", { type: "status", status: 404 }, { times: "always" });
  const first = await t.render();
  noLogs.cancel();
  expect(first.code).toBe(1);
  const record = (await readManifest(t.ws.outDir))!.shots.find((s) => s.status === "unknown")!;
  expect(record.error?.code).toBe("E_SUBMIT_UNKNOWN");
  expect(record.client_request_id).toMatch(/^sr:[A-Za-z0-9._-]+:[0-9a-f]{12}:1$/);
  return record;
}

describe("reconciliation through the request logs", () => {
  it("an answer lost after the API accepted: the rerun adopts the generation, no second payment", async () => {
    const lost = await unknownAfterFirstRun({ type: "reset-after-accept" });
    expect(t.sim.stats.jobsCreated).toBe(2); // both paid, one answer lost
    const logged = t.sim.requests.filter((r) => r.kind === "submit");
    expect(logged.some((r) => r.headers["x-client-request-id"] === lost.client_request_id)).toBe(true);

    const rerun = await t.render(["--json"]);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(t.sim.stats.jobsCreated).toBe(2); // nothing paid twice
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
    const after = (await readManifest(t.ws.outDir))!.shots.find((s) => s.id === lost.id)!;
    expect(after.status).toBe("completed");
    expect(after.generation_id).toBe(reconciled[0]!.generation_id);
    expect(after.reconciliation).toMatchObject({ found: "succeeded", action: "adopted", lookups: 2 });
    const status = await runMainWith(["status", t.ws.outDir]);
    expect(status.stdout).toContain("reconciled through the API's request logs:");
    expect(status.stdout).toMatch(
      new RegExp(`${lost.id} +request \\S+: succeeded \\S+ → its generation adopted, nothing paid again`),
    );
  });

  it("a failed row: nothing was charged, so the rerun submits again", async () => {
    const lost = await unknownAfterFirstRun({ type: "status", status: 502 });
    expect(t.sim.stats.jobsCreated).toBe(1);
    const rerun = await t.render();
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(t.sim.stats.jobsCreated).toBe(2);
    expect(rerun.stdout + rerun.stderr).toContain(
      `(request ${lost.client_request_id}) failed, nothing was charged`,
    );
  });

  it("logs lagging: not paid again within the grace, submitted again after it", async () => {
    const lost = await unknownAfterFirstRun({ type: "reset-after-accept" }, 600_000);
    const jobs = t.sim.stats.jobsCreated;
    const held = await t.render();
    expect(held.code).toBe(1);
    expect(t.sim.stats.jobsCreated).toBe(jobs);
    expect(held.stdout + held.stderr).toContain("E_RECONCILE_PENDING");
    const waiting = (await readManifest(t.ws.outDir))!.shots.find((s) => s.id === lost.id)!;
    expect(waiting.status).toBe("unknown");
    expect(waiting.reconciliation).toMatchObject({
      client_request_id: lost.client_request_id,
      found: "none",
      action: "waiting",
      lookups: 2,
    });
    expect(held.stdout).toMatch(/→ not paid again yet \(the logs may lag: --reconcile-grace\)/);
    const after = await t.render(["--reconcile-grace", "0"]);
    expect(after.code, after.stderr).toBe(0);
    expect(t.sim.stats.jobsCreated).toBe(jobs + 1);
    expect(after.stdout + after.stderr).toContain("is not in the request logs");
    const resubmitted = (await readManifest(t.ws.outDir))!.shots.find((s) => s.id === lost.id)!;
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
    const jobs = t.sim.stats.jobsCreated;
    t.sim.faults.add("logs", { type: "status", status: 403 }, { times: "always" });
    const held = await t.render();
    expect(held.code).toBe(1);
    expect(held.stdout + held.stderr).toContain("E_LOGS_UNREADABLE");
    expect(held.stdout + held.stderr).toContain("--resubmit-unknown");
    expect(
      (await readManifest(t.ws.outDir))!.shots.find((s) => s.id === lost.id)!.reconciliation,
    ).toMatchObject({ found: "unreadable", action: "kept_unknown" });
    expect(t.sim.stats.jobsCreated).toBe(jobs);
    expect((await readManifest(t.ws.outDir))!.shots.find((s) => s.id === lost.id)!.status).toBe("unknown");
    const forced = await t.render(["--resubmit-unknown"]);
    expect(forced.code, forced.stderr).toBe(0);
    expect(t.sim.stats.jobsCreated).toBe(jobs + 1);
    expect(forced.stdout + forced.stderr).not.toContain(KEY);
  });

  it("in the same run: an answer lost after acceptance is adopted from the logs moments later, nothing paid twice", async () => {
    await t.start(storyboardYaml(3));
    t.sim.faults.add("submit", { type: "reset-after-accept" }, { times: 2 });
    const run = await t.render();
    expect(run.code, run.stderr).toBe(0);
    expect(t.sim.stats.jobsCreated).toBe(3);
    expect(t.sim.requests.filter((r) => r.kind === "submit")).toHaveLength(3);
    expect(run.stdout + run.stderr).toMatch(/created generation .*: polling it, not paying again/);
    const manifest = (await readManifest(t.ws.outDir))!;
    expect(manifest.shots.map((s) => s.status)).toEqual(["completed", "completed", "completed"]);
  });
});
