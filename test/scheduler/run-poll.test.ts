// Polling paid generations: unusable answers that name an id, and 404s (fresh ids wait, resumed ids resubmit).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AimlClient } from "../../src/api/index.js";
import { planRun } from "../../src/scheduler/index.js";
import type { Manifest } from "../../src/manifest/index.js";
import { json, startScriptedServer, status, type ScriptedServer } from "../helpers/scripted-server.js";
import { GET_ROUTE, POST_ROUTE, queued, testClient } from "../api/fixtures.js";
import { completed, resumeEntry, shot, startHarness, submitEntry, type Harness } from "./run-harness.js";

let server: ScriptedServer;
let client: AimlClient;
const harnesses: Harness[] = [];

beforeEach(async () => {
  server = await startScriptedServer();
  client = testClient(server);
});

afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
  await client.close();
  await server.close();
});

async function harnessFor(...args: Parameters<typeof startHarness>): Promise<Harness> {
  const h = await startHarness(...args);
  harnesses.push(h);
  return h;
}

const notFound = () => status(404, { message: "Generation not found" });
const polledIds = () => server.requestsTo(GET_ROUTE).map((r) => r.query.generation_id);

describe("an unusable submit answer that still names the generation", () => {
  it("is recorded and polled, never submitted again", async () => {
    server.script(POST_ROUTE, [json(200, { id: "gen-odd", status: "pondering" })]);
    server.script(GET_ROUTE, [json(200, queued("gen-odd")), json(200, completed("gen-odd"))]);
    const h = await harnessFor([submitEntry(shot("a"))]);
    const result = await h.run({ client });
    expect(result.counts.completed).toBe(1);
    expect(server.requestsTo(POST_ROUTE)).toHaveLength(1);
    expect(polledIds()).toEqual(["gen-odd", "gen-odd"]);
    expect(h.status("a")).toMatchObject({ status: "completed", generation_id: "gen-odd" });
    expect(h.events).toContainEqual(
      expect.objectContaining({ type: "warning", id: "a", message: expect.stringContaining("gen-odd") }),
    );
  });
});

describe("a 404 for a generation submitted in this run", () => {
  it("is transient: polling goes on and the generation completes, paid once", async () => {
    server.script(POST_ROUTE, [json(200, queued("gen-1"))]);
    server.script(GET_ROUTE, [notFound(), notFound(), json(200, completed("gen-1"))]);
    const h = await harnessFor([submitEntry(shot("a"))]);
    const result = await h.run({ client, notFoundGraceMs: 2_000 });
    expect(result.counts.completed).toBe(1);
    expect(server.requestsTo(POST_ROUTE)).toHaveLength(1);
    expect(polledIds()).toEqual(["gen-1", "gen-1", "gen-1"]);
  });

  it("fails the shot E_GENERATION_LOST after the grace period, never resubmitting in the same run", async () => {
    server.script(POST_ROUTE, [json(200, queued("gen-1"))], { otherwise: json(200, queued("gen-2")) });
    server.script(GET_ROUTE, [], { otherwise: notFound() });
    const h = await harnessFor([submitEntry(shot("a"))]);
    const started = performance.now();
    const result = await h.run({ client, notFoundGraceMs: 400 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(390);
    expect(result.counts.failed).toBe(1);
    expect(server.requestsTo(POST_ROUTE)).toHaveLength(1);
    expect(server.requestsTo(GET_ROUTE).length).toBeGreaterThanOrEqual(3);
    expect(h.status("a")).toMatchObject({
      status: "failed",
      generation_id: "gen-1",
      error: { code: "E_GENERATION_LOST", message: expect.stringContaining("gen-1") },
    });
  });

  it.each([
    ["the rerun's poll finds it: it completes, paid once", [json(200, completed("gen-1"))], 1, "gen-1"],
    [
      "the rerun's poll is a 404 again: submitted once more",
      [notFound(), json(200, completed("gen-2"))],
      2,
      "gen-2",
    ],
  ])("then %s", async (_name, rerunPolls, submits, finalId) => {
    server.script(POST_ROUTE, [json(200, queued("gen-1")), json(200, queued("gen-2"))]);
    server.script(GET_ROUTE, [], { otherwise: notFound() });
    const a = shot("a");
    const first = await harnessFor([submitEntry(a)]);
    await first.run({ client, notFoundGraceMs: 100 });
    expect(first.status("a").error?.code).toBe("E_GENERATION_LOST");
    const previous: Manifest = structuredClone(first.store.manifest);
    const plan = planRun({ shots: [a], previous, clips: new Map() });
    expect(plan.entries[0]).toMatchObject({ action: "resume", reason: expect.stringContaining("gen-1") });

    server.script(GET_ROUTE, rerunPolls);
    const second = await harnessFor(plan.entries);
    const result = await second.run({ client, notFoundGraceMs: 100 });
    expect(result.counts.completed).toBe(1);
    expect(server.requestsTo(POST_ROUTE)).toHaveLength(submits);
    expect(second.status("a")).toMatchObject({ status: "completed", generation_id: finalId });
  });
});

describe("a 404 for a generation carried over from an earlier run", () => {
  it("submits the shot again once; a 404 for that new generation does not resubmit again", async () => {
    server.script(POST_ROUTE, [json(200, queued("gen-new"))], { otherwise: json(200, queued("gen-3")) });
    server.script(GET_ROUTE, [], { otherwise: notFound() });
    const h = await harnessFor([resumeEntry(shot("a"), "gen-old")]);
    const result = await h.run({ client, notFoundGraceMs: 200 });
    expect(server.requestsTo(POST_ROUTE)).toHaveLength(1);
    expect(polledIds()[0]).toBe("gen-old");
    expect(
      polledIds()
        .slice(1)
        .every((id) => id === "gen-new"),
    ).toBe(true);
    expect(result.counts.failed).toBe(1);
    expect(h.status("a")).toMatchObject({ generation_id: "gen-new", error: { code: "E_GENERATION_LOST" } });
  });
});
