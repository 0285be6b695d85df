// GET /v2/logs on the simulator: window, filters and paging as the reference documents them, newest first.
import type { ServerResponse } from "node:http";
import type { SimContext } from "./context.js";
import type { Fault } from "./fault-types.js";
import { sendApiError, sendJson } from "./http-io.js";
import { rowJson, rowStatus } from "./request-log.js";

const MAX_WINDOW_MS = 92 * 24 * 3600 * 1000;
const DEFAULT_PERIOD_MS = 24 * 3600 * 1000;
const UNIT_MS: Readonly<Record<string, number>> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

interface LogsQuery {
  startMs: number;
  endMs: number;
  models: string[];
  statuses: string[];
  limit: number;
  offset: number;
}

export function handleLogs(ctx: SimContext, res: ServerResponse, url: URL, fault: Fault | undefined): void {
  const wallNow = ctx.clock.wallNow();
  const query = parseQuery(url.searchParams, wallNow.getTime());
  if (typeof query === "string") {
    sendApiError(res, 400, "Query validation error!", { path: url.pathname, wallNow, details: [query] });
    return;
  }
  const now = ctx.clock.now();
  const lag = Math.max(ctx.logsDelayMs, fault?.type === "lag" ? fault.ms : 0);
  const rows = ctx.requestLog
    .visible(now, lag)
    .filter((e) => e.createdWallMs >= query.startMs && e.createdWallMs <= query.endMs)
    .filter((e) => query.models.length === 0 || query.models.includes(e.model))
    .filter((e) => query.statuses.length === 0 || query.statuses.includes(rowStatus(e, now)))
    .sort((a, b) => b.createdWallMs - a.createdWallMs || b.seq - a.seq);
  const page = rows.slice(query.offset, query.offset + query.limit);
  sendJson(res, 200, {
    data: page.map((e) => rowJson(e, now)),
    pagination: {
      limit: query.limit,
      offset: query.offset,
      total: rows.length,
      has_more: query.offset + page.length < rows.length,
    },
  });
}

/** The checked query, or what is wrong with it (a 400's detail). */
function parseQuery(params: URLSearchParams, nowWallMs: number): LogsQuery | string {
  const period = params.get("period");
  const start = params.get("start");
  const end = params.get("end");
  let startMs: number;
  let endMs: number;
  if (period !== null) {
    if (start !== null || end !== null) return "period: not allowed together with start/end";
    const match = /^(\d+)([smhdw])$/.exec(period);
    if (match === null) return `period: ${JSON.stringify(period)} is not a period such as 24h`;
    endMs = nowWallMs;
    startMs = nowWallMs - Number(match[1]) * UNIT_MS[match[2]!]!;
  } else if (start !== null || end !== null) {
    if (start === null || end === null) return "start, end: give both";
    startMs = Date.parse(start);
    endMs = Date.parse(end);
    if (Number.isNaN(startMs) || Number.isNaN(endMs)) return "start, end: must be ISO-8601 dates";
    if (endMs <= startMs) return "end: must be after start";
  } else {
    endMs = nowWallMs;
    startMs = nowWallMs - DEFAULT_PERIOD_MS;
  }
  if (endMs - startMs > MAX_WINDOW_MS) return "start, end: the window may span at most 92 days";
  const statuses = params.getAll("status");
  const badStatus = statuses.find((s) => s !== "succeeded" && s !== "failed");
  if (badStatus !== undefined) return `status: ${JSON.stringify(badStatus)} is not succeeded or failed`;
  const limit = integer(params.get("limit"), 50);
  if (limit === null || limit < 1 || limit > 100) return "limit: must be an integer from 1 to 100";
  const offset = integer(params.get("offset"), 0);
  if (offset === null || offset < 0) return "offset: must be an integer >= 0";
  return { startMs, endMs, models: params.getAll("model"), statuses, limit, offset };
}

function integer(value: string | null, fallback: number): number | null {
  if (value === null) return fallback;
  return /^\d+$/.test(value) ? Number(value) : null;
}
