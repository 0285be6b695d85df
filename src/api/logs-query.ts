// Checks a GET /v2/logs query against the documented rules and builds its query string; nothing is sent on a bad one.
import { ConfigError } from "./errors.js";

export type LogStatus = "succeeded" | "failed";

export interface LogsQuery {
  /** A trailing window such as "24h" or "30m"; never together with start/end. */
  period?: string;
  /** Window start and end (Date or ISO-8601), at most 92 days apart; both or neither. */
  start?: Date | string;
  end?: Date | string;
  /** Only rows of these models (the parameter is repeated: commas do not split). */
  model?: readonly string[];
  status?: readonly LogStatus[];
  /** 1–100; default 50 (the API's default). */
  limit?: number;
  /** >= 0; default 0. */
  offset?: number;
}

/** "start+end (ISO-8601, at most 92 days)" and "limit 1–100" (AIML reference, GET /v2/logs). */
export const LOGS_MAX_WINDOW_MS = 92 * 24 * 3600 * 1000;
export const LOGS_MAX_LIMIT = 100;
const PERIOD = /^[1-9]\d{0,5}[smhdw]$/;

/** The query string (without "?") for `query`; throws ConfigError naming the key, the value and what is allowed. */
export function logsSearch(query: LogsQuery): string {
  const params = new URLSearchParams();
  const hasWindow = query.start !== undefined || query.end !== undefined;
  if (query.period !== undefined) {
    if (hasWindow) {
      throw new ConfigError("logs.period", "logs: give either period or start+end, not both");
    }
    if (!PERIOD.test(query.period)) {
      throw new ConfigError(
        "logs.period",
        `logs.period ${JSON.stringify(query.period)} is not allowed: use a count and a unit, e.g. "24h", "30m", "7d"`,
      );
    }
    params.set("period", query.period);
  }
  if (hasWindow) {
    const start = instant("logs.start", query.start);
    const end = instant("logs.end", query.end);
    if (end.getTime() <= start.getTime()) {
      throw new ConfigError(
        "logs.end",
        `logs.end ${end.toISOString()} is not after logs.start ${start.toISOString()}`,
      );
    }
    if (end.getTime() - start.getTime() > LOGS_MAX_WINDOW_MS) {
      throw new ConfigError("logs.start", "logs: the window from start to end is longer than 92 days");
    }
    params.set("start", start.toISOString());
    params.set("end", end.toISOString());
  }
  for (const model of query.model ?? []) {
    if (typeof model !== "string" || model.trim() === "") {
      throw new ConfigError("logs.model", `logs.model ${JSON.stringify(model)} is not a model id`);
    }
    params.append("model", model);
  }
  for (const status of query.status ?? []) {
    if (status !== "succeeded" && status !== "failed") {
      throw new ConfigError(
        "logs.status",
        `logs.status ${JSON.stringify(status)} is not allowed: "succeeded" or "failed"`,
      );
    }
    params.append("status", status);
  }
  if (query.limit !== undefined) {
    integer("logs.limit", query.limit, 1, LOGS_MAX_LIMIT);
    params.set("limit", String(query.limit));
  }
  if (query.offset !== undefined) {
    integer("logs.offset", query.offset, 0, Number.MAX_SAFE_INTEGER);
    params.set("offset", String(query.offset));
  }
  return params.toString();
}

function instant(key: string, value: Date | string | undefined): Date {
  if (value === undefined) {
    throw new ConfigError(key, `${key} is missing: start and end go together (or use period)`);
  }
  const date = typeof value === "string" ? new Date(value) : value;
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new ConfigError(key, `${key} ${JSON.stringify(value)} is not a date (ISO-8601 or a Date)`);
  }
  return date;
}

function integer(key: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(key, `${key} is ${String(value)}; allowed: an integer from ${min} to ${max}`);
  }
}
