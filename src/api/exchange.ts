// One HTTP exchange over undici, reporting whether the request was handed to a socket before any failure.
import type { IncomingHttpHeaders } from "node:http";
import type { Dispatcher } from "undici";
import type { Clock } from "../util/clock.js";
import { startTimer } from "../util/clock.js";

export interface ExchangeRequest {
  dispatcher: Dispatcher;
  origin: string;
  path: string;
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: string;
  clock: Clock;
  timeoutMs: number;
  maxBodyBytes: number;
  signal?: AbortSignal;
  /**
   * "always": the caller's abort cuts the exchange at any point.
   * "until-sent": once the request has been handed to a socket the caller's abort is ignored and the exchange
   * runs to completion (bounded by timeoutMs), so the answer to a paid POST is not thrown away.
   */
  abortable: "always" | "until-sent";
  /** Close the connection after this exchange (so it is never reused). */
  reset?: boolean;
}

export type ExchangeOutcome =
  | { kind: "response"; status: number; headers: IncomingHttpHeaders; text: string; truncated: boolean }
  | {
      kind: "failure";
      /** The request was handed to a socket (its bytes may have reached the server). */
      sent: boolean;
      /** Our requestTimeoutMs timer fired. */
      timedOut: boolean;
      /** The caller's signal cut the exchange. */
      aborted: boolean;
      error: unknown;
      /** The answer's status line and headers, when they arrived before the failure (the body did not). */
      head?: { status: number; headers: IncomingHttpHeaders };
    };

class TimeoutMarker extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = "TimeoutError";
  }
}

export async function exchange(req: ExchangeRequest): Promise<ExchangeOutcome> {
  const state = { sent: false, timedOut: false, aborted: false };
  const controller = new AbortController();
  const cancelTimer = startTimer(req.clock, req.timeoutMs, () => {
    state.timedOut = true;
    controller.abort(new TimeoutMarker(req.timeoutMs));
  });
  const onAbort = (): void => {
    if (req.abortable === "until-sent" && state.sent) return;
    state.aborted = true;
    controller.abort(req.signal?.reason);
  };
  if (req.signal?.aborted) onAbort();
  else req.signal?.addEventListener("abort", onAbort, { once: true });
  let head: { status: number; headers: IncomingHttpHeaders } | undefined;
  try {
    const options: Dispatcher.RequestOptions & { [SENT_STATE]: typeof state } = {
      [SENT_STATE]: state,
      origin: req.origin,
      path: req.path,
      method: req.method,
      headers: req.headers,
      body: req.body ?? null,
      signal: controller.signal,
      headersTimeout: req.timeoutMs,
      bodyTimeout: req.timeoutMs,
      ...(req.reset === undefined ? {} : { reset: req.reset }),
    };
    // undici hands the options object as it is to the interceptors, which read the state from it.
    const response = await withSentMarker(req.dispatcher).request(options);
    head = { status: response.statusCode, headers: response.headers };
    const { text, truncated } = await readText(response.body, req.maxBodyBytes);
    return { kind: "response", status: response.statusCode, headers: response.headers, text, truncated };
  } catch (error) {
    return {
      kind: "failure",
      sent: state.sent,
      timedOut: state.timedOut,
      aborted: state.aborted,
      error,
      ...(head === undefined ? {} : { head }),
    };
  } finally {
    cancelTimer();
    req.signal?.removeEventListener("abort", onAbort);
  }
}

/** Where an exchange's state travels with its request options, to the one interceptor per dispatcher. */
const SENT_STATE = Symbol("storyreel.sentState");
const withMarker = new WeakMap<Dispatcher, Dispatcher>();

/** The dispatcher composed with the sent-marking interceptor, once per dispatcher (not per request). */
function withSentMarker(dispatcher: Dispatcher): Dispatcher {
  let composed = withMarker.get(dispatcher);
  if (!composed) {
    composed = dispatcher.compose(markSent);
    withMarker.set(dispatcher, composed);
  }
  return composed;
}

/** Interceptor that flags the moment undici hands the request to a connected socket (just before writing it). */
const markSent: Dispatcher.DispatcherComposeInterceptor = (dispatch) => (opts, handler) => {
  const state = (opts as { [SENT_STATE]?: { sent: boolean } })[SENT_STATE];
  return dispatch(opts, {
    onRequestStart(controller, context) {
      if (state) state.sent = true;
      handler.onRequestStart?.(controller, context);
    },
    onRequestUpgrade(controller, statusCode, headers, socket) {
      handler.onRequestUpgrade?.(controller, statusCode, headers, socket);
    },
    onResponseStart(controller, statusCode, headers, statusMessage) {
      handler.onResponseStart?.(controller, statusCode, headers, statusMessage);
    },
    onResponseData(controller, chunk) {
      handler.onResponseData?.(controller, chunk);
    },
    onResponseEnd(controller, trailers) {
      handler.onResponseEnd?.(controller, trailers);
    },
    onResponseError(controller, error) {
      handler.onResponseError?.(controller, error);
    },
  });
};

async function readText(
  body: Dispatcher.ResponseData["body"],
  maxBytes: number,
): Promise<{ text: string; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = chunk as Buffer;
    if (size + buffer.length > maxBytes) {
      chunks.push(buffer.subarray(0, maxBytes - size));
      body.destroy();
      return { text: Buffer.concat(chunks).toString("utf8"), truncated: true };
    }
    chunks.push(buffer);
    size += buffer.length;
  }
  return { text: Buffer.concat(chunks).toString("utf8"), truncated: false };
}
