import { Agent } from "undici";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createRequestBudget } from "../../src/api/index.js";
import { json, startScriptedServer, status, type ScriptedServer } from "../helpers/scripted-server.js";
import { FAST_POLICY, GET_ROUTE, POST_ROUTE, queued, testClient } from "./fixtures.js";

let server: ScriptedServer;

beforeEach(async () => {
  server = await startScriptedServer();
});

afterEach(async () => {
  await server.close();
});

describe("shared budget and dispatcher", () => {
  it("a 429 on one shot's poll holds back another shot's submit until Retry-After", async () => {
    const budget = createRequestBudget();
    const polling = testClient(server, { budget });
    const submitting = testClient(server, { budget });
    server.script(GET_ROUTE, [status(429, { message: "slow down" }, { retryAfter: 1 }), json(200, queued())]);
    server.script(POST_ROUTE, [json(200, queued("gen-2"))]);
    try {
      const poll = polling.poll("gen-1");
      await server.waitForRequests(1);
      // Let the 429 reach the client before the submit asks the budget.
      for (let i = 0; i < 50 && budget.snapshot().throttled === 0; i++)
        await new Promise((r) => setTimeout(r, 5));
      await submitting.submit({ model: "m" });
      await poll;
      const [throttledPoll] = server.requestsTo(GET_ROUTE);
      const [submit] = server.requestsTo(POST_ROUTE);
      expect(submit!.at - throttledPoll!.at).toBeGreaterThanOrEqual(FAST_POLICY.retryAfterCapMs - 1);
      expect(budget.snapshot()).toMatchObject({ throttled: 1, granted: 3 });
    } finally {
      await polling.close();
      await submitting.close();
    }
  });

  it("uses an injected dispatcher for everything and leaves it open on close()", async () => {
    const agent = new Agent();
    const client = testClient(server, { dispatcher: agent });
    server.script(GET_ROUTE, [], { otherwise: json(200, queued()) });
    server.script(POST_ROUTE, [json(200, queued())]);
    try {
      await client.submit({ model: "m" });
      await client.poll("gen-1");
      await client.close();
      expect(agent.closed).toBe(false);
      const second = testClient(server, { dispatcher: agent });
      await expect(second.poll("gen-1")).resolves.toMatchObject({ id: "gen-1" });
      expect(server.requests).toHaveLength(3);
    } finally {
      await agent.close();
    }
  });
});
