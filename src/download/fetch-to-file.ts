// One download attempt: follow redirects by hand (never sending credentials), stream to a temp file while hashing.
import { createHash } from "node:crypto";
import { open, rm } from "node:fs/promises";
import { request } from "undici";
import type { Dispatcher } from "undici";
import { isMp4 } from "../media/index.js";
import { parseRetryAfter } from "../api/index.js";
import { checkDownloadUrl } from "./url-policy.js";
import type { DownloadPolicy } from "./url-policy.js";
import { DownloadError } from "./errors.js";

export interface AttemptOptions {
  url: string;
  tempPath: string;
  dispatcher: Dispatcher | undefined;
  signal: AbortSignal | undefined;
  maxRedirects: number;
  maxBytes: number;
  timeoutMs: number;
  userAgent: string;
  /** Where clips may come from (checked on the URL and on every redirect). */
  policy: DownloadPolicy;
}

export interface AttemptResult {
  bytes: number;
  sha256: string;
  finalUrl: string;
}

const NETWORK_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "UND_ERR_CLOSED",
]);

export async function fetchToFile(options: AttemptOptions): Promise<AttemptResult> {
  let url = checkDownloadUrl(options.url, options.policy);
  for (let hop = 0; ; hop++) {
    const response = await send(url, options);
    if (response.statusCode >= 300 && response.statusCode < 400 && response.headers.location !== undefined) {
      await response.body.dump();
      if (hop >= options.maxRedirects) {
        throw new DownloadError(
          "E_DOWNLOAD_REDIRECTS",
          `more than ${options.maxRedirects} redirects from ${origin(options.url)}`,
        );
      }
      const location = String(response.headers.location);
      url = checkDownloadUrl(new URL(location, url).toString(), options.policy);
      continue;
    }
    if (response.statusCode !== 200) {
      await response.body.dump();
      throw new DownloadError(
        "E_DOWNLOAD_HTTP",
        `download from ${origin(url.toString())} answered HTTP ${response.statusCode}`,
        {
          status: response.statusCode,
          retryAfterMs: parseRetryAfter(response.headers["retry-after"], Date.now()),
        },
      );
    }
    const declared = response.headers["content-length"];
    const expected = declared === undefined ? null : Number(declared);
    const length = expected !== null && Number.isFinite(expected) ? expected : null;
    const { bytes, sha256 } = await streamToFile(response.body, options, length);
    if (length !== null && bytes !== length) throw shortBody(bytes, length, undefined);
    return { bytes, sha256, finalUrl: url.toString() };
  }
}

async function send(url: URL, options: AttemptOptions): Promise<Dispatcher.ResponseData> {
  try {
    return await request(url, {
      method: "GET",
      headers: { "user-agent": options.userAgent, accept: "video/mp4,*/*" },
      ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
  } catch (err) {
    // The guarded agent's refusal of a resolved address comes back as the connection's error (or its cause).
    const refused = [err, (err as { cause?: unknown }).cause].find((e) => e instanceof DownloadError);
    if (refused) throw refused;
    throw asNetworkError(err, url);
  }
}

async function streamToFile(
  body: AsyncIterable<Uint8Array>,
  options: AttemptOptions,
  expected: number | null,
): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash("sha256");
  const file = await open(options.tempPath, "w", 0o644);
  let bytes = 0;
  let header = Buffer.alloc(0);
  try {
    for await (const chunk of body) {
      bytes += chunk.byteLength;
      if (bytes > options.maxBytes) {
        throw new DownloadError(
          "E_DOWNLOAD_HTTP",
          `clip is larger than ${options.maxBytes} bytes; refusing to store it`,
        );
      }
      if (header.length < 8) header = Buffer.concat([header, chunk]).subarray(0, 8);
      hash.update(chunk);
      await file.write(chunk);
    }
    await file.sync();
  } catch (err) {
    if (err instanceof DownloadError) throw err;
    // A body that breaks off before its declared length is a short download, whatever the socket said.
    if (expected !== null && bytes < expected && isBrokenBody(err)) throw shortBody(bytes, expected, err);
    throw asNetworkError(err, null);
  } finally {
    await file.close();
  }
  if (!isMp4(header)) {
    await rm(options.tempPath, { force: true });
    throw new DownloadError("E_DOWNLOAD_NOT_MP4", `downloaded ${bytes} bytes that are not an MP4 file`);
  }
  return { bytes, sha256: hash.digest("hex") };
}

function shortBody(bytes: number, expected: number, cause: unknown): DownloadError {
  return new DownloadError("E_DOWNLOAD_SHORT", `download ended after ${bytes} of ${expected} bytes`, {
    cause,
  });
}

function isBrokenBody(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return (
    typeof code === "string" && (NETWORK_CODES.has(code) || code === "UND_ERR_RES_CONTENT_LENGTH_MISMATCH")
  );
}

function asNetworkError(err: unknown, url: URL | null): unknown {
  const code = (err as { code?: unknown }).code;
  if (typeof code === "string" && NETWORK_CODES.has(code)) {
    const where = url ? ` from ${url.host}` : "";
    return new DownloadError("E_DOWNLOAD_NETWORK", `download${where} broke off (${code})`, { cause: err });
  }
  return err;
}

function origin(raw: string): string {
  try {
    return new URL(raw).host;
  } catch {
    return "the download host";
  }
}
