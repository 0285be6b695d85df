// One shot's submission on its own: the sequence, its seams (a hook before anything is paid, one before the POST), and held-back shots.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AimlClient } from "../../src/api/index.js";
import { readManifest } from "../../src/manifest/index.js";
import type { ShotRecord } from "../../src/manifest/index.js";
import type { RunEvent } from "../../src/scheduler/index.js";
import { CreditGuard } from "../../src/scheduler/credit-guard.js";
import { RunRecorder } from "../../src/scheduler/recorder.js";
import { Submitter } from "../../src/scheduler/submission.js";
import type { SubmissionHooks, SubmitterOptions } from "../../src/scheduler/submission.js";
import { systemClock } from "../../src/util/clock.js";
import { json, startScriptedServer, status, type ScriptedServer } from "../helpers/scripted-server.js";
import { POST_ROUTE, queued, testClient } from "../api/fixtures.js";
import { record, resubmitEntry, shot, startHarness, submitEntry, type Harness } from "./run-harness.js";

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

const a = shot("a");
const CLIP = { path: "clips/a.mp4", bytes: 10, sha256: "e".repeat(64) };
const completedBefore: ShotRecord = record(a, {
  status: "completed",
  generation_id: "gen-old",
  clip: CLIP,
  credits_used: 40,
  polls: 2,
  backend: "simulator",
});

interface Setup {
  submitter: Submitter;
  recorder: RunRecorder;
  events: RunEvent[];
  fatal: Error[];
}

function setUp(h: Harness, options: Partial<SubmitterOptions> & { hooks?: SubmissionHooks } = {}): Setup {
  const events: RunEvent[] = [];
  const fatal: Error[] = [];
  const recorder = new RunRecorder({
    store: h.store,
    clock: systemClock,
    onEvent: (e) => events.push(e),
    onFatal: (err) => fatal.push(err),
  });
  recorder.start();
  const submitter = new Submitter({
    runId: "test-run",
    client,
    recorder,
    credits: new CreditGuard(null),
    buildBody: (s) => Promise.resolve({ ...s.fields }),
    backend: "simulator",
    clock: systemClock,
    stop: new AbortController().signal,
    fatal: (err) => fatal.push(err),
    ...options,
  });
  return { submitter, recorder, events, fatal };
}

describe("the submission sequence", () => {
  it("POSTs once and records the paid id durably before it may be polled", async () => {
    server.script(POST_ROUTE, [json(200, queued("gen-a"))]);
    harness = await startHarness([submitEntry(a)]);
    const { submitter } = setUp(harness);
    const submission = await submitter.submit(submitEntry(a));
    expect(submission).toMatchObject({
      kind: "generation",
      generationId: "gen-a",
      first: { status: "queued" },
    });
    if (submission.kind !== "generation") return;
    await submission.durable;
    expect((await readManifest(harness.outDir))?.shots[0]).toMatchObject({
      status: "submitted",
      generation_id: "gen-a",
    });
    expect(server.requestsTo(POST_ROUTE)).toHaveLength(1);
  });

  it("held back by the cap: nothing sent, a completed record kept clip and all, the run's outcome is skipped", async () => {
    const entry = resubmitEntry(a, completedBefore);
    harness = await startHarness([entry]);
    const { submitter, recorder, events } = setUp(harness, {
      credits: new CreditGuard(10),
      estimateCredits: () => 40,
    });
    expect(await submitter.submit(entry)).toEqual({ kind: "none" });
    expect(server.requestsTo(POST_ROUTE)).toHaveLength(0);
    expect(harness.status("a")).toEqual(completedBefore);
    expect(recorder.runOutcomes().get("a")).toBe("skipped");
    expect(events).toEqual([
      expect.objectContaining({
        type: "shot_skipped",
        id: "a",
        status: "skipped",
        error: expect.objectContaining({ code: "E_MAX_CREDITS" }),
      }),
    ]);
  });

  it("refused (400): nothing was created, so a completed record is put back; the run's outcome is failed", async () => {
    server.script(POST_ROUTE, [status(400, { message: "duration must be 8" })]);
    const entry = resubmitEntry(a, completedBefore);
    harness = await startHarness([entry]);
    const { submitter, recorder, events } = setUp(harness);
    expect(await submitter.submit(entry)).toEqual({ kind: "none" });
    expect(harness.status("a")).toMatchObject(completedBefore);
    await harness.store.flush();
    expect((await readManifest(harness.outDir))?.shots[0]).toMatchObject(completedBefore);
    expect(recorder.runOutcomes().get("a")).toBe("failed");
    expect(events).toContainEqual(
      expect.objectContaining({
        type: "shot_failed",
        id: "a",
        status: "failed",
        error: expect.objectContaining({ code: "E_API_BAD_REQUEST" }),
      }),
    );
  });
});

describe("the seams for later steps", () => {
  it("beforeSubmit finding the clip at hand completes the shot: nothing estimated, written as intent, or sent", async () => {
    harness = await startHarness([submitEntry(a)]);
    let estimated = 0;
    const { submitter, events } = setUp(harness, {
      estimateCredits: () => {
        estimated += 1;
        return 1;
      },
      hooks: {
        beforeSubmit: () =>
          Promise.resolve({
            kind: "completed",
            generationId: "gen-cached",
            clip: { relPath: CLIP.path, bytes: CLIP.bytes, sha256: CLIP.sha256, warnings: [] },
          }),
      },
    });
    expect(await submitter.submit(submitEntry(a))).toEqual({ kind: "none" });
    expect(estimated).toBe(0);
    expect(server.requestsTo(POST_ROUTE)).toHaveLength(0);
    expect(harness.status("a")).toMatchObject({
      status: "completed",
      clip: CLIP,
      generation_id: "gen-cached",
    });
    expect(events).toEqual([expect.objectContaining({ type: "shot_completed", id: "a", clip: CLIP.path })]);
  });

  it("beforeSubmit naming an existing generation: it is recorded and followed, nothing is sent", async () => {
    harness = await startHarness([submitEntry(a)]);
    const { submitter } = setUp(harness, {
      hooks: { beforeSubmit: () => Promise.resolve({ kind: "generation", generationId: "gen-shared" }) },
    });
    const submission = await submitter.submit(submitEntry(a));
    expect(submission).toMatchObject({ kind: "generation", generationId: "gen-shared", first: null });
    expect(server.requestsTo(POST_ROUTE)).toHaveLength(0);
    expect(harness.status("a")).toMatchObject({ status: "submitted", generation_id: "gen-shared" });
  });

  it("beforePost runs with the intent on disk; a generation it finds (reconciled) is adopted instead of POSTing", async () => {
    const previous = record(a, {
      status: "unknown",
      error: { code: "E_SUBMIT_INTERRUPTED", message: "may have been charged" },
    });
    const entry = resubmitEntry(a, previous);
    harness = await startHarness([entry]);
    let seen: { onDisk: ShotRecord | undefined; before: ShotRecord } | null = null;
    const { submitter } = setUp(harness, {
      hooks: {
        beforePost: async (_entry, before) => {
          seen = { onDisk: (await readManifest(harness!.outDir))?.shots[0], before };
          return { kind: "generation", generationId: "gen-found-in-logs" };
        },
      },
    });
    const submission = await submitter.submit(entry);
    expect(seen).toMatchObject({
      onDisk: { status: "unknown", error: { code: "E_SUBMIT_INTERRUPTED" }, input_hash: a.inputHash },
      before: previous,
    });
    expect(submission).toMatchObject({ kind: "generation", generationId: "gen-found-in-logs" });
    expect(server.requestsTo(POST_ROUTE)).toHaveLength(0);
  });

  it("a hook that throws fails the shot like a refused request: nothing sent, a completed record kept", async () => {
    const entry = resubmitEntry(a, completedBefore);
    harness = await startHarness([entry]);
    const { submitter, recorder, events } = setUp(harness, {
      hooks: { beforePost: () => Promise.reject(new Error("request log unreachable")) },
    });
    expect(await submitter.submit(entry)).toEqual({ kind: "none" });
    expect(server.requestsTo(POST_ROUTE)).toHaveLength(0);
    expect(harness.status("a")).toMatchObject(completedBefore);
    expect(recorder.runOutcomes().get("a")).toBe("failed");
    expect(events).toContainEqual(
      expect.objectContaining({
        type: "shot_failed",
        error: { code: "E_UNEXPECTED", message: "request log unreachable" },
      }),
    );
  });

  it("beforePost answering submit: the POST goes out as usual", async () => {
    server.script(POST_ROUTE, [json(200, queued("gen-a"))]);
    harness = await startHarness([submitEntry(a)]);
    const { submitter } = setUp(harness, {
      hooks: { beforePost: () => Promise.resolve({ kind: "submit" }) },
    });
    expect(await submitter.submit(submitEntry(a))).toMatchObject({
      kind: "generation",
      generationId: "gen-a",
    });
    expect(server.requestsTo(POST_ROUTE)).toHaveLength(1);
  });
});
