// A submission's intent is on disk before its POST leaves; it is replaced by the answer, or reverted when nothing was sent.
import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AimlClient } from "../../src/api/index.js";
import { readManifest } from "../../src/manifest/index.js";
import type { ShotRecord } from "../../src/manifest/index.js";
import { delay, json, startScriptedServer, status, type ScriptedServer } from "../helpers/scripted-server.js";
import { FAST_POLICY, GET_ROUTE, POST_ROUTE, queued, testClient } from "../api/fixtures.js";
import {
  completed,
  record,
  resubmitEntry,
  shot,
  startHarness,
  submitEntry,
  type Harness,
} from "./run-harness.js";

let server: ScriptedServer;
let client: AimlClient;
let harness: Harness | undefined;

beforeEach(async () => {
  server = await startScriptedServer();
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

/** The shot's record as a reader of the folder sees it now (snapshot + journal). */
async function onDisk(id: string): Promise<ShotRecord | undefined> {
  return (await readManifest(harness!.outDir))?.shots.find((s) => s.id === id);
}

const interrupted = {
  status: "unknown",
  generation_id: null,
  error: {
    code: "E_SUBMIT_INTERRUPTED",
    message:
      "the run ended while this submission was on its way; it may have been created and charged — check the AIML usage page, then render again with --only a to submit it once more",
  },
};

describe("the intent of a submission", () => {
  it("is in the journal as unknown E_SUBMIT_INTERRUPTED while the POST is on the wire; the answer replaces it", async () => {
    server.script(POST_ROUTE, [delay(300, json(200, queued("gen-a")))]);
    server.script(GET_ROUTE, [], { otherwise: json(200, completed("gen-a")) });
    harness = await startHarness([submitEntry(shot("a"))]);
    const running = harness.run({ client });
    await server.waitForRequests(1);
    expect(await onDisk("a")).toMatchObject(interrupted);
    const result = await running;
    expect(result.counts.completed).toBe(1);
    expect(harness.status("a")).toMatchObject({ status: "completed", generation_id: "gen-a", error: null });
    await harness.store.flush();
    expect(await onDisk("a")).toMatchObject({ status: "completed", generation_id: "gen-a", error: null });
  });

  it("of a shot that failed before takes the fresh record (old generation, clip and error gone)", async () => {
    const a = shot("a");
    const previous = record(a, {
      status: "failed",
      input_hash: "0".repeat(64),
      generation_id: "gen-old",
      error: { code: "E_GENERATION_FAILED", message: "content policy" },
      request: { prompt: "old" },
    });
    server.script(POST_ROUTE, [delay(300, json(200, queued("gen-a")))]);
    server.script(GET_ROUTE, [], { otherwise: json(200, { id: "gen-a", status: "generating" }) });
    harness = await startHarness([resubmitEntry(a, previous)]);
    const controller = new AbortController();
    const running = harness.run({ client, signal: controller.signal });
    await server.waitForRequests(1);
    expect(await onDisk("a")).toMatchObject({
      ...interrupted,
      input_hash: a.inputHash,
      request: { model: a.model, prompt: "a" },
    });
    controller.abort();
    await running;
    expect(harness.status("a")).toMatchObject({ status: "submitted", generation_id: "gen-a", error: null });
  });

  it("is reverted when the stop abandons the submission before it is sent: a failed shot stays failed", async () => {
    const a = shot("a");
    const previous = record(a, {
      status: "failed",
      generation_id: "gen-old",
      error: { code: "E_GENERATION_FAILED", message: "content policy" },
    });
    server.script(POST_ROUTE, [status(429, { message: "slow down" }, { retryAfter: 2 })]);
    harness = await startHarness([resubmitEntry(a, previous)]);
    const controller = new AbortController();
    const running = harness.run({ client, signal: controller.signal });
    await server.waitForRequests(1);
    controller.abort();
    const result = await running;
    expect(result.interrupted).toBe(true);
    expect(server.requestsTo(POST_ROUTE)).toHaveLength(1);
    expect(harness.status("a")).toMatchObject(previous);
    expect(result.counts.failed).toBe(1);
    await harness.store.flush();
    expect(await onDisk("a")).toMatchObject(previous);
  });

  it("is reverted when a 401 refuses it: a shot unknown from an earlier run stays unknown, its warning kept", async () => {
    const a = shot("a");
    const previous = record(a, { ...interrupted, status: "unknown" });
    server.script(POST_ROUTE, [status(401, { message: "bad key" })]);
    harness = await startHarness([resubmitEntry(a, previous)]);
    const result = await harness.run({ client });
    expect(result.fatal?.code).toBe("E_API_UNAUTHORIZED");
    expect(harness.status("a")).toMatchObject(previous);
    await harness.store.flush();
    expect(await onDisk("a")).toMatchObject(previous);
    // submitting it again was announced: its earlier submission may have been charged
    expect(harness.events).toContainEqual(
      expect.objectContaining({
        type: "warning",
        id: "a",
        message: expect.stringContaining("may have been created and charged (E_SUBMIT_INTERRUPTED)"),
      }),
    );
  });

  it("that cannot be written stops the run with E_MANIFEST_IO before anything is sent", async () => {
    server.script(POST_ROUTE, [json(200, queued("gen-a"))]);
    harness = await startHarness([submitEntry(shot("a")), submitEntry(shot("b", 1))]);
    // A folder where the journal goes: every append fails (EISDIR), the run is never told otherwise.
    await mkdir(join(harness.outDir, "manifest.journal"));
    const result = await harness.run({ client, concurrency: 1 });
    expect(result.fatal).toMatchObject({ code: "E_MANIFEST_IO", cause: expect.anything() });
    expect(server.requestsTo(POST_ROUTE)).toHaveLength(0);
    expect(harness.status("a")).toMatchObject({ status: "pending", error: { code: "E_MANIFEST_IO" } });
    expect(harness.status("b").status).toBe("pending");
    await rm(join(harness.outDir, "manifest.journal"), { recursive: true });
  });
});
