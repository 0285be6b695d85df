import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createRequestBudget, type AimlClient } from "../../src/api/index.js";
import {
  delay,
  json,
  stall,
  startScriptedServer,
  status,
  type ScriptedServer,
} from "../helpers/scripted-server.js";
import { FAST_POLICY, GET_ROUTE, POST_ROUTE, queued, rejectionOf, testClient } from "./fixtures.js";

// Waits in these tests are seconds long on purpose: each test passes only if the abort cuts the wait short.
const LONG_WAIT_POLICY = { ...FAST_POLICY, retryAfterCapMs: 30_000, deadlineMs: 60_000 };
const STOP = new Error("stop requested by the test");

let server: ScriptedServer;
let client: AimlClient;

beforeEach(async () => {
  server = await startScriptedServer();
  client = testClient(server, { retry: LONG_WAIT_POLICY, requestTimeoutMs: 30_000 });
});

afterEach(async () => {
  await client.close();
  await server.close();
});

describe("abort", () => {
  it("cuts a Retry-After wait short and rejects with the signal's reason", async () => {
    server.script(GET_ROUTE, [status(429, { message: "wait" }, { retryAfter: 20 }), json(200, queued())]);
    const controller = new AbortController();
    const pending = rejectionOf(client.poll("gen-1", { signal: controller.signal }));
    await server.waitForRequests(1);
    controller.abort(STOP);
    expect(await pending).toBe(STOP);
    expect(server.requestsTo(GET_ROUTE)).toHaveLength(1);
  });

  it("cuts an in-flight poll", async () => {
    server.script(GET_ROUTE, [stall()]);
    const controller = new AbortController();
    const pending = rejectionOf(client.poll("gen-1", { signal: controller.signal }));
    await server.waitForRequests(1);
    controller.abort(STOP);
    expect(await pending).toBe(STOP);
  });

  it("cuts a wait for the shared budget (paused by another request's 429)", async () => {
    const budget = createRequestBudget();
    await client.close();
    client = testClient(server, { retry: LONG_WAIT_POLICY, budget });
    budget.onThrottled(20_000);
    const controller = new AbortController();
    const pending = rejectionOf(client.poll("gen-1", { signal: controller.signal }));
    controller.abort(STOP);
    expect(await pending).toBe(STOP);
    expect(server.requests).toHaveLength(0);
    expect(budget.snapshot().waiting).toEqual({ submit: 0, poll: 0, logs: 0 });
  });

  it("a signal aborted before submit sends nothing", async () => {
    const controller = new AbortController();
    controller.abort(STOP);
    expect(await rejectionOf(client.submit({ model: "m" }, { signal: controller.signal }))).toBe(STOP);
    expect(server.requests).toHaveLength(0);
  });

  it("rejects with the platform's AbortError when aborted without a reason", async () => {
    server.script(GET_ROUTE, [stall()]);
    const controller = new AbortController();
    const pending = rejectionOf(client.poll("gen-1", { signal: controller.signal }));
    await server.waitForRequests(1);
    controller.abort();
    expect(await pending).toMatchObject({ name: "AbortError" });
  });

  it("does not drop a submit already on the wire: the answer is awaited and returned", async () => {
    server.script(POST_ROUTE, [delay(100, json(200, queued("paid-1")))]);
    const controller = new AbortController();
    const pending = client.submit({ model: "m" }, { signal: controller.signal });
    await server.waitForRequests(1);
    controller.abort(STOP);
    await expect(pending).resolves.toMatchObject({ id: "paid-1" });
    expect(controller.signal.aborted).toBe(true);
  });

  it("does not retry a submit after an abort (the 503's retry wait is cut)", async () => {
    server.script(POST_ROUTE, [status(503, { message: "busy" }, { retryAfter: 20 }), json(200, queued())]);
    const controller = new AbortController();
    const pending = rejectionOf(client.submit({ model: "m" }, { signal: controller.signal }));
    await server.waitForRequests(1);
    controller.abort(STOP);
    expect(await pending).toBe(STOP);
    expect(server.requestsTo(POST_ROUTE)).toHaveLength(1);
  });
});
