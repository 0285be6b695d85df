// Stopping a run (Ctrl-C, 401/403): nothing more is sent, nothing paid is lost, a maybe-paid submission is unknown.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AimlClient } from "../../src/api/index.js";
import {
  delay,
  json,
  resetAfterBody,
  startScriptedServer,
  status,
  type ScriptedServer,
} from "../helpers/scripted-server.js";
import { FAST_POLICY, GET_ROUTE, POST_ROUTE, queued, testClient } from "../api/fixtures.js";
import { promptOf, resumeEntry, shot, startHarness, submitEntry, type Harness } from "./run-harness.js";

let server: ScriptedServer;
let client: AimlClient;
let harness: Harness | undefined;

beforeEach(async () => {
  server = await startScriptedServer();
  // Retry waits of a second or more: a test passes only if the stop cuts them short.
  client = testClient(server, {
    retry: { ...FAST_POLICY, retryAfterCapMs: 5_000, baseDelayMs: 1_500, capDelayMs: 1_500 },
  });
});

afterEach(async () => {
  await harness?.close();
  harness = undefined;
  await client.close();
  await server.close();
});

describe("Ctrl-C", () => {
  it.each([
    ["a 429 pause", status(429, { message: "slow down" }, { retryAfter: 2 })],
    ["a retry backoff after a 503", status(503, { message: "busy" })],
  ])(
    "abandons a submission waiting out %s: it is never sent again, the shot stays pending",
    async (_name, first) => {
      server.script(POST_ROUTE, [first, json(200, queued("paid-late"))]);
      harness = await startHarness([submitEntry(shot("a"))]);
      const controller = new AbortController();
      const running = harness.run({ client, signal: controller.signal });
      await server.waitForRequests(1);
      controller.abort();
      const result = await running;
      expect(result.interrupted).toBe(true);
      expect(server.requestsTo(POST_ROUTE)).toHaveLength(1);
      expect(harness.status("a")).toMatchObject({
        status: "pending",
        generation_id: null,
        error: { code: "E_INTERRUPTED" },
      });
      expect(harness.events.some((e) => e.type === "shot_submitted")).toBe(false);
    },
  );

  it("keeps a submission already on the wire: its answer is recorded and the next run resumes it", async () => {
    server.script(POST_ROUTE, [delay(150, json(200, queued("paid-1")))]);
    harness = await startHarness([submitEntry(shot("a"))]);
    const controller = new AbortController();
    const running = harness.run({ client, signal: controller.signal });
    await server.waitForRequests(1);
    controller.abort();
    const result = await running;
    expect(result.interrupted).toBe(true);
    expect(harness.status("a")).toMatchObject({ status: "submitted", generation_id: "paid-1" });
    expect(result.counts.inFlight).toBe(1);
  });

  it("records a submission on the wire whose connection then drops as unknown, not pending", async () => {
    server.script(POST_ROUTE, [delay(150, resetAfterBody())]);
    harness = await startHarness([submitEntry(shot("a"))]);
    const controller = new AbortController();
    const running = harness.run({ client, signal: controller.signal });
    await server.waitForRequests(1);
    controller.abort();
    const result = await running;
    expect(result.interrupted).toBe(true);
    expect(result.counts.unknown).toBe(1);
    expect(harness.status("a")).toMatchObject({ status: "unknown", error: { code: "E_SUBMIT_UNKNOWN" } });
    expect(server.requestsTo(POST_ROUTE)).toHaveLength(1);
  });
});

describe("a 401/403 stops the run", () => {
  it("and a submission on the wire that then fails ends unknown, not pending", async () => {
    server.script(POST_ROUTE, [
      (req) =>
        promptOf(req.body) === "a"
          ? delay(50, status(401, { message: "bad key" }))
          : delay(250, resetAfterBody()),
      (req) =>
        promptOf(req.body) === "a"
          ? delay(50, status(401, { message: "bad key" }))
          : delay(250, resetAfterBody()),
    ]);
    harness = await startHarness([
      submitEntry(shot("a")),
      submitEntry(shot("b", 1)),
      submitEntry(shot("c", 2)),
    ]);
    const result = await harness.run({ client, concurrency: 2 });
    expect(result.fatal?.code).toBe("E_API_UNAUTHORIZED");
    expect(harness.status("b")).toMatchObject({ status: "unknown", error: { code: "E_SUBMIT_UNKNOWN" } });
    expect(harness.status("a")).toMatchObject({ status: "pending", error: { code: "E_API_UNAUTHORIZED" } });
    expect(harness.status("c").status).toBe("pending");
    expect(server.requestsTo(POST_ROUTE)).toHaveLength(2);
  });

  it.each([
    [401, "E_API_UNAUTHORIZED"],
    [403, "E_API_FORBIDDEN"],
  ])(
    "when a poll answers %i: nothing more is submitted, the paid id is kept for the next run",
    async (code, errorCode) => {
      server.script(POST_ROUTE, [json(200, queued("gen-a")), json(200, queued("gen-b"))]);
      server.script(GET_ROUTE, [status(code, { message: "no" })], {
        otherwise: status(code, { message: "no" }),
      });
      harness = await startHarness([submitEntry(shot("a")), submitEntry(shot("b", 1))]);
      const result = await harness.run({ client, concurrency: 1 });
      expect(result.fatal?.code).toBe(errorCode);
      expect(result.interrupted).toBe(false);
      expect(server.requestsTo(POST_ROUTE)).toHaveLength(1);
      expect(server.requestsTo(GET_ROUTE)).toHaveLength(1);
      expect(harness.status("a")).toMatchObject({ status: "submitted", generation_id: "gen-a" });
      expect(harness.status("b").status).toBe("pending");
      const finished = harness.events.at(-1);
      expect(finished).toMatchObject({ type: "run_finished", fatal: { code: errorCode } });
    },
  );

  it("when a resumed shot's poll answers 401, before anything new is submitted", async () => {
    server.script(GET_ROUTE, [status(401, { message: "bad key" })]);
    harness = await startHarness([resumeEntry(shot("a"), "gen-old"), submitEntry(shot("b", 1))]);
    const result = await harness.run({ client, concurrency: 1 });
    expect(result.fatal?.code).toBe("E_API_UNAUTHORIZED");
    expect(server.requestsTo(POST_ROUTE)).toHaveLength(0);
    expect(harness.status("a")).toMatchObject({ status: "submitted", generation_id: "gen-old" });
  });
});
