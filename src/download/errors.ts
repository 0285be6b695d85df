// Download failures, each with a stable code and whether trying again may help.
import { StoryreelError } from "../util/errors.js";

export type DownloadErrorCode =
  | "E_DOWNLOAD_URL"
  /** The clip's host is (or resolves to) a loopback, private or link-local address, and the API is not local. */
  | "E_DOWNLOAD_ADDRESS"
  | "E_DOWNLOAD_HTTP"
  | "E_DOWNLOAD_SHORT"
  | "E_DOWNLOAD_NOT_MP4"
  | "E_DOWNLOAD_REDIRECTS"
  | "E_DOWNLOAD_NETWORK"
  | "E_DOWNLOAD_PATH";

const RETRYABLE: ReadonlySet<DownloadErrorCode> = new Set([
  "E_DOWNLOAD_SHORT",
  "E_DOWNLOAD_NOT_MP4",
  "E_DOWNLOAD_NETWORK",
]);

export class DownloadError extends StoryreelError {
  declare readonly code: DownloadErrorCode;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(
    code: DownloadErrorCode,
    message: string,
    options: { cause?: unknown; status?: number; retryAfterMs?: number } = {},
  ) {
    super(code, message, { cause: options.cause });
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
  }

  get retryable(): boolean {
    if (this.code === "E_DOWNLOAD_HTTP") return this.status === 429 || (this.status ?? 0) >= 500;
    return RETRYABLE.has(this.code);
  }
}
