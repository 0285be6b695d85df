// A run that submits nothing new for a shot keeps its finished record; its counts and events say what this run did.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AimlClient } from "../../src/api/index.js";
import { readManifest } from "../../src/manifest/index.js";
import type { ShotRecord } from "../../src/manifest/index.js";
import { json, startScriptedServer, status, type ScriptedServer } from "../helpers/scripted-server.js";
import { GET_ROUTE, POST_ROUTE, queued, testClient } from "../api/fixtures.js";
import { completed, record, resubmitEntry, shot, startHarness, type Harness } from "./run-harness.js";

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

function done(id: string, index: number): ShotRecord {
  return record(shot(id, index), {
    status: "completed",
    generation_id: `gen-old-${id}`,
    submitted_at: "2026-11-21T10:00:00.000Z",
    completed_at: "2026-11-21T10:01:00.000Z",
    video_url: `https://cdn.example.com/gen-old-${id}.mp4`,
    clip: { path: `clips/${id}.mp4`, bytes: 100, sha256: "d".repeat(64) },
    credits_used: 3,
    polls: 2,
    backend: "simulator",
  });
}

describe("--force --max-credits over completed shots", () => {
  it("pays for what the cap covers; the others keep their records, counted skipped for this run", async () => {
    server.script(POST_ROUTE, [json(200, queued("gen-new-a"))], { otherwise: json(200, queued("gen-x")) });
    server.script(GET_ROUTE, [], {
      otherwise: json(200, { ...completed("gen-new-a"), meta: { usage: { credits_used: 3 } } }),
    });
    const [a, b, c] = [done("a", 0), done("b", 1), done("c", 2)];
    harness = await startHarness([
      resubmitEntry(shot("a", 0), a),
      resubmitEntry(shot("b", 1), b),
      resubmitEntry(shot("c", 2), c),
    ]);
    const result = await harness.run({ client, concurrency: 1, maxCredits: 4, estimateCredits: () => 3 });
    expect(server.requestsTo(POST_ROUTE)).toHaveLength(1);
    expect(result.counts).toMatchObject({ completed: 1, skipped: 2, failed: 0, pending: 0 });
    expect(harness.status("a")).toMatchObject({ status: "completed", generation_id: "gen-new-a" });
    expect(harness.status("b")).toEqual(b);
    expect(harness.status("c")).toEqual(c);
    await harness.store.flush();
    const onDisk = await readManifest(harness.outDir);
    expect(onDisk?.shots.slice(1)).toEqual([b, c]);
    const finished = harness.events.at(-1);
    expect(finished).toMatchObject({ type: "run_finished", counts: { completed: 1, skipped: 2 } });
    const skipped = harness.events.filter((e) => e.type === "shot_skipped");
    expect(skipped.map((e) => e.type === "shot_skipped" && [e.id, e.status, e.error?.code])).toEqual([
      ["b", "skipped", "E_MAX_CREDITS"],
      ["c", "skipped", "E_MAX_CREDITS"],
    ]);
  });

  it("a shot held back with no result to keep is skipped in the manifest too", async () => {
    const fresh = record(shot("a", 0));
    harness = await startHarness([resubmitEntry(shot("a", 0), fresh)]);
    const result = await harness.run({ client, maxCredits: 1, estimateCredits: () => 3 });
    expect(result.counts).toMatchObject({ skipped: 1 });
    expect(harness.status("a")).toMatchObject({ status: "skipped", error: { code: "E_MAX_CREDITS" } });
  });
});

describe("a forced resubmission the API refuses", () => {
  it("keeps the completed record (nothing was created) and counts the shot failed for this run", async () => {
    server.script(POST_ROUTE, [status(400, { message: "duration must be 8" })]);
    const a = done("a", 0);
    harness = await startHarness([resubmitEntry(shot("a", 0), a)]);
    const result = await harness.run({ client });
    expect(result.counts).toMatchObject({ failed: 1, completed: 0 });
    // (fields this record lacked and the intent added — line, duration, warnings — describe the shot only)
    expect(harness.status("a")).toMatchObject(a);
    expect(harness.events).toContainEqual(
      expect.objectContaining({
        type: "shot_failed",
        id: "a",
        error: expect.objectContaining({ code: "E_API_BAD_REQUEST" }),
      }),
    );
  });
});
