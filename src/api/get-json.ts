// One retried GET of a JSON service route (catalogue, logs, billing): answer → parsed value or a typed ApiError.
import { ApiError, type ApiPhase } from "./errors.js";
import { exchange } from "./exchange.js";
import { redactJson, type Redactor } from "./redact.js";
import { statusError, transportError, what, type HttpAnswer } from "./response.js";
import { withRetries } from "./retry-loop.js";
import type { Transport } from "./transport.js";

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export type ReadResult<T> = { ok: true; value: T } | { ok: false; problem: string };

export interface GetJsonRequest<T> {
  phase: ApiPhase;
  /** Path and query after the base URL's path prefix, e.g. "/v2/logs?limit=100". */
  path: string;
  headers: Record<string, string>;
  redact: Redactor;
  signal?: AbortSignal | undefined;
  maxBodyBytes?: number;
  /** 304 is an answer (the request carried If-None-Match), not an error. */
  allowNotModified?: boolean;
  /** Reads the (redacted) JSON; a problem makes the answer E_API_MALFORMED, which is retried. */
  read(json: unknown, answer: HttpAnswer): ReadResult<T>;
}

export type GetJsonOutcome<T> =
  { kind: "ok"; value: T; answer: HttpAnswer } | { kind: "not-modified"; answer: HttpAnswer };

export function getJson<T>(transport: Transport, req: GetJsonRequest<T>): Promise<GetJsonOutcome<T>> {
  transport.ensureOpen(req.phase);
  return withRetries(transport.loop, req.phase, req.signal, () => getOnce(transport, req));
}

/** A GET that never sends If-None-Match: its answer is the value (a 304 would be an unexpected status). */
export async function getJsonValue<T>(
  transport: Transport,
  req: Omit<GetJsonRequest<T>, "allowNotModified">,
): Promise<T> {
  const outcome = await getJson(transport, req);
  if (outcome.kind === "ok") return outcome.value;
  throw new ApiError("E_API_MALFORMED", `${what(req)}: unexpected HTTP 304`, {
    phase: req.phase,
    status: 304,
  });
}

async function getOnce<T>(transport: Transport, req: GetJsonRequest<T>): Promise<GetJsonOutcome<T>> {
  transport.ensureOpen(req.phase);
  const { endpoint, clock, timeoutMs } = transport;
  const outcome = await exchange({
    dispatcher: transport.dispatchers.forPoll(),
    origin: endpoint.origin,
    path: `${endpoint.pathPrefix}${req.path}`,
    method: "GET",
    headers: req.headers,
    clock,
    timeoutMs,
    maxBodyBytes: req.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    abortable: "always",
    ...(req.signal === undefined ? {} : { signal: req.signal }),
  });
  if (outcome.kind === "failure") {
    if (outcome.aborted && req.signal?.aborted) throw req.signal.reason as unknown;
    throw transportError(outcome, { phase: req.phase, timeoutMs, origin: endpoint.origin });
  }
  const answer: HttpAnswer = outcome;
  const ctx = { phase: req.phase, redact: req.redact, nowWallMs: clock.wallNow().getTime() };
  if (answer.status === 304 && req.allowNotModified === true) return { kind: "not-modified", answer };
  if (answer.status < 200 || answer.status >= 300) throw statusError(answer, ctx);
  const malformed = (problem: string): ApiError =>
    new ApiError(
      "E_API_MALFORMED",
      `${what(ctx)}: HTTP ${answer.status} with an unusable body: ${req.redact(problem)}`,
      { phase: req.phase, status: answer.status },
    );
  if (answer.truncated) throw malformed("the body exceeded the size limit");
  let json: unknown;
  try {
    json = JSON.parse(answer.text);
  } catch {
    // No cause: the parser's message quotes the start of the body.
    throw malformed("the body is not JSON");
  }
  const read = req.read(redactJson(json, req.redact), answer);
  if (!read.ok) throw malformed(read.problem);
  return { kind: "ok", value: read.value, answer };
}
