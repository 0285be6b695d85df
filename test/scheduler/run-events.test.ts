// What a run tells its listener: budget skips as shot_skipped, and a throwing listener stops the run cleanly.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AimlClient } from "../../src/api/index.js";
import type { RunEvent } from "../../src/scheduler/index.js";
import { json, startScriptedServer, type ScriptedServer } from "../helpers/scripted-server.js";
import { GET_ROUTE, POST_ROUTE, queued, testClient } from "../api/fixtures.js";
import { completed, shot, startHarness, submitEntry, type Harness } from "./run-harness.js";

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

describe("--max-credits", () => {
  it("a shot the cap keeps from being submitted is a shot_skipped event (never shot_failed)", async () => {
    server.script(POST_ROUTE, [json(200, queued("gen-a"))]);
    server.script(GET_ROUTE, [json(200, { ...completed("gen-a"), meta: { usage: { credits_used: 3 } } })]);
    harness = await startHarness([submitEntry(shot("a")), submitEntry(shot("b", 1))]);
    const result = await harness.run({
      client,
      concurrency: 1,
      maxCredits: 5,
      estimateCredits: () => 3,
    });
    expect(result.counts).toMatchObject({ completed: 1, skipped: 1 });
    expect(server.requestsTo(POST_ROUTE)).toHaveLength(1);
    const skipped = harness.events.filter((e) => e.type === "shot_skipped");
    expect(skipped).toEqual([
      {
        type: "shot_skipped",
        id: "b",
        index: 1,
        reason: expect.stringMatching(/^not submitted: .*past --max-credits 5/),
        status: "skipped",
        error: { code: "E_MAX_CREDITS", message: expect.stringMatching(/^not submitted: /) },
        t: expect.any(Number),
      },
    ]);
    const [event] = skipped;
    expect(event?.reason).toBe(event?.error?.message);
    expect(harness.events.some((e) => e.type === "shot_failed")).toBe(false);
    expect(harness.status("b")).toMatchObject({ status: "skipped", error: { code: "E_MAX_CREDITS" } });
  });
});

describe("--max-credits without a price", () => {
  it("a shot of unknown price is skipped E_PRICE_UNKNOWN, naming model, resolution and a shot to price it by", async () => {
    harness = await startHarness([submitEntry(shot("a"))]);
    const result = await harness.run({ client, maxCredits: 100, estimateCredits: () => null });
    expect(result.counts).toMatchObject({ skipped: 1 });
    expect(server.requestsTo(POST_ROUTE)).toHaveLength(0);
    expect(harness.status("a")).toMatchObject({
      status: "skipped",
      error: {
        code: "E_PRICE_UNKNOWN",
        message:
          "not submitted: no price is known for google/veo-3.1-t2v-fast at 1080p: render one such shot without --max-credits first, e.g. `--only a`",
      },
    });
  });
});

describe("an estimateCredits that throws", () => {
  it(
    "stops the run with fatal E_ESTIMATE_CREDITS (cause kept): nothing more is sent, the paid id is kept",
    { timeout: 20_000 }, // a hang never settles; 20 s is only a bound for a loaded machine
    async () => {
      server.script(POST_ROUTE, [json(200, queued("gen-a"))], { otherwise: json(200, queued("gen-x")) });
      server.script(GET_ROUTE, [], { otherwise: json(200, completed("gen-a")) });
      const entries = [submitEntry(shot("a")), submitEntry(shot("b", 1)), submitEntry(shot("c", 2))];
      harness = await startHarness(entries);
      const boom = new Error("price table bug");
      const result = await harness.run({
        client,
        concurrency: 1,
        maxCredits: 100,
        estimateCredits: (s) => {
          if (s.id === "b") throw boom;
          return 1;
        },
      });
      expect(result.fatal).toMatchObject({ code: "E_ESTIMATE_CREDITS", cause: boom });
      expect(result.fatal?.message).toContain("shot b");
      expect(result.interrupted).toBe(false);
      expect(server.requestsTo(POST_ROUTE)).toHaveLength(1);
      // a's slot is free once its generation completes; its download is cut by the stop: the id stays for the next run
      expect(harness.status("a")).toMatchObject({ status: "submitted", generation_id: "gen-a" });
      expect(harness.status("b").status).toBe("pending");
      expect(harness.status("c").status).toBe("pending");
      expect(result.counts).toMatchObject({ inFlight: 1, pending: 2 });
      expect(harness.events.at(-1)).toMatchObject({
        type: "run_finished",
        fatal: { code: "E_ESTIMATE_CREDITS" },
      });
    },
  );
});

describe("a listener that throws", () => {
  const boom = new Error("renderer bug");

  it.each(["run_started", "shot_submitted", "shot_status", "shot_completed", "run_finished"])(
    "on %s: the run settles with fatal E_EVENT_LISTENER and a consistent manifest",
    { timeout: 20_000 }, // a hang never settles; 20 s is only a bound for a loaded machine
    async (type) => {
      server.script(POST_ROUTE, [json(200, queued("gen-a"))], { otherwise: json(200, queued("gen-x")) });
      server.script(GET_ROUTE, [json(200, { id: "gen-a", status: "generating" })], {
        otherwise: (req) => json(200, completed(req.query.generation_id ?? "")),
      });
      harness = await startHarness([submitEntry(shot("a")), submitEntry(shot("b", 1))]);
      const seen: RunEvent[] = [];
      const result = await harness.run({
        client,
        concurrency: 1,
        onEvent: (event) => {
          seen.push(event);
          if (event.type === type) throw boom;
        },
      });
      expect(result.fatal).toMatchObject({ code: "E_EVENT_LISTENER", cause: boom });
      expect(result.fatal?.message).toContain(type);
      expect(result.interrupted).toBe(false);
      expect(seen.at(-1)?.type).toBe("run_finished"); // later events are still delivered
      // Nothing more is submitted after the throw; what was paid is recorded (in flight, or completed).
      const a = harness.status("a");
      if (type === "run_started") {
        expect(server.requestsTo(POST_ROUTE)).toHaveLength(0);
        expect(a.status).toBe("pending");
      } else {
        expect(a.generation_id).toBe("gen-a");
        expect(a.status).toBe(
          type === "shot_completed" || type === "run_finished" ? "completed" : "submitted",
        );
      }
      if (type !== "run_finished") expect(harness.status("b").status).toBe("pending");
      expect(server.requestsTo(POST_ROUTE).length).toBe(
        type === "run_finished" ? 2 : type === "run_started" ? 0 : 1,
      );
    },
  );
});
