import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ApiError, classify, type AimlClient } from "../../src/api/index.js";
import {
  json,
  raw,
  reset,
  resetAfterBody,
  stall,
  startScriptedServer,
  status,
  type ScriptedServer,
} from "../helpers/scripted-server.js";
import { FAST_POLICY, GET_ROUTE, POST_ROUTE, queued, rejectionOf, testClient } from "./fixtures.js";

const BODY = { model: "google/veo-3.0-i2v-fast", prompt: "a red kite over the sea", duration: 8 };

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

function expectUnknown(err: unknown): ApiError {
  expect(err).toBeInstanceOf(ApiError);
  const apiError = err as ApiError;
  expect(apiError.code).toBe("E_SUBMIT_UNKNOWN");
  expect(apiError.phase).toBe("submit");
  expect(classify(apiError).retryable).toBe(false);
  return apiError;
}

describe("submit: retried when the server proves it did not act", () => {
  it("sends the body as JSON and returns the generation", async () => {
    server.script(POST_ROUTE, [json(200, { id: "gen-7", status: "queued" })]);
    await expect(client.submit(BODY)).resolves.toEqual({
      id: "gen-7",
      status: "queued",
      videoUrl: null,
      error: null,
      creditsUsed: null,
      trace: { inferenceId: null, clientRequestId: null, creditsUsed: null, usdSpent: null },
    });
    const [request] = server.requestsTo(POST_ROUTE);
    expect(JSON.parse(request!.body)).toEqual(BODY);
    expect(request!.headers["content-type"]).toBe("application/json");
  });

  it("retries a 503 with the identical body", async () => {
    server.script(POST_ROUTE, [status(503, { message: "Service Unavailable" }), json(201, queued())]);
    await expect(client.submit(BODY)).resolves.toMatchObject({ id: "gen-1" });
    const sent = server.requestsTo(POST_ROUTE);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.body).toBe(sent[0]!.body);
  });

  it("retries a 429 and tells the budget", async () => {
    server.script(POST_ROUTE, [
      status(429, { message: "Concurrency limit" }, { retryAfter: 0 }),
      json(200, queued()),
    ]);
    await expect(client.submit(BODY)).resolves.toMatchObject({ id: "gen-1" });
    expect(server.requestsTo(POST_ROUTE)).toHaveLength(2);
    expect(client.stats()).toMatchObject({ requests: 2, retries: 1, throttled: 1 });
  });

  it("retries when the connection is refused, and succeeds once the server is up", async () => {
    const port = await freePort();
    let late: ScriptedServer | undefined;
    const starting: Promise<void>[] = [];
    const retried: unknown[] = [];
    const refused = testClient(`http://127.0.0.1:${port}`, {
      retry: { ...FAST_POLICY, attempts: 8, baseDelayMs: 20, capDelayMs: 50 },
      hooks: {
        onRetry: (event) => {
          retried.push(event.error);
          if (starting.length > 0) return;
          starting.push(
            startScriptedServer({ port }).then((s) => {
              late = s;
              s.script(POST_ROUTE, [json(200, queued("late-1"))]);
            }),
          );
        },
      },
    });
    try {
      await expect(refused.submit(BODY)).resolves.toMatchObject({ id: "late-1" });
      expect(late!.requestsTo(POST_ROUTE)).toHaveLength(1);
      expect(retried.length).toBeGreaterThanOrEqual(1);
      expect(retried[0]).toMatchObject({ code: "E_NETWORK", networkCode: "ECONNREFUSED", phase: "submit" });
    } finally {
      await refused.close();
      await Promise.all(starting);
      await late?.close();
    }
  });

  it("ends E_NETWORK when the connection stays refused", async () => {
    const port = await freePort();
    const refused = testClient(`http://127.0.0.1:${port}`);
    try {
      const err = await rejectionOf(refused.submit(BODY));
      expect(err).toMatchObject({
        code: "E_NETWORK",
        networkCode: "ECONNREFUSED",
        attempts: FAST_POLICY.attempts,
      });
      expect(refused.stats().requests).toBe(FAST_POLICY.attempts);
    } finally {
      await refused.close();
    }
  });
});

describe("submit: never resent when the outcome is unknown", () => {
  it("connection reset after the body was read → E_SUBMIT_UNKNOWN, one request", async () => {
    server.script(POST_ROUTE, [resetAfterBody(), json(200, queued())]);
    const err = expectUnknown(await rejectionOf(client.submit(BODY)));
    expect(err.cause).toMatchObject({ code: "E_NETWORK" });
    expect(server.requestsTo(POST_ROUTE)).toHaveLength(1);
    expect(client.stats().submitUnknown).toBe(1);
  });

  it("connection reset as soon as the head arrived → E_SUBMIT_UNKNOWN, one request", async () => {
    server.script(POST_ROUTE, [reset(), json(200, queued())]);
    expectUnknown(await rejectionOf(client.submit(BODY)));
    expect(server.requestsTo(POST_ROUTE)).toHaveLength(1);
  });

  it("no answer within requestTimeoutMs → E_SUBMIT_UNKNOWN caused by E_TIMEOUT, one request", async () => {
    await client.close();
    client = testClient(server, { requestTimeoutMs: 100 });
    server.script(POST_ROUTE, [stall(), json(200, queued())]);
    const err = expectUnknown(await rejectionOf(client.submit(BODY)));
    expect(err.cause).toMatchObject({ code: "E_TIMEOUT" });
    expect(server.requestsTo(POST_ROUTE)).toHaveLength(1);
  });

  it("a 2xx whose body is not JSON → E_SUBMIT_UNKNOWN, one request", async () => {
    server.script(POST_ROUTE, [raw(200, "ok!"), json(200, queued())]);
    const err = expectUnknown(await rejectionOf(client.submit(BODY)));
    expect(err.status).toBe(200);
    expect(err.cause).toMatchObject({ code: "E_API_MALFORMED" });
    expect(server.requestsTo(POST_ROUTE)).toHaveLength(1);
  });

  it("a 2xx with an id but an unknown status keeps the id on the error", async () => {
    server.script(POST_ROUTE, [json(200, { id: "gen-paid", status: "brewing" })]);
    const err = expectUnknown(await rejectionOf(client.submit(BODY)));
    expect(err.generationId).toBe("gen-paid");
    expect(server.requestsTo(POST_ROUTE)).toHaveLength(1);
  });

  it("a 2xx without an id → E_SUBMIT_UNKNOWN", async () => {
    server.script(POST_ROUTE, [json(200, { status: "queued" })]);
    expectUnknown(await rejectionOf(client.submit(BODY)));
    expect(server.requestsTo(POST_ROUTE)).toHaveLength(1);
  });

  it.each([502, 504])("a gateway's HTTP %i → E_SUBMIT_UNKNOWN (the API may have acted)", async (code) => {
    server.script(POST_ROUTE, [status(code, { message: "Bad gateway" }), json(200, queued())]);
    const err = expectUnknown(await rejectionOf(client.submit(BODY)));
    expect(err.status).toBe(code);
    expect(server.requestsTo(POST_ROUTE)).toHaveLength(1);
  });
});

describe("submit: rejected requests", () => {
  it("400 Body validation error is not retried and keeps the API's message", async () => {
    server.script(POST_ROUTE, [
      status(400, {
        message: "Body validation error!",
        path: "/v2/video/generations",
        requestId: "abc",
        statusCode: 400,
        timestamp: "2025-01-01T00:00:00.000Z",
      }),
    ]);
    const err = await rejectionOf(client.submit(BODY));
    expect(err).toMatchObject({
      code: "E_API_BAD_REQUEST",
      apiMessage: "Body validation error!",
      requestId: "abc",
    });
    expect(server.requestsTo(POST_ROUTE)).toHaveLength(1);
  });

  it("a 404 on submit points at the base URL", async () => {
    server.script(POST_ROUTE, [status(404, { message: "Cannot POST /v2/video/generations" })]);
    const err = await rejectionOf(client.submit(BODY));
    expect(err).toMatchObject({ code: "E_API_NOT_FOUND", phase: "submit" });
    expect(server.requestsTo(POST_ROUTE)).toHaveLength(1);
  });
});

describe("connections", () => {
  it("polls reuse keep-alive connections; every submit goes out on a connection of its own", async () => {
    server.script(GET_ROUTE, [], { otherwise: json(200, queued()) });
    server.script(POST_ROUTE, [], { otherwise: json(200, queued()) });
    for (let i = 0; i < 4; i++) await client.poll("gen-1");
    await client.submit(BODY);
    await client.poll("gen-1");
    await client.submit(BODY);
    const byConnection = new Map<number, string[]>();
    for (const r of server.requests)
      byConnection.set(r.connection, [...(byConnection.get(r.connection) ?? []), r.method]);
    const pollConnections = new Set(server.requestsTo(GET_ROUTE).map((r) => r.connection));
    expect(pollConnections.size).toBeLessThan(5);
    for (const r of server.requestsTo(POST_ROUTE)) {
      expect(byConnection.get(r.connection)).toEqual(["POST"]);
      expect(r.headers.connection).toBe("close");
    }
  });
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
