// Pages through GET /v2/logs for one window: one listing answers the look-ups of many shots.
import type { LogRow, LogsCallOptions, LogsPage } from "./logs-route.js";

export interface LogsReader {
  logs(options: LogsCallOptions): Promise<LogsPage>;
}

export interface ListAllLogsOptions extends LogsCallOptions {
  /** Stop after this many pages (each one request of the route's 200 per 60 s). Default 50. */
  maxPages?: number;
}

export interface LogsListing {
  /** Every row of the window (newest first), each listed once. */
  rows: LogRow[];
  pages: number;
  /** False when maxPages stopped the listing before the API said there was no more. */
  complete: boolean;
}

/**
 * Reads pages of `limit` (default 100, the most the API allows) until `has_more` is false. Rows are newest
 * first and new requests land on top while paging, which shifts older rows to later offsets: a row seen twice
 * is kept once (by inference id, else request id). Give a fixed `end` so rows made after the listing began stay out.
 */
export async function listAllLogs(reader: LogsReader, options: ListAllLogsOptions): Promise<LogsListing> {
  const { maxPages = 50, ...query } = options;
  const limit = query.limit ?? 100;
  let offset = query.offset ?? 0;
  const rows: LogRow[] = [];
  const seen = new Set<string>();
  for (let pages = 1; ; pages++) {
    const page = await reader.logs({ ...query, limit, offset });
    for (const row of page.rows) {
      const key = row.inferenceId ?? row.requestId;
      if (key !== null) {
        if (seen.has(key)) continue;
        seen.add(key);
      }
      rows.push(row);
    }
    if (!page.pagination.hasMore || page.rows.length === 0) return { rows, pages, complete: true };
    if (pages >= maxPages) return { rows, pages, complete: false };
    offset += page.rows.length;
  }
}
