// The AIML video client: submit and poll over undici with exactly one retry layer and a shared request budget.
//
// Retries live here and only here (callers never retry on top). Every attempt first takes a slot from the shared
// RequestBudget; a 429 pauses the whole budget. Aborts: a budget wait, a retry wait or an in-flight poll rejects
// with the caller's `signal.reason` itself (the platform's DOMException "AbortError" when abort() had no reason);
// an in-flight submit is only cut before its request reached a socket (see AimlClient.submit).
import type { Dispatcher } from "undici";
import { systemClock, type Clock } from "../util/clock.js";
import { parseBaseUrl, DEFAULT_BASE_URL } from "./base-url.js";
import { createRequestBudget, type RequestBudget } from "./budget.js";
import { createDispatcherSet } from "./dispatchers.js";
import { ApiError, ConfigError, type ApiPhase } from "./errors.js";
import { exchange } from "./exchange.js";
import type { Generation } from "./generation.js";
import { createRedactor } from "./redact.js";
import { interpretAnswer, submitUnknown, transportError } from "./response.js";
import { withRetries, type ClientHooks, type ClientStats } from "./retry-loop.js";
import { resolveRetryPolicy, type RetryPolicy } from "./retry-policy.js";
import { defaultUserAgent } from "./user-agent.js";

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
const MAX_BODY_BYTES = 1024 * 1024;
const GENERATIONS_PATH = "/v2/video/generations";

export interface ClientOptions {
  /** Default https://api.aimlapi.com; http is accepted only for loopback hosts. */
  baseUrl?: string;
  apiKey: string;
  /** Used for every request when given (the caller closes it); otherwise the client owns its connections. */
  dispatcher?: Dispatcher;
  retry?: Partial<RetryPolicy>;
  clock?: Clock;
  /** Share ONE budget across everything a run sends; a private unlimited one is created when omitted. */
  budget?: RequestBudget;
  /** Per HTTP attempt: connect + send + full answer. Default 30 s. */
  requestTimeoutMs?: number;
  /** Default "storyreel/<package version>". */
  userAgent?: string;
  /** Jitter source, [0, 1). Default Math.random. */
  random?: () => number;
  hooks?: ClientHooks;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface AimlClient {
  /** The API origin (the only origin that ever receives the key). */
  readonly origin: string;
  /**
   * POST a generation request. Retries only answers that prove the request was not acted on (429, 408, 500,
   * 503) and failures before the request reached a socket. Anything else ambiguous: ApiError E_SUBMIT_UNKNOWN.
   * An abort is honoured until the request is on the wire; after that the answer is awaited (bounded by
   * requestTimeoutMs) and returned, so a paid generation id is never dropped.
   */
  submit(body: Record<string, unknown>, options?: CallOptions): Promise<Generation>;
  /** GET one generation's state; retries 408/429/5xx, network errors, timeouts and unusable bodies. */
  poll(id: string, options?: CallOptions): Promise<Generation>;
  stats(): ClientStats;
  /** Closes the connections this client created (not an injected dispatcher). Later calls fail E_CLIENT_CLOSED. */
  close(): Promise<void>;
}

export function createClient(options: ClientOptions): AimlClient {
  const endpoint = parseBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
  checkApiKey(options.apiKey);
  const policy = resolveRetryPolicy(options.retry);
  const timeoutMs = checkTimeout(options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS);
  const clock = options.clock ?? systemClock;
  const budget = options.budget ?? createRequestBudget({ clock });
  const redact = createRedactor(options.apiKey);
  const baseHeaders: Record<string, string> = {
    authorization: `Bearer ${options.apiKey}`,
    "user-agent": options.userAgent ?? defaultUserAgent(),
    accept: "application/json",
  };
  const dispatchers = createDispatcherSet(endpoint.origin, options.dispatcher, {
    connectTimeoutMs: Math.min(10_000, timeoutMs),
  });
  const stats: ClientStats = { requests: 0, retries: 0, throttled: 0, submitUnknown: 0 };
  const loop = { policy, clock, random: options.random ?? Math.random, budget, stats, hooks: options.hooks };
  const path = `${endpoint.pathPrefix}${GENERATIONS_PATH}`;
  let closed = false;

  function ensureOpen(phase: ApiPhase): void {
    if (closed) throw new ApiError("E_CLIENT_CLOSED", `${phase}: the AIML client has been closed`, { phase });
  }

  async function submitOnce(json: string, signal: AbortSignal | undefined): Promise<Generation> {
    ensureOpen("submit");
    const outcome = await exchange({
      dispatcher: dispatchers.forSubmit(),
      origin: endpoint.origin,
      path,
      method: "POST",
      headers: { ...baseHeaders, "content-type": "application/json" },
      body: json,
      clock,
      timeoutMs,
      maxBodyBytes: MAX_BODY_BYTES,
      abortable: "until-sent",
      ...(signal === undefined ? {} : { signal }),
      ...(dispatchers.resetAfterSubmit ? { reset: true } : {}),
    });
    if (outcome.kind === "failure") {
      if (outcome.aborted && signal?.aborted) throw signal.reason as unknown;
      const err = transportError(outcome, { phase: "submit", timeoutMs, origin: endpoint.origin });
      if (!outcome.sent) throw err; // never reached a socket: provably not received, safe to retry
      throw submitUnknown(
        err.code === "E_TIMEOUT"
          ? `no answer within ${timeoutMs} ms after the request was sent`
          : `the connection failed after the request was sent (${err.networkCode ?? "no error code"})`,
        err,
      );
    }
    try {
      return interpretAnswer(outcome, { phase: "submit", redact, nowWallMs: clock.wallNow().getTime() });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (err.code === "E_API_MALFORMED" && err.status !== undefined && err.status < 300) {
        throw submitUnknown(
          `the server accepted the request (HTTP ${err.status}) but its answer was unusable`,
          err,
        );
      }
      if (err.status === 502 || err.status === 504) {
        throw submitUnknown(
          `a gateway answered HTTP ${err.status}, so the API may have received and processed the request`,
          err,
        );
      }
      throw err;
    }
  }

  async function pollOnce(id: string, signal: AbortSignal | undefined): Promise<Generation> {
    ensureOpen("poll");
    const outcome = await exchange({
      dispatcher: dispatchers.forPoll(),
      origin: endpoint.origin,
      path: `${path}?generation_id=${encodeURIComponent(id)}`,
      method: "GET",
      headers: baseHeaders,
      clock,
      timeoutMs,
      maxBodyBytes: MAX_BODY_BYTES,
      abortable: "always",
      ...(signal === undefined ? {} : { signal }),
    });
    if (outcome.kind === "failure") {
      if (outcome.aborted && signal?.aborted) throw signal.reason as unknown;
      throw transportError(outcome, { phase: "poll", timeoutMs, origin: endpoint.origin, expectedId: id });
    }
    return interpretAnswer(outcome, {
      phase: "poll",
      redact,
      nowWallMs: clock.wallNow().getTime(),
      expectedId: id,
    });
  }

  return {
    origin: endpoint.origin,
    async submit(body, callOptions = {}) {
      ensureOpen("submit");
      const json = serialiseBody(body);
      return withRetries(loop, "submit", callOptions.signal, () => submitOnce(json, callOptions.signal));
    },
    async poll(id, callOptions = {}) {
      ensureOpen("poll");
      if (typeof id !== "string" || id.trim() === "") {
        throw new ConfigError("id", `poll: generation id ${JSON.stringify(id)} is not a non-empty string`);
      }
      return withRetries(loop, "poll", callOptions.signal, () => pollOnce(id, callOptions.signal));
    },
    stats: () => ({ ...stats }),
    async close() {
      closed = true;
      await dispatchers.close();
    },
  };
}

function serialiseBody(body: Record<string, unknown>): string {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new ConfigError("body", "submit: the request body must be a JSON object");
  }
  return JSON.stringify(body);
}

function checkApiKey(key: unknown): void {
  if (typeof key !== "string" || key === "") {
    throw new ConfigError("apiKey", "apiKey is missing; allowed: a non-empty string");
  }
  // Never echo the key: describe it by length only.
  if (!/^[\x21-\x7e]+$/.test(key)) {
    throw new ConfigError(
      "apiKey",
      `apiKey (${key.length} characters) contains whitespace, control or non-ASCII characters; allowed: printable ASCII without spaces`,
    );
  }
}

function checkTimeout(value: number): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new ConfigError(
      "requestTimeoutMs",
      `requestTimeoutMs is ${value}; allowed: a finite number of ms > 0`,
    );
  }
  return value;
}
