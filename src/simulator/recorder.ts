// Keeps the most recent requests (method, path, query, raw headers, body size) for tests to inspect.
import type { IncomingHttpHeaders } from "node:http";

export type RequestKind = "submit" | "poll" | "download" | "models" | "logs" | "billing" | "other";

export interface RecordedRequest {
  /** Simulator clock (ms) at arrival. */
  at: number;
  origin: "api" | "download";
  kind: RequestKind;
  method: string;
  path: string;
  query: Record<string, string>;
  /** Headers exactly as received (Authorization included), so tests can scan them for the key. */
  headers: IncomingHttpHeaders;
  bodyBytes: number;
  /** HTTP status answered; null when the connection was reset or never answered. */
  status: number | null;
}

/** A bounded log: keeps the last `limit` requests (0: none, Infinity: all). */
export class RequestRecorder {
  private log: RecordedRequest[] = [];
  private readonly limit: number;

  constructor(limit: number) {
    this.limit = limit;
  }

  add(request: RecordedRequest): void {
    if (this.limit <= 0) return;
    this.log.push(request);
    // Trim in batches so recording stays O(1) amortized.
    if (this.log.length >= this.limit * 2) this.log.splice(0, this.log.length - this.limit);
  }

  /** The most recent requests, oldest first. */
  list(): RecordedRequest[] {
    if (this.log.length > this.limit) this.log.splice(0, this.log.length - this.limit);
    return this.log;
  }
}
