// Decides whether a failure is worth retrying, from HTTP status and error codes only (never message text).
import { ApiError } from "./errors.js";

export type FailureKind =
  | "throttled"
  | "server"
  | "network"
  | "timeout"
  | "malformed"
  | "rejected"
  | "unknown-outcome"
  | "aborted"
  | "config"
  | "unexpected";

export interface Classification {
  retryable: boolean;
  kind: FailureKind;
  status?: number;
  retryAfterMs?: number;
  /** The undici / syscall code found on the error or its AggregateError members. */
  networkCode?: string;
}

/** HTTP statuses that mean "try again later" for a request that can safely be repeated. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/** Transport error codes that are transient. */
export const RETRYABLE_NETWORK_CODES: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENETDOWN",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_SOCKET",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "UND_ERR_RES_CONTENT_LENGTH_MISMATCH",
]);

/** Codes that prove the request never reached the server: connecting failed. */
export const CONNECT_PHASE_CODES: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENETDOWN",
  "UND_ERR_CONNECT_TIMEOUT",
]);

export const TIMEOUT_CODES: ReadonlySet<string> = new Set([
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "ETIMEDOUT",
]);

/** The string `code` of an error, looking into AggregateError members (Node's happy-eyeballs connect). */
export function errorCode(err: unknown): string | undefined {
  if (typeof err !== "object" || err === null) return undefined;
  const code = (err as { code?: unknown }).code;
  if (typeof code === "string") return code;
  if (err instanceof AggregateError) {
    for (const inner of err.errors) {
      const innerCode = errorCode(inner);
      if (innerCode !== undefined) return innerCode;
    }
  }
  return undefined;
}

export function classify(err: unknown): Classification {
  if (err instanceof ApiError) return classifyApiError(err);
  if (err instanceof Error && (err.name === "AbortError" || err.name === "TimeoutError")) {
    return { retryable: false, kind: "aborted" };
  }
  const code = errorCode(err);
  if (code === "E_CONFIG" || code === "E_CLIENT_REQUEST_ID") return { retryable: false, kind: "config" };
  if (code === undefined) return { retryable: false, kind: "unexpected" };
  if (code.startsWith("HPE_")) return { retryable: true, kind: "network", networkCode: code };
  const kind: FailureKind = TIMEOUT_CODES.has(code) ? "timeout" : "network";
  return { retryable: RETRYABLE_NETWORK_CODES.has(code), kind, networkCode: code };
}

function classifyApiError(err: ApiError): Classification {
  const base: Classification = { retryable: false, kind: "unexpected" };
  if (err.status !== undefined) base.status = err.status;
  if (err.retryAfterMs !== undefined) base.retryAfterMs = err.retryAfterMs;
  if (err.networkCode !== undefined) base.networkCode = err.networkCode;
  switch (err.code) {
    case "E_API_RATE_LIMITED":
      return { ...base, retryable: true, kind: "throttled" };
    case "E_API_SERVER":
      return {
        ...base,
        retryable: err.status === undefined || RETRYABLE_STATUSES.has(err.status),
        kind: "server",
      };
    case "E_TIMEOUT":
      return { ...base, retryable: true, kind: "timeout" };
    case "E_NETWORK":
      return {
        ...base,
        retryable:
          err.networkCode !== undefined &&
          (RETRYABLE_NETWORK_CODES.has(err.networkCode) || err.networkCode.startsWith("HPE_")),
        kind: "network",
      };
    case "E_API_MALFORMED":
      // A garbled 2xx body may be a one-off; an unexpected 1xx/3xx status will not go away.
      return { ...base, retryable: err.status === undefined || err.status < 300, kind: "malformed" };
    case "E_SUBMIT_UNKNOWN":
      return { ...base, retryable: false, kind: "unknown-outcome" };
    case "E_API_BAD_REQUEST":
    case "E_API_UNAUTHORIZED":
    case "E_API_FORBIDDEN":
    case "E_API_NOT_FOUND":
      return { ...base, retryable: false, kind: "rejected" };
    case "E_CLIENT_CLOSED":
      return { ...base, retryable: false, kind: "config" };
  }
}
