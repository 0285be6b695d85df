// Reads the tracing and cost headers of an answer: x-inference-id, x-client-request-id, x-aimlapi-credits-used / -usd-spent.
import type { IncomingHttpHeaders } from "node:http";
import type { Redactor } from "./redact.js";
import { isValidClientRequestId } from "./request-id.js";

export interface ResponseTrace {
  /** `x-inference-id`: for an asynchronous generation it equals the generation id. */
  inferenceId: string | null;
  /** `x-client-request-id`: the request id echoed back (the API echoes only a valid one). */
  clientRequestId: string | null;
  /** `x-aimlapi-credits-used`, integer credits, where present. */
  creditsUsed: number | null;
  /** `x-aimlapi-usd-spent`, where present. */
  usdSpent: number | null;
}

export const EMPTY_TRACE: Readonly<ResponseTrace> = Object.freeze({
  inferenceId: null,
  clientRequestId: null,
  creditsUsed: null,
  usdSpent: null,
});

const MAX_ID_CHARS = 256;

export function readTrace(headers: IncomingHttpHeaders, redact: Redactor): ResponseTrace {
  const echoed = single(headers["x-client-request-id"]);
  return {
    inferenceId: usableId(single(headers["x-inference-id"]), redact),
    clientRequestId: isValidClientRequestId(echoed) ? echoed : null,
    creditsUsed: amount(single(headers["x-aimlapi-credits-used"])),
    usdSpent: amount(single(headers["x-aimlapi-usd-spent"])),
  };
}

/** An id that could name a generation: printable ASCII without spaces, bounded, and never holding the key. */
function usableId(value: string | undefined, redact: Redactor): string | null {
  const id = value?.trim();
  if (id === undefined || id === "" || id.length > MAX_ID_CHARS || !/^[\x21-\x7e]+$/.test(id)) return null;
  return redact(id) === id ? id : null;
}

function amount(value: string | undefined): number | null {
  const text = value?.trim();
  if (text === undefined || !/^\d+(\.\d+)?$/.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
