// Typed errors of the API stage: callers branch on `code` (never on message text), and no field ever holds the API key.
import { StoryreelError } from "../util/errors.js";

export type ApiErrorCode =
  | "E_API_BAD_REQUEST"
  | "E_API_UNAUTHORIZED"
  | "E_API_FORBIDDEN"
  | "E_API_NOT_FOUND"
  | "E_API_RATE_LIMITED"
  | "E_API_SERVER"
  | "E_API_MALFORMED"
  | "E_NETWORK"
  | "E_TIMEOUT"
  | "E_SUBMIT_UNKNOWN"
  | "E_CLIENT_CLOSED";

/** Which call failed: a generation's submit or poll, or a service route (catalogue, logs, billing). */
export type ApiPhase = "submit" | "poll" | "models" | "logs" | "billing";

export interface ApiErrorDetails {
  phase: ApiPhase;
  /** HTTP status, when the server (or a gateway) answered. */
  status?: number;
  /** The API's own message (already redacted), when it sent one. */
  apiMessage?: string;
  requestId?: string;
  /** Retry-After as sent by the server, in ms (not capped). */
  retryAfterMs?: number;
  /** The undici / syscall error code behind an E_NETWORK or E_TIMEOUT, e.g. "ECONNREFUSED". */
  networkCode?: string;
  /** A generation id the server returned even though the answer was otherwise unusable. */
  generationId?: string;
  /** How many HTTP attempts were made before giving up. */
  attempts?: number;
  cause?: unknown;
}

export class ApiError extends StoryreelError {
  declare readonly code: ApiErrorCode;
  readonly phase: ApiPhase;
  readonly status?: number;
  readonly apiMessage?: string;
  readonly requestId?: string;
  readonly retryAfterMs?: number;
  readonly networkCode?: string;
  readonly generationId?: string;
  readonly attempts?: number;

  constructor(code: ApiErrorCode, message: string, details: ApiErrorDetails) {
    super(code, message, "cause" in details ? { cause: details.cause } : undefined);
    this.phase = details.phase;
    if (details.status !== undefined) this.status = details.status;
    if (details.apiMessage !== undefined) this.apiMessage = details.apiMessage;
    if (details.requestId !== undefined) this.requestId = details.requestId;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
    if (details.networkCode !== undefined) this.networkCode = details.networkCode;
    if (details.generationId !== undefined) this.generationId = details.generationId;
    if (details.attempts !== undefined) this.attempts = details.attempts;
  }

  /** The same error, re-issued after the retry layer gave up (message says how many attempts were made). */
  afterAttempts(attempts: number, why: string): ApiError {
    return new ApiError(
      this.code,
      `${this.message} (${why} after ${attempts} attempt${attempts === 1 ? "" : "s"})`,
      {
        ...this.details(),
        attempts,
      },
    );
  }

  private details(): ApiErrorDetails {
    const details: ApiErrorDetails = { phase: this.phase };
    if (this.status !== undefined) details.status = this.status;
    if (this.apiMessage !== undefined) details.apiMessage = this.apiMessage;
    if (this.requestId !== undefined) details.requestId = this.requestId;
    if (this.retryAfterMs !== undefined) details.retryAfterMs = this.retryAfterMs;
    if (this.networkCode !== undefined) details.networkCode = this.networkCode;
    if (this.generationId !== undefined) details.generationId = this.generationId;
    if (this.attempts !== undefined) details.attempts = this.attempts;
    if ("cause" in this) details.cause = this.cause;
    return details;
  }
}

/** Bad client configuration (base URL, key shape, retry policy, timeouts). `key` names the offending option. */
export class ConfigError extends StoryreelError {
  declare readonly code: "E_CONFIG";
  readonly key: string;

  constructor(key: string, message: string, options?: { cause?: unknown }) {
    super("E_CONFIG", message, options);
    this.key = key;
  }
}
