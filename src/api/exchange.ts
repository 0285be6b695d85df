// One HTTP exchange over undici, reporting whether the request was handed to a socket before any failure.
import type { IncomingHttpHeaders } from "node:http";
import type { Dispatcher } from "undici";
import type { Clock } from "../util/clock.js";

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
  const timer = new AbortController();
  req.clock.sleep(req.timeoutMs, timer.signal).then(
    () => {
      state.timedOut = true;
      controller.abort(new TimeoutMarker(req.timeoutMs));
    },
    () => undefined,
  );
  const onAbort = (): void => {
    if (req.abortable === "until-sent" && state.sent) return;
    state.aborted = true;
    controller.abort(req.signal?.reason);
  };
  if (req.signal?.aborted) onAbort();
  else req.signal?.addEventListener("abort", onAbort, { once: true });
  try {
    const response = await req.dispatcher.compose(markSent(state)).request({
      origin: req.origin,
      path: req.path,
      method: req.method,
      headers: req.headers,
      body: req.body ?? null,
      signal: controller.signal,
      headersTimeout: req.timeoutMs,
      bodyTimeout: req.timeoutMs,
      ...(req.reset === undefined ? {} : { reset: req.reset }),
    });
    const { text, truncated } = await readText(response.body, req.maxBodyBytes);
    return { kind: "response", status: response.statusCode, headers: response.headers, text, truncated };
  } catch (error) {
    return { kind: "failure", sent: state.sent, timedOut: state.timedOut, aborted: state.aborted, error };
  } finally {
    timer.abort();
    req.signal?.removeEventListener("abort", onAbort);
  }
}

/** Interceptor that flags the moment undici hands the request to a connected socket (just before writing it). */
function markSent(state: { sent: boolean }): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) => (opts, handler) =>
    dispatch(opts, {
      onRequestStart(controller, context) {
        state.sent = true;
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
}

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
