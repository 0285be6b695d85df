// The coordinator with the dependency gate over real HTTP: chained shots go in order, a failed upstream skips its chain.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AimlClient } from "../../src/api/index.js";
import { json, startScriptedServer, type ScriptedServer } from "../helpers/scripted-server.js";
import { GET_ROUTE, POST_ROUTE, queued, testClient } from "../api/fixtures.js";
import { completed, promptOf, shot, startHarness, submitEntry, type Harness } from "./run-harness.js";

let server: ScriptedServer;
let client: AimlClient;
let harness: Harness | undefined;

beforeEach(async () => {
  server = await startScriptedServer();
  client = testClient(server);
});

afterEach(async () => {
  await harness?.close();
  harness = undefined;
  await client.close();
  await server.close();
});

const chain: Record<string, string[]> = { boats: ["dawn"], gull: ["boats"] };
const dependencies = (id: string): readonly string[] => chain[id] ?? [];

describe("a run with chained shots", () => {
  it("waits (shot_waiting, no slot held) and submits each shot once its upstream clip is downloaded", async () => {
    server.script(POST_ROUTE, [
      json(200, queued("gen-dawn")),
      json(200, queued("gen-boats")),
      json(200, queued("gen-gull")),
    ]);
    server.script(GET_ROUTE, [
      json(200, completed("gen-dawn")),
      json(200, completed("gen-boats")),
      json(200, completed("gen-gull")),
    ]);
    harness = await startHarness(["dawn", "boats", "gull"].map((id, i) => submitEntry(shot(id, i))));
    const result = await harness.run({ client, concurrency: 3, dependencies });
    expect(result.counts).toMatchObject({ completed: 3, failed: 0, skipped: 0 });
    // Counted on the server: one generation each, in chain order.
    expect(server.requestsTo(POST_ROUTE).map((r) => promptOf(r.body))).toEqual(["dawn", "boats", "gull"]);
    const order = harness.events
      .filter((e) => e.type === "shot_waiting" || e.type === "shot_submitted" || e.type === "shot_completed")
      .map((e) => `${e.type}:${"id" in e ? e.id : ""}`);
    expect(order).toEqual([
      "shot_waiting:boats",
      "shot_waiting:gull",
      "shot_submitted:dawn",
      "shot_completed:dawn",
      "shot_submitted:boats",
      "shot_completed:boats",
      "shot_submitted:gull",
      "shot_completed:gull",
    ]);
    expect(harness.events.find((e) => e.type === "shot_waiting")).toMatchObject({
      id: "boats",
      on: ["dawn"],
    });
  });

  it("a failed upstream skips its dependents E_UPSTREAM_FAILED naming it; nothing sent for them", async () => {
    server.script(POST_ROUTE, [json(200, queued("gen-dawn"))]);
    server.script(GET_ROUTE, [
      json(200, { id: "gen-dawn", status: "failed", error: { name: "Error", message: "the model refused" } }),
    ]);
    harness = await startHarness(["dawn", "boats", "gull"].map((id, i) => submitEntry(shot(id, i))));
    const result = await harness.run({ client, concurrency: 3, dependencies });
    expect(result.counts).toMatchObject({ completed: 0, failed: 1, skipped: 2 });
    expect(server.requestsTo(POST_ROUTE)).toHaveLength(1);
    expect(harness.status("boats")).toMatchObject({
      status: "skipped",
      error: { code: "E_UPSTREAM_FAILED", message: expect.stringContaining('"dawn"') },
    });
    expect(harness.status("gull")).toMatchObject({
      status: "skipped",
      error: { code: "E_UPSTREAM_FAILED", message: expect.stringContaining('"boats"') },
    });
    const skipped = harness.events.filter((e) => e.type === "shot_skipped").map((e) => e.id);
    expect(skipped).toEqual(["boats", "gull"]);
  });

  it("submits the entry prepare() gives (frames bound), so the request and the record say what was sent", async () => {
    server.script(POST_ROUTE, [json(200, queued("gen-dawn")), json(200, queued("gen-boats"))]);
    server.script(GET_ROUTE, [json(200, completed("gen-dawn")), json(200, completed("gen-boats"))]);
    harness = await startHarness(["dawn", "boats"].map((id, i) => submitEntry(shot(id, i))));
    const result = await harness.run({
      client,
      dependencies,
      prepare: (entry) =>
        Promise.resolve(
          entry.shot.id === "boats"
            ? {
                ...entry,
                shot: { ...entry.shot, fields: { ...entry.shot.fields, image_url: "frame-of-dawn" } },
              }
            : entry,
        ),
    });
    expect(result.counts).toMatchObject({ completed: 2 });
    const posts = server.requestsTo(POST_ROUTE).map((r) => JSON.parse(r.body) as Record<string, unknown>);
    expect(posts.map((b) => b["image_url"])).toEqual([undefined, "frame-of-dawn"]);
    expect(harness.status("boats").request).toMatchObject({ image_url: "frame-of-dawn" });
  });
});
