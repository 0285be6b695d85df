// What the run does after each poll, decided from plain data: answers, transient errors, 404s, deadlines; the ready queue.
import { describe, expect, it } from "vitest";
import { ApiError } from "../../src/api/index.js";
import {
  decideNotFound,
  decidePollError,
  decideResult,
  defaultNotFoundGraceMs,
  timeoutError,
} from "../../src/scheduler/poll-decisions.js";
import type { PolledGeneration, PollRules } from "../../src/scheduler/poll-decisions.js";
import { FifoReadyQueue } from "../../src/scheduler/ready-queue.js";
import type { ReadyQueue } from "../../src/scheduler/ready-queue.js";
import type { PlanEntry } from "../../src/scheduler/index.js";
import { StoryreelError } from "../../src/util/errors.js";
import { shot } from "./run-harness.js";

const RULES: PollRules = { pollIntervalMs: 200, shotTimeoutMs: 60_000, notFoundGraceMs: 3_000 };

function generation(extra: Partial<PolledGeneration> = {}): PolledGeneration & { id: string } {
  return {
    id: "a",
    generationId: "gen-1",
    origin: "submitted",
    deadline: 60_000,
    lastStatus: "submitted",
    notFoundSince: null,
    ...extra,
  };
}

const answer = (status: string, extra: Record<string, unknown> = {}) => ({
  id: "gen-1",
  status,
  videoUrl: null,
  error: null,
  creditsUsed: null,
  ...extra,
});

describe("a poll's answer", () => {
  it.each([
    [
      "queued, first answer",
      "queued",
      "submitted",
      1_000,
      { kind: "pending", statusChanged: true, timedOut: false },
    ],
    [
      "the same status again",
      "generating",
      "generating",
      1_000,
      { kind: "pending", statusChanged: false, timedOut: false },
    ],
    [
      "still pending at its deadline",
      "waiting",
      "waiting",
      60_000,
      { kind: "pending", statusChanged: false, timedOut: true },
    ],
  ])("%s", (_name, status, lastStatus, now, expected) => {
    expect(decideResult(answer(status), generation({ lastStatus }), now)).toEqual(expected);
  });

  it("completed with a video: download it", () => {
    const result = answer("completed", { videoUrl: "https://cdn.example.com/v.mp4" });
    expect(decideResult(result, generation(), 5_000)).toEqual({
      kind: "generated",
      videoUrl: "https://cdn.example.com/v.mp4",
    });
  });

  it("completed without a video, or ended in error: failed, with a code to branch on", () => {
    expect(decideResult(answer("completed"), generation(), 5_000)).toMatchObject({
      kind: "failed",
      error: { code: "E_API_MALFORMED" },
    });
    const refused = answer("error", { error: { name: "policy", message: "content policy" } });
    expect(decideResult(refused, generation(), 5_000)).toEqual({
      kind: "failed",
      error: { code: "E_GENERATION_FAILED", message: "content policy" },
    });
    expect(decideResult(answer("cancelled"), generation(), 5_000)).toMatchObject({
      error: { code: "E_GENERATION_FAILED", message: "the generation ended with status cancelled" },
    });
  });
});

describe("a poll's error", () => {
  it.each(["E_API_UNAUTHORIZED", "E_API_FORBIDDEN"])("%s stops the run", (code) => {
    const err = new StoryreelError(code, "no");
    expect(decidePollError(err, generation(), 1_000, RULES)).toEqual({ kind: "fatal", error: err });
  });

  it("anything else is transient: look again after at least 5 s, or fail the shot at its deadline", () => {
    const err = new StoryreelError("E_API_SERVER", "503 after retries");
    expect(decidePollError(err, generation(), 1_000, RULES)).toEqual({
      kind: "transient",
      error: { code: "E_API_SERVER", message: "503 after retries" },
      warning: "polling a failed (E_API_SERVER); will try again",
      at: 6_000,
      timedOut: false,
    });
    expect(decidePollError(new Error("boom"), generation(), 60_000, RULES)).toMatchObject({
      error: { code: "E_UNEXPECTED", message: "boom" },
      timedOut: true,
    });
  });
});

describe("a 404", () => {
  const notFound = { code: "E_API_NOT_FOUND", message: "Generation not found" };

  it("of an id from an earlier run: submit the shot again", () => {
    const decision = decideNotFound(notFound, generation({ origin: "resumed" }), 1_000, RULES);
    expect(decision).toEqual({
      kind: "resubmit",
      warning: "the API no longer knows generation gen-1 (404): submitting a again",
    });
  });

  it("of an id this run paid for: looked at through the grace period, warned once, then lost", () => {
    const first = decideNotFound(notFound, generation(), 10_000, RULES);
    // a quarter of the grace period per look (at least the poll interval, at most 5 s)
    expect(first).toEqual({
      kind: "wait",
      error: notFound,
      notFoundSince: 10_000,
      at: 10_750,
      warning: "the API does not know generation gen-1 yet (404); polling it for up to 3 s before giving up",
    });
    const again = decideNotFound(notFound, generation({ notFoundSince: 10_000 }), 12_500, RULES);
    expect(again).toMatchObject({ kind: "wait", notFoundSince: 10_000, at: 13_000, warning: null });
    const lost = decideNotFound(notFound, generation({ notFoundSince: 10_000 }), 13_000, RULES);
    expect(lost).toMatchObject({
      kind: "lost",
      error: {
        code: "E_GENERATION_LOST",
        message: expect.stringContaining("gen-1, submitted in this run (404 for 3 s)"),
      },
    });
  });

  it("of an id this run paid for, at the shot's deadline: lost at once", () => {
    const decision = decideNotFound(notFound, generation({ deadline: 5_000 }), 5_000, RULES);
    expect(decision.kind).toBe("lost");
  });

  it("reaches decideNotFound through decidePollError, with the client's error recorded", () => {
    const err = new ApiError("E_API_NOT_FOUND", "Generation not found", { phase: "poll", status: 404 });
    expect(decidePollError(err, generation(), 0, RULES)).toMatchObject({
      kind: "wait",
      error: { code: "E_API_NOT_FOUND" },
    });
  });

  it("grace by default: 15 poll intervals, at least a second", () => {
    expect(defaultNotFoundGraceMs(20)).toBe(1_000);
    expect(defaultNotFoundGraceMs(2_000)).toBe(30_000);
  });
});

it("a timeout names the generation and says to render again rather than pay again", () => {
  expect(timeoutError("gen-9", { shotTimeoutMs: 1_200_000 })).toEqual({
    code: "E_SHOT_TIMEOUT",
    message:
      "no result within 1200 s (--shot-timeout); generation gen-9 may still finish: render again to poll it instead of paying again",
  });
});

describe("the ready queue", () => {
  const entry = (id: string, index: number): PlanEntry => ({
    shot: shot(id, index),
    action: "submit",
    reason: "new shot",
    previous: null,
  });

  it("gives entries in order, a retry ahead of the rest, and says when nothing is left", () => {
    const [a, b, c] = [entry("a", 0), entry("b", 1), entry("c", 2)];
    const ready: ReadyQueue = new FifoReadyQueue([a, b, c]);
    expect(ready.next()).toBe(a);
    ready.retry(a);
    expect(ready.next()).toBe(a);
    expect(ready.next()).toBe(b);
    ready.finished("a", "completed");
    expect(ready.pending()).toBe(true);
    expect(ready.next()).toBe(c);
    expect(ready.pending()).toBe(false);
    expect(ready.next()).toBeUndefined();
  });
});
