// One attempt of a generation's submit or poll: the exchange, then the answer read into a Generation or an ApiError.
import { ApiError } from "./errors.js";
import { exchange } from "./exchange.js";
import type { Generation } from "./generation.js";
import type { Redactor } from "./redact.js";
import { interpretAnswer, submitUnknown, transportError } from "./response.js";
import { readTrace, type ResponseTrace } from "./trace.js";
import type { Transport } from "./transport.js";

const MAX_BODY_BYTES = 1024 * 1024;
export const GENERATIONS_PATH = "/v2/video/generations";

/** A submission's answer: the generation, and what its headers said (request id echo, inference id, cost). */
export interface SubmitResult extends Generation {
  trace: ResponseTrace;
}

export async function submitOnce(
  transport: Transport,
  req: { json: string; headers: Record<string, string>; redact: Redactor; signal: AbortSignal | undefined },
): Promise<SubmitResult> {
  transport.ensureOpen("submit");
  const { endpoint, clock, timeoutMs, dispatchers } = transport;
  const { signal, redact } = req;
  const outcome = await exchange({
    dispatcher: dispatchers.forSubmit(),
    origin: endpoint.origin,
    path: `${endpoint.pathPrefix}${GENERATIONS_PATH}`,
    method: "POST",
    headers: { ...req.headers, "content-type": "application/json" },
    body: req.json,
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
    // The head may have arrived before the body broke off: its x-inference-id still names the generation.
    const inferenceId =
      outcome.head === undefined ? null : readTrace(outcome.head.headers, redact).inferenceId;
    throw submitUnknown(
      err.code === "E_TIMEOUT"
        ? `no answer within ${timeoutMs} ms after the request was sent`
        : `the connection failed after the request was sent (${err.networkCode ?? "no error code"})`,
      err,
      inferenceId,
    );
  }
  const trace = readTrace(outcome.headers, redact);
  try {
    const generation = interpretAnswer(outcome, {
      phase: "submit",
      redact,
      nowWallMs: clock.wallNow().getTime(),
    });
    return { ...generation, trace };
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    if (err.code === "E_API_MALFORMED" && err.status !== undefined && err.status < 300) {
      throw submitUnknown(
        `the server accepted the request (HTTP ${err.status}) but its answer was unusable`,
        err,
        trace.inferenceId,
      );
    }
    if (err.status === 502 || err.status === 504) {
      throw submitUnknown(
        `a gateway answered HTTP ${err.status}, so the API may have received and processed the request`,
        err,
        trace.inferenceId,
      );
    }
    throw err;
  }
}

export async function pollOnce(
  transport: Transport,
  req: { id: string; headers: Record<string, string>; redact: Redactor; signal: AbortSignal | undefined },
): Promise<Generation> {
  transport.ensureOpen("poll");
  const { endpoint, clock, timeoutMs, dispatchers } = transport;
  const { id, signal, redact } = req;
  const outcome = await exchange({
    dispatcher: dispatchers.forPoll(),
    origin: endpoint.origin,
    path: `${endpoint.pathPrefix}${GENERATIONS_PATH}?generation_id=${encodeURIComponent(id)}`,
    method: "GET",
    headers: req.headers,
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
