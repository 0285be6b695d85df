import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ApiError, classify, type AimlClient } from "../../src/api/index.js";
import {
  json,
  raw,
  reset,
  stall,
  startScriptedServer,
  status,
  type ScriptedServer,
} from "../helpers/scripted-server.js";
import { FAST_POLICY, GET_ROUTE, queued, rejectionOf, testClient } from "./fixtures.js";

let server: ScriptedServer;
let client: AimlClient;

beforeEach(async () => {
  server = await startScriptedServer();
  client = testClient(server);
});

afterEach(async () => {
  await client.close();
  await server.close();
});

describe("poll", () => {
  it("retries through a reset and a 500, then returns the normalised generation", async () => {
    server.script(GET_ROUTE, [
      reset(),
      status(500, { message: "Internal server error", statusCode: 500 }),
      json(200, {
        id: "gen-1",
        status: "COMPLETED",
        video: { url: "https://cdn.example.com/v.mp4" },
        meta: { usage: { credits_used: 42 } },
      }),
    ]);
    const generation = await client.poll("gen-1");
    expect(generation).toEqual({
      id: "gen-1",
      status: "completed",
      videoUrl: "https://cdn.example.com/v.mp4",
      error: null,
      creditsUsed: 42,
    });
    const sent = server.requestsTo(GET_ROUTE);
    expect(sent).toHaveLength(3);
    expect(sent.map((r) => r.query.generation_id)).toEqual(["gen-1", "gen-1", "gen-1"]);
    expect(client.stats()).toMatchObject({ requests: 3, retries: 2 });
  });

  it("reports a failed generation as data, not as an error", async () => {
    server.script(GET_ROUTE, [
      json(200, { id: "g", status: "error", error: { name: "Moderation", message: "nope" } }),
    ]);
    await expect(client.poll("g")).resolves.toMatchObject({
      status: "error",
      error: { name: "Moderation", message: "nope" },
      videoUrl: null,
      creditsUsed: null,
    });
  });

  it("accepts the older route's waiting/active statuses", async () => {
    server.script(GET_ROUTE, [
      json(200, { id: "g", status: "waiting" }),
      json(200, { id: "g", status: "active" }),
    ]);
    expect((await client.poll("g")).status).toBe("waiting");
    expect((await client.poll("g")).status).toBe("active");
  });

  it("honours Retry-After in seconds (capped by retryAfterCapMs) before retrying a 429", async () => {
    server.script(GET_ROUTE, [
      status(429, { message: "Too many requests" }, { retryAfter: 1 }),
      json(200, queued()),
    ]);
    await client.poll("gen-1");
    const [first, second] = server.requestsTo(GET_ROUTE);
    // Retry-After 1 s capped at 250 ms; the plain backoff would be 5 ms. 1 ms slack for timer rounding.
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(FAST_POLICY.retryAfterCapMs - 1);
    expect(client.stats().throttled).toBe(1);
  });

  it("honours Retry-After as an HTTP-date", async () => {
    server.script(GET_ROUTE, [
      () => status(429, { message: "slow down" }, { retryAfter: new Date(Date.now() + 3000).toUTCString() }),
      json(200, queued()),
    ]);
    await client.poll("gen-1");
    const [first, second] = server.requestsTo(GET_ROUTE);
    // The date is 2-3 s ahead (second granularity), capped at 250 ms.
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(FAST_POLICY.retryAfterCapMs - 1);
  });

  it("retries an unparseable body, then succeeds", async () => {
    server.script(GET_ROUTE, [raw(200, "<html>not json"), json(200, queued())]);
    await expect(client.poll("gen-1")).resolves.toMatchObject({ id: "gen-1", status: "queued" });
    expect(server.requestsTo(GET_ROUTE)).toHaveLength(2);
  });

  it("retries a stalled request after requestTimeoutMs", async () => {
    await client.close();
    client = testClient(server, { requestTimeoutMs: 100 });
    server.script(GET_ROUTE, [stall(), json(200, queued())]);
    await expect(client.poll("gen-1")).resolves.toMatchObject({ status: "queued" });
    expect(server.requestsTo(GET_ROUTE)).toHaveLength(2);
  });

  it("gives up after `attempts` with the last error, saying how many attempts were made", async () => {
    server.script(GET_ROUTE, [], {
      otherwise: status(503, { message: "Service Unavailable", requestId: "req-9" }),
    });
    const err = await rejectionOf(client.poll("gen-1"));
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({
      code: "E_API_SERVER",
      status: 503,
      apiMessage: "Service Unavailable",
      requestId: "req-9",
      attempts: FAST_POLICY.attempts,
      phase: "poll",
    });
    expect(server.requestsTo(GET_ROUTE)).toHaveLength(FAST_POLICY.attempts);
  });

  it("starts no retry wait that would end past the deadline", async () => {
    await client.close();
    client = testClient(server, {
      retry: { ...FAST_POLICY, attempts: 10, baseDelayMs: 50, capDelayMs: 1000, deadlineMs: 120 },
    });
    server.script(GET_ROUTE, [], { otherwise: status(500, { message: "boom" }) });
    const err = await rejectionOf(client.poll("gen-1"));
    // Attempt 1, wait 50 ms, attempt 2; the next wait (100 ms) would end past 120 ms.
    expect(err).toMatchObject({ code: "E_API_SERVER", attempts: 2 });
    expect(server.requestsTo(GET_ROUTE)).toHaveLength(2);
  });

  it.each([
    [
      400,
      "E_API_BAD_REQUEST",
      { message: ["prompt must be a string", "duration must be one of 4, 8"] },
      "prompt must be a string; duration must be one of 4, 8",
    ],
    [401, "E_API_UNAUTHORIZED", { message: "Unauthorized" }, "Unauthorized"],
    [403, "E_API_FORBIDDEN", { message: "Insufficient credits" }, "Insufficient credits"],
    [404, "E_API_NOT_FOUND", { message: "Generation not found" }, "Generation not found"],
  ] as const)(
    "does not retry HTTP %i (%s) and keeps the API's message",
    async (code, errorCode, body, message) => {
      server.script(GET_ROUTE, [status(code, { ...body, statusCode: code, requestId: "r-1", path: "/x" })]);
      const err = await rejectionOf(client.poll("gen-1"));
      expect(err).toMatchObject({
        code: errorCode,
        status: code,
        apiMessage: message,
        requestId: "r-1",
        phase: "poll",
      });
      expect((err as ApiError).message).toContain(message);
      expect(classify(err).retryable).toBe(false);
      expect(server.requestsTo(GET_ROUTE)).toHaveLength(1);
    },
  );

  it("treats an answer about another generation as malformed", async () => {
    server.script(GET_ROUTE, [], { otherwise: json(200, queued("someone-else")) });
    await expect(client.poll("gen-1")).rejects.toMatchObject({ code: "E_API_MALFORMED" });
  });

  it("rejects an unknown status as malformed (after retries)", async () => {
    server.script(GET_ROUTE, [], { otherwise: json(200, { id: "gen-1", status: "pondering" }) });
    await expect(client.poll("gen-1")).rejects.toMatchObject({
      code: "E_API_MALFORMED",
      generationId: "gen-1",
      attempts: FAST_POLICY.attempts,
    });
  });
});
