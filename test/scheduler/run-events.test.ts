// What a run tells its listener: budget skips as shot_skipped.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AimlClient } from "../../src/api/index.js";
import { json, startScriptedServer, type ScriptedServer } from "../helpers/scripted-server.js";
import { GET_ROUTE, POST_ROUTE, queued, testClient } from "../api/fixtures.js";
import { completed, shot, startHarness, submitEntry, type Harness } from "./run-harness.js";

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

describe("--max-credits", () => {
  it("a shot the cap keeps from being submitted is a shot_skipped event (never shot_failed)", async () => {
    server.script(POST_ROUTE, [json(200, queued("gen-a"))]);
    server.script(GET_ROUTE, [json(200, { ...completed("gen-a"), meta: { usage: { credits_used: 3 } } })]);
    harness = await startHarness([submitEntry(shot("a")), submitEntry(shot("b", 1))]);
    const result = await harness.run({
      client,
      concurrency: 1,
      maxCredits: 5,
      estimateCredits: () => 3,
    });
    expect(result.counts).toMatchObject({ completed: 1, skipped: 1 });
    expect(server.requestsTo(POST_ROUTE)).toHaveLength(1);
    const skipped = harness.events.filter((e) => e.type === "shot_skipped");
    expect(skipped).toEqual([
      {
        type: "shot_skipped",
        id: "b",
        index: 1,
        reason: expect.stringMatching(/^not submitted: .*past --max-credits 5/),
        status: "skipped",
        error: { code: "E_MAX_CREDITS", message: expect.stringMatching(/^not submitted: /) },
        t: expect.any(Number),
      },
    ]);
    const [event] = skipped;
    expect(event?.reason).toBe(event?.error?.message);
    expect(harness.events.some((e) => e.type === "shot_failed")).toBe(false);
    expect(harness.status("b")).toMatchObject({ status: "skipped", error: { code: "E_MAX_CREDITS" } });
  });
});
