// GET /v2/logs: one page of the key's request log, newest first, read into typed rows.
import { getJsonValue, type ReadResult } from "./get-json.js";
import { logsSearch, type LogsQuery, type LogStatus } from "./logs-query.js";
import type { Redactor } from "./redact.js";
import type { Transport } from "./transport.js";

export const LOGS_PATH = "/v2/logs";

export interface LogRow {
  /** As sent (ISO-8601). */
  created: string;
  /** `created` in ms since the epoch; null when the API's value does not parse. */
  createdMs: number | null;
  status: LogStatus;
  origin: string | null;
  model: string;
  /** Zero for failed requests; null when the row carried no cost. */
  cost: { usd: number; credits: number } | null;
  requestId: string | null;
  /** For an asynchronous generation: the generation id its submission returned. */
  inferenceId: string | null;
  clientRequestId: string | null;
}

export interface LogsPage {
  rows: LogRow[];
  pagination: { limit: number; offset: number; total: number; hasMore: boolean };
}

export interface LogsCallOptions extends LogsQuery {
  signal?: AbortSignal;
}

export async function logsVia(
  transport: Transport,
  redact: Redactor,
  headers: Record<string, string>,
  options: LogsCallOptions,
): Promise<LogsPage> {
  const { signal, ...query } = options;
  const search = logsSearch(query); // a bad query throws here: nothing is sent
  return getJsonValue(transport, {
    phase: "logs",
    path: `${LOGS_PATH}${search === "" ? "" : `?${search}`}`,
    headers,
    redact,
    signal,
    read: readLogsPage,
  });
}

export function readLogsPage(json: unknown): ReadResult<LogsPage> {
  if (!isRecord(json)) return { ok: false, problem: "expected a JSON object" };
  if (!Array.isArray(json.data)) return { ok: false, problem: '"data" is not an array' };
  const p = json.pagination;
  if (!isRecord(p)) return { ok: false, problem: '"pagination" is missing' };
  const { limit, offset, total } = p;
  if (!isCount(limit) || !isCount(offset) || !isCount(total) || typeof p.has_more !== "boolean") {
    return { ok: false, problem: '"pagination" needs integer limit, offset, total and a boolean has_more' };
  }
  const rows: LogRow[] = [];
  for (const [i, item] of json.data.entries()) {
    const row = readRow(item);
    if (typeof row === "string") return { ok: false, problem: `data[${i}]: ${row}` };
    rows.push(row);
  }
  return { ok: true, value: { rows, pagination: { limit, offset, total, hasMore: p.has_more } } };
}

/** A row, or what is wrong with it: a row storyreel might act on must say its status and what it is about. */
function readRow(item: unknown): LogRow | string {
  if (!isRecord(item)) return "not an object";
  const { status, created, model } = item;
  if (status !== "succeeded" && status !== "failed")
    return `"status" ${JSON.stringify(status)} is not succeeded/failed`;
  if (typeof created !== "string") return '"created" is not a string';
  if (typeof model !== "string") return '"model" is not a string';
  const ms = Date.parse(created);
  return {
    created,
    createdMs: Number.isNaN(ms) ? null : ms,
    status,
    origin: text(item.origin),
    model,
    cost: readCost(item.cost),
    requestId: text(item.request_id),
    inferenceId: text(item.inference_id),
    clientRequestId: text(item.client_request_id),
  };
}

function readCost(cost: unknown): LogRow["cost"] {
  if (!isRecord(cost)) return null;
  const { usd, credits } = cost;
  if (
    typeof usd !== "number" ||
    typeof credits !== "number" ||
    !Number.isFinite(usd) ||
    !Number.isFinite(credits)
  )
    return null;
  return { usd, credits };
}

function text(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
