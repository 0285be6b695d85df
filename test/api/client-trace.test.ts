// Request ids and tracing headers on submissions: X-Client-Request-Id sent and checked, x-inference-id rescues a lost body.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  ApiError,
  classify,
  ClientRequestIdError,
  makeClientRequestId,
  type AimlClient,
} from "../../src/api/index.js";
import { startSimulator, type Simulator } from "../../src/simulator/index.js";
import { hasCode } from "../../src/util/errors.js";
import { json, raw, startScriptedServer, status, type ScriptedServer } from "../helpers/scripted-server.js";
import { FAKE_KEY, POST_ROUTE, queued, rejectionOf, testClient } from "./fixtures.js";

const BODY = { model: "google/veo-3.1-t2v-fast", prompt: "a red kite over the sea" };

describe("X-Client-Request-Id and tracing headers (scripted server)", () => {
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

  it("sends the request id and exposes the echo, x-inference-id and the cost headers on the result", async () => {
    server.script(POST_ROUTE, [
      json(200, queued("gen-9"), {
        "x-client-request-id": "run7:shot-ab12:1",
        "x-inference-id": "gen-9",
        "x-aimlapi-credits-used": "0",
        "x-aimlapi-usd-spent": "0.000000",
      }),
    ]);
    const result = await client.submit(BODY, { clientRequestId: "run7:shot-ab12:1" });
    expect(result).toMatchObject({ id: "gen-9", status: "queued" });
    expect(result.trace).toEqual({
      inferenceId: "gen-9",
      clientRequestId: "run7:shot-ab12:1",
      creditsUsed: 0,
      usdSpent: 0,
    });
    const [request] = server.requestsTo(POST_ROUTE);
    expect(request!.headers["x-client-request-id"]).toBe("run7:shot-ab12:1");
  });

  it("sends no request id header when none is given", async () => {
    server.script(POST_ROUTE, [json(200, queued())]);
    await client.submit(BODY);
    expect(server.requestsTo(POST_ROUTE)[0]!.headers).not.toHaveProperty("x-client-request-id");
  });

  it("refuses an id the API would silently drop (E_CLIENT_REQUEST_ID), before anything is sent", async () => {
    for (const bad of ["", "has space", "a/b", "é", "x".repeat(129), "semi;colon"]) {
      const err = await rejectionOf(client.submit(BODY, { clientRequestId: bad }));
      expect(err).toBeInstanceOf(ClientRequestIdError);
      expect(hasCode(err, "E_CLIENT_REQUEST_ID")).toBe(true);
      expect((err as Error).message).toContain("A-Z a-z 0-9 . _ : -");
      expect(classify(err)).toEqual({ retryable: false, kind: "config" });
    }
    expect(server.requests).toHaveLength(0);
    expect(client.stats().requests).toBe(0);
  });

  it("makeClientRequestId builds a valid id from any parts", () => {
    expect(makeClientRequestId(["run 1", "shot/é", 3])).toBe("run-1:shot--:3");
    expect(makeClientRequestId(["x".repeat(200)])).toHaveLength(128);
  });

  it("an unusable 2xx body with x-inference-id: E_SUBMIT_UNKNOWN that names the generation, sent once", async () => {
    server.script(POST_ROUTE, [
      raw(200, "<html>upstream hiccup</html>", { "x-inference-id": "gen-rescued" }),
    ]);
    const err = await rejectionOf(client.submit(BODY, { clientRequestId: "r1" }));
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: "E_SUBMIT_UNKNOWN", generationId: "gen-rescued" });
    expect((err as Error).message).toContain("named generation gen-rescued");
    expect(server.requestsTo(POST_ROUTE)).toHaveLength(1);
  });

  it("without the header an unusable body stays an unknown outcome without an id", async () => {
    server.script(POST_ROUTE, [raw(200, "<html>upstream hiccup</html>")]);
    const err = await rejectionOf(client.submit(BODY));
    expect(err).toMatchObject({ code: "E_SUBMIT_UNKNOWN" });
    expect((err as ApiError).generationId).toBeUndefined();
  });

  it("a gateway 502 that still carries x-inference-id names the generation", async () => {
    server.script(POST_ROUTE, [json(502, { message: "Bad Gateway" }, { "x-inference-id": "gen-behind" })]);
    expect(await rejectionOf(client.submit(BODY))).toMatchObject({
      code: "E_SUBMIT_UNKNOWN",
      generationId: "gen-behind",
    });
  });

  it("ignores an x-inference-id that holds the key, and bad cost headers", async () => {
    server.script(POST_ROUTE, [
      raw(200, "not json", { "x-inference-id": `id-${FAKE_KEY}` }),
      json(200, queued(), { "x-aimlapi-credits-used": "lots", "x-aimlapi-usd-spent": "-1" }),
    ]);
    const err = await rejectionOf(client.submit(BODY));
    expect((err as ApiError).generationId).toBeUndefined();
    expect(JSON.stringify(err)).not.toContain(FAKE_KEY);
    expect((err as Error).message).not.toContain(FAKE_KEY);
    const ok = await client.submit(BODY);
    expect(ok.trace).toEqual({ inferenceId: null, clientRequestId: null, creditsUsed: null, usdSpent: null });
  });

  it("a 4xx refusal stays what it was (the header changes nothing)", async () => {
    server.script(POST_ROUTE, [status(400, { message: "Body validation error!" })]);
    expect(await rejectionOf(client.submit(BODY, { clientRequestId: "r2" }))).toMatchObject({
      code: "E_API_BAD_REQUEST",
    });
  });
});

describe("x-inference-id against the simulator (accepted, then the answer is lost)", () => {
  let sim: Simulator;
  let client: AimlClient;
  beforeEach(async () => {
    sim = await startSimulator({ render: "fast", latency: 50 });
    client = testClient(sim.url);
  });
  afterEach(async () => {
    await client.close();
    await sim.close();
  });

  it("a broken body: the generation the simulator created is named by the header; one job, one POST", async () => {
    sim.faults.add("submit", { type: "malformed" });
    const err = await rejectionOf(client.submit(BODY, { clientRequestId: "lost-1" }));
    expect(err).toMatchObject({ code: "E_SUBMIT_UNKNOWN" });
    expect(sim.stats.jobsCreated).toBe(1);
    expect((err as ApiError).generationId).toBe([...sim.stats.jobs.keys()][0]);
    expect(sim.stats.requests.submit).toBe(1);
    await expect(client.poll((err as ApiError).generationId!)).resolves.toMatchObject({
      id: (err as ApiError).generationId,
    });
  });

  it("the connection dropped after the head: the header still names the generation", async () => {
    sim.faults.add("submit", { type: "drop-after-headers" });
    const err = await rejectionOf(client.submit(BODY));
    expect(err).toMatchObject({ code: "E_SUBMIT_UNKNOWN", generationId: [...sim.stats.jobs.keys()][0] });
    expect(sim.stats).toMatchObject({ jobsCreated: 1 });
    expect(sim.stats.requests.submit).toBe(1);
  });

  it("dropped before any answer: unknown, no id (reconciliation through /v2/logs finds it by request id)", async () => {
    sim.faults.add("submit", { type: "reset-after-accept" });
    const err = await rejectionOf(client.submit(BODY, { clientRequestId: "lost-2" }));
    expect(err).toMatchObject({ code: "E_SUBMIT_UNKNOWN" });
    expect((err as ApiError).generationId).toBeUndefined();
    expect(sim.stats.jobsCreated).toBe(1);
    const page = await client.logs({ period: "1h" });
    expect(page.rows).toHaveLength(1);
    expect(page.rows[0]).toMatchObject({
      clientRequestId: "lost-2",
      status: "succeeded",
      inferenceId: [...sim.stats.jobs.keys()][0],
    });
  });
});
