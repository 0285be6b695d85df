// Answers a scripted `status` fault: the API error shape (or plain text on downloads), with Retry-After.
import type { ServerResponse } from "node:http";
import { STATUS_CODES } from "node:http";
import type { SimContext } from "./context.js";
import type { Fault } from "./fault-types.js";
import { sendApiError } from "./http-io.js";

export function sendStatusFault(
  ctx: SimContext,
  res: ServerResponse,
  fault: Extract<Fault, { type: "status" }>,
  opts: { path: string; json: boolean },
): void {
  const headers: Record<string, string> = {};
  if (fault.retryAfter !== undefined) headers["retry-after"] = String(fault.retryAfter);
  if (fault.retryAfterDate !== undefined) {
    headers["retry-after"] = new Date(
      ctx.clock.wallNow().getTime() + fault.retryAfterDate * 1000,
    ).toUTCString();
  }
  const message = fault.message ?? STATUS_CODES[fault.status] ?? "Error";
  if (opts.json) {
    sendApiError(res, fault.status, message, { path: opts.path, wallNow: ctx.clock.wallNow(), headers });
    return;
  }
  const text = Buffer.from(`${fault.status} ${message}\n`);
  res.writeHead(fault.status, {
    "content-type": "text/plain",
    "content-length": String(text.length),
    ...headers,
  });
  res.end(text);
}
