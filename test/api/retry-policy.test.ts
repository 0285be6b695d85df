import { describe, expect, it } from "vitest";
import {
  DEFAULT_RETRY_POLICY,
  nextDelay,
  parseRetryAfter,
  resolveRetryPolicy,
  type RetryPolicy,
} from "../../src/api/index.js";

const POLICY: RetryPolicy = {
  ...DEFAULT_RETRY_POLICY,
  baseDelayMs: 100,
  capDelayMs: 1000,
  jitter: "none",
  retryAfterCapMs: 5000,
};
const never = (): number => {
  throw new Error("random must not be used without jitter");
};

describe("nextDelay", () => {
  it("doubles from the base and stops at the cap", () => {
    expect([1, 2, 3, 4, 5, 6].map((attempt) => nextDelay(POLICY, attempt, never))).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ]);
  });

  it("full jitter waits a random part of the backoff", () => {
    const full = { ...POLICY, jitter: "full" as const };
    expect(nextDelay(full, 3, () => 0.5)).toBe(200);
    expect(nextDelay(full, 3, () => 0)).toBe(0);
    expect(nextDelay(full, 10, () => 0.999)).toBe(999);
  });

  it("uses Retry-After as a floor, capped at retryAfterCapMs", () => {
    expect(nextDelay(POLICY, 1, never, 3000)).toBe(3000);
    expect(nextDelay(POLICY, 1, never, 60_000)).toBe(5000);
    expect(nextDelay(POLICY, 4, never, 10)).toBe(800);
    expect(nextDelay({ ...POLICY, jitter: "full" }, 4, () => 0, 10)).toBe(10);
  });

  it("has the documented defaults", () => {
    expect(DEFAULT_RETRY_POLICY).toEqual({
      attempts: 6,
      baseDelayMs: 500,
      capDelayMs: 20_000,
      jitter: "full",
      deadlineMs: 120_000,
      retryAfterCapMs: 60_000,
    });
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2025-06-01T12:00:00Z");

  it("reads delay-seconds", () => {
    expect(parseRetryAfter("3", now)).toBe(3000);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
    expect(parseRetryAfter("1.5", now)).toBe(1500);
    expect(parseRetryAfter(["2", "9"], now)).toBe(2000);
  });

  it("reads an HTTP-date relative to now, never negative", () => {
    expect(parseRetryAfter("Sun, 01 Jun 2025 12:00:07 GMT", now)).toBe(7000);
    expect(parseRetryAfter("Sun, 01 Jun 2025 11:00:00 GMT", now)).toBe(0);
  });

  it("ignores absent or unparseable values", () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter("", now)).toBeUndefined();
    expect(parseRetryAfter("-5", now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
  });
});

describe("resolveRetryPolicy", () => {
  it("overlays defined overrides on the defaults", () => {
    expect(resolveRetryPolicy({ attempts: 2, baseDelayMs: undefined })).toEqual({
      ...DEFAULT_RETRY_POLICY,
      attempts: 2,
    });
  });

  it("names the key and the value in its error", () => {
    expect(() => resolveRetryPolicy({ attempts: 1.5 })).toThrow(
      expect.objectContaining({ code: "E_CONFIG", key: "retry.attempts" }),
    );
    expect(() => resolveRetryPolicy({ attempts: 1.5 })).toThrow(
      /retry\.attempts is 1\.5; allowed: an integer/,
    );
    expect(() => resolveRetryPolicy({ deadlineMs: -1 })).toThrow(
      expect.objectContaining({ key: "retry.deadlineMs" }),
    );
  });
});
