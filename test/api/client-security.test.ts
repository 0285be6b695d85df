import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConfigError, createClient, type AimlClient } from "../../src/api/index.js";
import {
  json,
  raw,
  resetAfterBody,
  startScriptedServer,
  status,
  type ScriptedServer,
} from "../helpers/scripted-server.js";
import { FAKE_KEY, GET_ROUTE, POST_ROUTE, queued, rejectionOf, testClient } from "./fixtures.js";

let server: ScriptedServer;
let client: AimlClient;

beforeEach(async () => {
  server = await startScriptedServer();
  client = testClient(server, { retry: { attempts: 2, baseDelayMs: 1, capDelayMs: 1, jitter: "none" } });
});

afterEach(async () => {
  await client.close();
  await server.close();
});

/** Every rendering of an error and its cause chain a log or report might produce. */
function renderings(err: unknown): string[] {
  const out: string[] = [inspect(err, { depth: 10 }), JSON.stringify(err) ?? "", String(err)];
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 10; e = e.cause, depth++) {
    out.push(e.message, e.stack ?? "", JSON.stringify(e) ?? "", JSON.stringify(Object.entries(e)));
  }
  return out;
}

function expectNoKey(err: unknown): void {
  expect(err).toBeInstanceOf(Error);
  for (const text of renderings(err)) expect(text).not.toContain(FAKE_KEY);
}

describe("the API key", () => {
  it("is sent as Authorization: Bearer <key>, with a storyreel User-Agent, on submit and poll", async () => {
    server.script(POST_ROUTE, [json(200, queued())]);
    server.script(GET_ROUTE, [json(200, queued())]);
    await client.submit({ model: "m" });
    await client.poll("gen-1");
    for (const request of server.requests) {
      expect(request.headers.authorization).toBe(`Bearer ${FAKE_KEY}`);
      expect(request.headers["user-agent"]).toMatch(/^storyreel\/\d+\.\d+\.\d+/);
      expect(request.url).not.toContain(FAKE_KEY);
    }
  });

  it("never appears in errors, even when the server echoes it back", async () => {
    const echo = `invalid key ${FAKE_KEY}`;
    server.script(GET_ROUTE, [
      status(401, { message: echo, requestId: FAKE_KEY }),
      status(400, { message: [echo, { path: ["prompt"], message: echo }] }),
      json(200, { id: "gen-1", status: FAKE_KEY }),
      json(200, { id: "gen-1", status: FAKE_KEY }),
      raw(500, `<html>${echo}</html>`, { "x-request-id": FAKE_KEY }),
      raw(500, `<html>${echo}</html>`, { "x-request-id": FAKE_KEY }),
    ]);
    server.script(POST_ROUTE, [resetAfterBody(), json(200, { id: "gen-1", status: FAKE_KEY })]);
    const errors = [
      await rejectionOf(client.poll("gen-1")),
      await rejectionOf(client.poll("gen-1")),
      await rejectionOf(client.poll("gen-1")),
      await rejectionOf(client.poll("gen-1")),
      await rejectionOf(client.submit({ model: "m" })),
      await rejectionOf(client.submit({ model: "m" })),
    ];
    expect(errors.map((e) => (e as { code?: string }).code)).toEqual([
      "E_API_UNAUTHORIZED",
      "E_API_BAD_REQUEST",
      "E_API_MALFORMED",
      "E_API_SERVER",
      "E_SUBMIT_UNKNOWN",
      "E_SUBMIT_UNKNOWN",
    ]);
    expect(errors[0]).toMatchObject({ apiMessage: "invalid key [REDACTED]", requestId: "[REDACTED]" });
    for (const err of errors) expectNoKey(err);
  });

  it("never appears in a generation the API reports (error name and message, video url, anything echoed)", async () => {
    server.script(GET_ROUTE, [
      json(200, {
        id: "gen-1",
        status: "error",
        error: { name: `Name ${FAKE_KEY}`, message: `bad key ${FAKE_KEY} in prompt` },
      }),
      json(200, { id: "gen-1", status: "error", error: `plain ${FAKE_KEY}` }),
      json(200, {
        id: "gen-1",
        status: "completed",
        video: { url: `https://cdn.example.com/a.mp4?k=${FAKE_KEY}` },
        meta: { echo: FAKE_KEY },
      }),
      json(200, { id: "gen-1", status: "error", error: { [FAKE_KEY]: FAKE_KEY } }),
    ]);
    const answers = [
      await client.poll("gen-1"),
      await client.poll("gen-1"),
      await client.poll("gen-1"),
      await client.poll("gen-1"),
    ];
    expect(answers[0]?.error).toEqual({ name: "Name [REDACTED]", message: "bad key [REDACTED] in prompt" });
    expect(answers[1]?.error).toEqual({ name: null, message: "plain [REDACTED]" });
    expect(answers[2]?.videoUrl).toBe("https://cdn.example.com/a.mp4?k=[REDACTED]");
    for (const answer of answers) {
      expect(JSON.stringify(answer)).not.toContain(FAKE_KEY);
      expect(inspect(answer, { depth: 10 })).not.toContain(FAKE_KEY);
    }
  });

  it("never appears as a generation id, nor in the parser's message about a body that is not JSON", async () => {
    server.script(POST_ROUTE, [
      json(200, { id: `gen-${FAKE_KEY}`, status: "queued" }),
      json(200, { id: FAKE_KEY, status: "pondering" }),
      raw(200, `${FAKE_KEY.slice(0, 12)}`),
    ]);
    const errors = [
      await rejectionOf(client.submit({ model: "m" })),
      await rejectionOf(client.submit({ model: "m" })),
      await rejectionOf(client.submit({ model: "m" })),
    ];
    expect(errors.map((e) => (e as { code?: string }).code)).toEqual([
      "E_SUBMIT_UNKNOWN",
      "E_SUBMIT_UNKNOWN",
      "E_SUBMIT_UNKNOWN",
    ]);
    for (const err of errors) {
      expect((err as { generationId?: string }).generationId).toBeUndefined();
      expectNoKey(err);
      for (const text of renderings(err)) expect(text).not.toContain(FAKE_KEY.slice(0, 10));
    }
  });

  it("never appears in network errors or config errors", async () => {
    await server.close();
    const unreachable = testClient(server.url);
    try {
      expectNoKey(await rejectionOf(unreachable.poll("gen-1")));
    } finally {
      await unreachable.close();
    }
    server = await startScriptedServer();
    let thrown: unknown;
    try {
      createClient({ baseUrl: server.url, apiKey: `${FAKE_KEY}\n` });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect(thrown).toMatchObject({ code: "E_CONFIG", key: "apiKey" });
    expectNoKey(thrown);
  });

  it("is not exposed by the client object", () => {
    expect(JSON.stringify(client)).not.toContain(FAKE_KEY);
    expect(inspect(client, { depth: 5 })).not.toContain(FAKE_KEY);
  });
});

describe("configuration", () => {
  it.each([
    "http://127.0.0.1:9",
    "http://127.255.0.1:9",
    "http://localhost:9",
    "http://[::1]:9",
    "https://api.aimlapi.com",
    "https://proxy.example.com/aiml/",
  ])("accepts base URL %s", (baseUrl) => {
    expect(() => createClient({ baseUrl, apiKey: FAKE_KEY })).not.toThrow();
  });

  it.each([
    "http://api.aimlapi.com",
    "http://10.0.0.1",
    "http://128.0.0.1",
    "ftp://127.0.0.1",
    "not a url",
    "https://user:pass@api.aimlapi.com",
    "https://api.aimlapi.com/?x=1",
  ])("rejects base URL %s with E_CONFIG naming baseUrl", (baseUrl) => {
    let thrown: unknown;
    try {
      createClient({ baseUrl, apiKey: FAKE_KEY });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect(thrown).toMatchObject({ code: "E_CONFIG", key: "baseUrl" });
  });

  it("defaults to https://api.aimlapi.com", () => {
    expect(createClient({ apiKey: FAKE_KEY }).origin).toBe("https://api.aimlapi.com");
  });

  it("keeps a base URL's path prefix", async () => {
    const prefixed = testClient(`${server.url}/proxy/aiml/`);
    server.script("GET /proxy/aiml/v2/video/generations", [json(200, queued())]);
    try {
      await expect(prefixed.poll("gen-1")).resolves.toMatchObject({ id: "gen-1" });
    } finally {
      await prefixed.close();
    }
  });

  it.each([
    [{ retry: { attempts: 0 } }, "retry.attempts"],
    [{ retry: { jitter: "some" as "full" } }, "retry.jitter"],
    [{ retry: { baseDelayMs: 100, capDelayMs: 10 } }, "retry.capDelayMs"],
    [{ requestTimeoutMs: 0 }, "requestTimeoutMs"],
    [{ apiKey: "" }, "apiKey"],
  ])("rejects %o with E_CONFIG naming %s", (overrides, key) => {
    expect(() => createClient({ baseUrl: server.url, apiKey: FAKE_KEY, ...overrides })).toThrow(
      expect.objectContaining({ code: "E_CONFIG", key }),
    );
  });

  it("refuses calls after close()", async () => {
    await client.close();
    await expect(client.poll("gen-1")).rejects.toMatchObject({ code: "E_CLIENT_CLOSED" });
    await expect(client.submit({ model: "m" })).rejects.toMatchObject({ code: "E_CLIENT_CLOSED" });
    expect(server.requests).toHaveLength(0);
  });
});
