// Integration: a cold model's cohort over real HTTP (the timing rules themselves: poll-queue.test.ts, on a fake clock).
import { afterEach, beforeEach, expect, it } from "vitest";
import type { AimlClient } from "../../src/api/index.js";
import { json, startScriptedServer, type ScriptedServer } from "../helpers/scripted-server.js";
import { GET_ROUTE, POST_ROUTE, queued, testClient } from "../api/fixtures.js";
import { completed, promptOf, shot, startHarness, submitEntry, type Harness } from "./run-harness.js";

let server: ScriptedServer;
let client: AimlClient;
let harness: Harness | null = null;

beforeEach(async () => {
  server = await startScriptedServer();
  client = testClient(server);
});

afterEach(async () => {
  await harness?.close();
  harness = null;
  await client.close();
  await server.close();
});

it("polls every member of a cold cohort: shots that finish early complete though the oldest two never do", async () => {
  const submittedAt = new Map<string, number>();
  server.script(POST_ROUTE, [], {
    otherwise: (req) => {
      const id = `gen-${promptOf(req.body)}`;
      submittedAt.set(id, req.at);
      return json(200, queued(id));
    },
  });
  server.script(GET_ROUTE, [], {
    otherwise: (req) => {
      const id = req.query.generation_id ?? "";
      const stuck = id === "gen-s0" || id === "gen-s1";
      const done = !stuck && req.at - (submittedAt.get(id) ?? Infinity) >= 300;
      return json(200, done ? completed(id) : queued(id));
    },
  });
  const shots = [0, 1, 2, 3, 4, 5].map((i) => shot(`s${i}`, i));
  harness = await startHarness(shots.map(submitEntry));
  const controller = new AbortController();
  const finished = new Set<string>();
  const run = harness.run({
    client,
    concurrency: 6,
    pollIntervalMs: 100,
    shotTimeoutMs: 20_000,
    signal: controller.signal,
    onEvent: (event) => {
      if (event.type === "shot_completed") finished.add(event.id);
      if (finished.size === 4) controller.abort();
    },
  });
  const started = performance.now();
  await run;
  // Without rotation only the two oldest (stuck) shots were probed until the shot timeout (20 s here); with it
  // the four finish about 300 ms after submission — a wide margin for a loaded machine.
  expect(performance.now() - started).toBeLessThan(15_000);
  expect([...finished].sort()).toEqual(["s2", "s3", "s4", "s5"]);
  const polled = new Set(server.requestsTo(GET_ROUTE).map((r) => r.query.generation_id));
  expect(polled).toEqual(new Set(shots.map((s) => `gen-${s.id}`)));
});

it("a cold cohort costs polls with time, not with shots: ten shots complete with a few polls each", async () => {
  const submittedAt = new Map<string, number>();
  server.script(POST_ROUTE, [], {
    otherwise: (req) => {
      const id = `gen-${promptOf(req.body)}`;
      submittedAt.set(id, req.at);
      return json(200, queued(id));
    },
  });
  server.script(GET_ROUTE, [], {
    otherwise: (req) => {
      const id = req.query.generation_id ?? "";
      return json(200, req.at - (submittedAt.get(id) ?? Infinity) >= 600 ? completed(id) : queued(id));
    },
  });
  const shots = Array.from({ length: 10 }, (_, i) => shot(`c${i}`, i));
  harness = await startHarness(shots.map(submitEntry));
  const result = await harness.run({ client, concurrency: 10, pollIntervalMs: 100, shotTimeoutMs: 20_000 });
  expect(result.counts.completed).toBe(10);
  // every shot polled on every interval would be about 60 polls before the first completion alone
  expect(server.requestsTo(GET_ROUTE).length).toBeLessThan(60);
  expect(result.polls).toBe(server.requestsTo(GET_ROUTE).length);
});
