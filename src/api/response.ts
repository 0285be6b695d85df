// Maps one HTTP answer (or transport failure) to a Generation or a typed ApiError; knows nothing about retries.
import type { IncomingHttpHeaders } from "node:http";
import { CONNECT_PHASE_CODES, errorCode, TIMEOUT_CODES } from "./classify.js";
import { ApiError, type ApiErrorCode, type ApiPhase } from "./errors.js";
import { readErrorBody } from "./error-body.js";
import { parseGeneration, type Generation } from "./generation.js";
import { redactJson, type Redactor } from "./redact.js";
import { parseRetryAfter } from "./retry-policy.js";

export interface ResponseContext {
  phase: ApiPhase;
  redact: Redactor;
  nowWallMs: number;
  /** For a poll: the id asked for (the answer must be about it). */
  expectedId?: string;
}

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  truncated: boolean;
}

export function interpretAnswer(answer: HttpAnswer, ctx: ResponseContext): Generation {
  if (answer.status >= 200 && answer.status < 300) return readGeneration(answer, ctx);
  throw statusError(answer, ctx);
}

function readGeneration(answer: HttpAnswer, ctx: ResponseContext): Generation {
  const malformed = (problem: string, generationId?: string): ApiError =>
    new ApiError(
      "E_API_MALFORMED",
      `${what(ctx)}: HTTP ${answer.status} with an unusable body: ${ctx.redact(problem)}`,
      {
        phase: ctx.phase,
        status: answer.status,
        ...(generationId === undefined ? {} : { generationId }),
      },
    );
  if (answer.truncated) throw malformed("the body exceeded the size limit");
  let json: unknown;
  try {
    json = JSON.parse(answer.text);
  } catch {
    // No cause: the parser's message quotes the start of the body, which may be (part of) the key.
    throw new ApiError(
      "E_API_MALFORMED",
      `${what(ctx)}: HTTP ${answer.status} with a body that is not JSON`,
      { phase: ctx.phase, status: answer.status },
    );
  }
  // An id that holds the key is no usable id: it is never recorded, polled or shown.
  if (idHoldsSecret(json, ctx.redact)) throw malformed("the generation id contains the API key");
  // Every string the API sent (error name and message, video url, anything echoed) is redacted before use.
  const parsed = parseGeneration(redactJson(json, ctx.redact));
  if (!parsed.ok) throw malformed(parsed.problem, parsed.id);
  if (ctx.expectedId !== undefined && parsed.generation.id !== ctx.expectedId) {
    throw malformed(`the answer is about generation ${parsed.generation.id}, not ${ctx.expectedId}`);
  }
  return parsed.generation;
}

function idHoldsSecret(json: unknown, redact: Redactor): boolean {
  if (typeof json !== "object" || json === null) return false;
  const { id } = json as { id?: unknown };
  return typeof id === "string" && redact(id) !== id;
}

/** The typed error for a non-2xx answer (status, the API's message and request id, Retry-After). */
export function statusError(answer: HttpAnswer, ctx: ResponseContext): ApiError {
  const { apiMessage, requestId } = readErrorBody(answer.text, answer.headers, ctx.redact);
  const code = codeForStatus(answer.status);
  const retryAfterMs =
    answer.status === 429 || answer.status === 503
      ? parseRetryAfter(answer.headers["retry-after"], ctx.nowWallMs)
      : undefined;
  const said = apiMessage === undefined ? "" : `: ${apiMessage}`;
  const id = requestId === undefined ? "" : ` [request id ${requestId}]`;
  return new ApiError(
    code,
    `${what(ctx)}: ${explain(answer.status, ctx)} (HTTP ${answer.status})${said}${id}`,
    {
      phase: ctx.phase,
      status: answer.status,
      ...(apiMessage === undefined ? {} : { apiMessage }),
      ...(requestId === undefined ? {} : { requestId }),
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    },
  );
}

function codeForStatus(status: number): ApiErrorCode {
  if (status === 400) return "E_API_BAD_REQUEST";
  if (status === 401) return "E_API_UNAUTHORIZED";
  if (status === 403) return "E_API_FORBIDDEN";
  if (status === 404) return "E_API_NOT_FOUND";
  if (status === 408) return "E_TIMEOUT";
  if (status === 429) return "E_API_RATE_LIMITED";
  if (status >= 500) return "E_API_SERVER";
  if (status >= 400) return "E_API_BAD_REQUEST";
  return "E_API_MALFORMED"; // 1xx/3xx: nothing the API documents
}

function explain(status: number, ctx: ResponseContext): string {
  if (status === 400) return "the API rejected the request body";
  if (status === 401) return "the API key is missing or invalid";
  if (status === 403) return "the API refused the request (for example: out of credits)";
  if (status === 404) {
    return ctx.expectedId === undefined
      ? "the endpoint was not found (check baseUrl)"
      : "unknown generation id";
  }
  if (status === 408) return "the server timed out waiting for the request";
  if (status === 429) return "rate or concurrency limit reached";
  if (status >= 500) return "server error";
  if (status >= 400) return "the API rejected the request";
  return "unexpected HTTP status";
}

/** An exchange that produced no HTTP answer, as E_TIMEOUT or E_NETWORK. */
export function transportError(
  failure: { timedOut: boolean; error: unknown },
  ctx: { phase: ApiPhase; timeoutMs: number; origin: string; expectedId?: string },
): ApiError {
  const networkCode = errorCode(failure.error);
  const codeInfo = networkCode === undefined ? {} : { networkCode };
  const subject = what(ctx);
  if (failure.timedOut || (networkCode !== undefined && TIMEOUT_CODES.has(networkCode))) {
    return new ApiError("E_TIMEOUT", `${subject}: no answer from ${ctx.origin} within ${ctx.timeoutMs} ms`, {
      phase: ctx.phase,
      ...codeInfo,
      cause: failure.error,
    });
  }
  const how =
    networkCode !== undefined && CONNECT_PHASE_CODES.has(networkCode)
      ? `cannot connect to ${ctx.origin}`
      : `the connection to ${ctx.origin} failed`;
  return new ApiError("E_NETWORK", `${subject}: ${how} (${networkCode ?? "no error code"})`, {
    phase: ctx.phase,
    ...codeInfo,
    cause: failure.error,
  });
}

/**
 * Wraps a failure of a POST that may have reached the server: it must never be resent automatically.
 * `inferenceId` (the answer's x-inference-id header) names the generation when the body could not.
 */
export function submitUnknown(reason: string, cause: ApiError, inferenceId: string | null = null): ApiError {
  const generationId = cause.generationId ?? inferenceId ?? undefined;
  const named =
    generationId === undefined
      ? "The generation may have been created and charged; it was NOT resent. " +
        "The next render looks this submission up in the API's request logs before paying again."
      : `The answer named generation ${generationId}: poll it rather than submitting again.`;
  return new ApiError("E_SUBMIT_UNKNOWN", `submit: outcome unknown: ${reason}. ${named}`, {
    phase: "submit",
    ...(cause.status === undefined ? {} : { status: cause.status }),
    ...(cause.requestId === undefined ? {} : { requestId: cause.requestId }),
    ...(cause.networkCode === undefined ? {} : { networkCode: cause.networkCode }),
    ...(generationId === undefined ? {} : { generationId }),
    cause,
  });
}

const PHASE_LABEL: Readonly<Record<Exclude<ApiPhase, "poll">, string>> = {
  submit: "submit",
  models: "model catalogue (GET /v1/models)",
  logs: "request logs (GET /v2/logs)",
  billing: "balance (GET /v2/billing)",
};

/** How messages name the call: "submit", "poll <id>", "request logs (GET /v2/logs)", … */
export function what(ctx: { phase: ApiPhase; expectedId?: string }): string {
  return ctx.phase === "poll" ? `poll ${ctx.expectedId ?? ""}`.trimEnd() : PHASE_LABEL[ctx.phase];
}
