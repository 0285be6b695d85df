import { describe, expect, it } from "vitest";
import { ApiError, classify } from "../../src/api/index.js";

function withCode(code: string): Error {
  return Object.assign(new Error("whatever the text says"), { code });
}

describe("classify", () => {
  it.each([
    "ECONNREFUSED",
    "ECONNRESET",
    "ENOTFOUND",
    "EAI_AGAIN",
    "EPIPE",
    "UND_ERR_CONNECT_TIMEOUT",
    "UND_ERR_SOCKET",
    "UND_ERR_HEADERS_TIMEOUT",
    "UND_ERR_BODY_TIMEOUT",
  ])("retries transport error %s", (code) => {
    expect(classify(withCode(code))).toMatchObject({ retryable: true, networkCode: code });
  });

  it("marks undici timeouts as timeouts", () => {
    expect(classify(withCode("UND_ERR_HEADERS_TIMEOUT")).kind).toBe("timeout");
  });

  it("reads the code of a happy-eyeballs AggregateError", () => {
    const aggregate = new AggregateError(
      [withCode("ECONNREFUSED"), withCode("ECONNREFUSED")],
      "connect failed",
    );
    expect(classify(aggregate)).toMatchObject({ retryable: true, networkCode: "ECONNREFUSED" });
  });

  it("does not retry unknown codes, aborts or plain errors, whatever their message", () => {
    expect(classify(withCode("ERR_TLS_CERT_ALTNAME_INVALID")).retryable).toBe(false);
    expect(classify(new DOMException("x", "AbortError"))).toMatchObject({
      retryable: false,
      kind: "aborted",
    });
    expect(classify(new Error("ECONNRESET socket hang up 503"))).toMatchObject({
      retryable: false,
      kind: "unexpected",
    });
  });

  it.each([
    ["E_API_RATE_LIMITED", 429, true],
    ["E_API_SERVER", 500, true],
    ["E_API_SERVER", 503, true],
    ["E_API_SERVER", 501, false],
    ["E_TIMEOUT", undefined, true],
    ["E_API_MALFORMED", 200, true],
    ["E_API_MALFORMED", 302, false],
    ["E_SUBMIT_UNKNOWN", undefined, false],
    ["E_API_BAD_REQUEST", 400, false],
    ["E_API_UNAUTHORIZED", 401, false],
    ["E_API_FORBIDDEN", 403, false],
    ["E_API_NOT_FOUND", 404, false],
  ] as const)("%s (HTTP %s) → retryable %s", (code, status, retryable) => {
    const err = new ApiError(code, "m", { phase: "poll", ...(status === undefined ? {} : { status }) });
    expect(classify(err).retryable).toBe(retryable);
  });

  it("retries E_NETWORK only for transient codes", () => {
    expect(
      classify(new ApiError("E_NETWORK", "m", { phase: "poll", networkCode: "ECONNRESET" })).retryable,
    ).toBe(true);
    expect(
      classify(new ApiError("E_NETWORK", "m", { phase: "poll", networkCode: "CERT_HAS_EXPIRED" })).retryable,
    ).toBe(false);
  });

  it("passes Retry-After through", () => {
    const err = new ApiError("E_API_RATE_LIMITED", "m", { phase: "submit", status: 429, retryAfterMs: 2000 });
    expect(classify(err)).toEqual({ retryable: true, kind: "throttled", status: 429, retryAfterMs: 2000 });
  });
});
