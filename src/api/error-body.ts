// Reads the API's error JSON ({message, path, requestId, statusCode, timestamp}); message may be a string or an array.
import type { IncomingHttpHeaders } from "node:http";
import type { Redactor } from "./redact.js";

const MAX_MESSAGE_CHARS = 2000;

export interface ErrorBodyInfo {
  apiMessage?: string;
  requestId?: string;
}

export function readErrorBody(text: string, headers: IncomingHttpHeaders, redact: Redactor): ErrorBodyInfo {
  const info: ErrorBodyInfo = {};
  const json = tryParse(text);
  if (typeof json === "object" && json !== null && !Array.isArray(json)) {
    const body = json as Record<string, unknown>;
    const message = messageText(body.message ?? body.error);
    if (message !== undefined && message !== "") info.apiMessage = truncate(redact(message));
    if (typeof body.requestId === "string" && body.requestId !== "") info.requestId = redact(body.requestId);
  }
  const header = headers["x-request-id"];
  if (info.requestId === undefined && typeof header === "string" && header !== "")
    info.requestId = redact(header);
  return info;
}

function messageText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) {
    const parts = value.map((item) => messageText(item) ?? JSON.stringify(item)).filter((s) => s !== "");
    return parts.join("; ");
  }
  if (typeof value === "object" && value !== null) {
    const { message, path } = value as Record<string, unknown>;
    if (typeof message !== "string") return JSON.stringify(value);
    const where = Array.isArray(path) ? path.join(".") : typeof path === "string" ? path : "";
    return where === "" ? message : `${where}: ${message}`;
  }
  return undefined;
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function truncate(text: string): string {
  return text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS - 3)}...` : text;
}
