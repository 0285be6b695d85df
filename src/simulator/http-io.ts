// Small HTTP helpers: read a bounded body, answer JSON, answer in the AIML API's error shape.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { StoryreelError } from "../util/errors.js";

export class BodyTooLargeError extends StoryreelError {
  constructor(maxBytes: number) {
    super("E_SIM_BODY_TOO_LARGE", `request body exceeds ${maxBytes} bytes`);
  }
}

/** Reads the whole body; rejects with BodyTooLargeError past `maxBytes`. */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.removeAllListeners("data");
        req.resume();
        reject(new BodyTooLargeError(maxBytes));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  sendRaw(res, status, JSON.stringify(body), headers);
}

/** Sends `text` as-is with a JSON content type (used for deliberately broken bodies too). */
export function sendRaw(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  const payload = Buffer.from(text, "utf8");
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": String(payload.length),
    ...headers,
  });
  res.end(payload);
}

/** The API's error body: `{ message, path, requestId, statusCode, timestamp }` (+ details for 400s). */
export function sendApiError(
  res: ServerResponse,
  status: number,
  message: string,
  opts: { path: string; wallNow: Date; details?: string[]; headers?: Record<string, string> },
): void {
  const body: Record<string, unknown> = {
    message,
    path: opts.path,
    requestId: randomUUID(),
    statusCode: status,
    timestamp: opts.wallNow.toISOString(),
  };
  if (opts.details !== undefined) body["details"] = opts.details;
  sendJson(res, status, body, opts.headers);
}

/** Destroys the connection without answering. */
export function resetConnection(req: IncomingMessage): void {
  req.socket.destroy();
}
