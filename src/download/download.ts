// A clip download: attempts with backoff (the one retry layer for downloads), then rename into place.
import { randomBytes } from "node:crypto";
import { mkdir, realpath, rename, rm } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import type { Dispatcher } from "undici";
import type { Clock } from "../util/clock.js";
import { systemClock } from "../util/clock.js";
import { DEFAULT_RETRY_POLICY, nextDelay } from "../api/index.js";
import type { RetryPolicy } from "../api/index.js";
import { fetchToFile } from "./fetch-to-file.js";
import { policyForApi } from "./url-policy.js";
import { guardedAgent } from "./guarded-agent.js";
import type { HostLookup } from "./guarded-agent.js";
import { DownloadError } from "./errors.js";

export interface DownloadOptions {
  url: string;
  /** The output folder; the clip and its temp file stay inside it. */
  outDir: string;
  /** Where the clip goes, relative to outDir (POSIX separators). */
  relPath: string;
  /**
   * Who named the URL: "simulator", or the API origin. Loopback, private and link-local hosts (and plain http) are
   * allowed only when that is local itself. Default: a remote API (only https to public addresses).
   */
  api?: string;
  /** Resolves clip hosts (default dns.lookup); each address is checked before connecting. */
  lookup?: HostLookup;
  /** Sends the requests instead of storyreel's guarded agent (then names are not checked after resolving). */
  dispatcher?: Dispatcher;
  signal?: AbortSignal;
  clock?: Clock;
  retry?: Partial<RetryPolicy>;
  maxRedirects?: number;
  maxBytes?: number;
  timeoutMs?: number;
  userAgent?: string;
  random?: () => number;
  /** Called before each retry, for reporting. */
  onRetry?: (info: { attempt: number; delayMs: number; error: DownloadError }) => void;
}

export interface DownloadResult {
  relPath: string;
  absPath: string;
  bytes: number;
  sha256: string;
  attempts: number;
}

const GiB = 1024 ** 3;

export async function downloadClip(options: DownloadOptions): Promise<DownloadResult> {
  const clock = options.clock ?? systemClock;
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const absPath = insideOutDir(options.outDir, options.relPath);
  await mkdir(dirname(absPath), { recursive: true });
  await refuseLinkedEscape(options.outDir, dirname(absPath), options.relPath);
  const tempPath = join(dirname(absPath), `.${randomBytes(6).toString("hex")}.part`);
  const started = clock.now();
  const where = policyForApi(options.api ?? "https://api.aimlapi.com");
  const agent = options.dispatcher ? null : guardedAgent(where, options.lookup);
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await fetchToFile({
          url: options.url,
          tempPath,
          dispatcher: options.dispatcher ?? agent!,
          policy: where,
          signal: options.signal,
          maxRedirects: options.maxRedirects ?? 5,
          maxBytes: options.maxBytes ?? 4 * GiB,
          timeoutMs: options.timeoutMs ?? 120_000,
          userAgent: options.userAgent ?? "storyreel",
        });
        await rename(tempPath, absPath);
        return {
          relPath: options.relPath,
          absPath,
          bytes: result.bytes,
          sha256: result.sha256,
          attempts: attempt,
        };
      } catch (err) {
        if (!(err instanceof DownloadError) || !err.retryable || attempt >= policy.attempts) throw err;
        const delayMs = nextDelay(policy, attempt, options.random ?? Math.random, err.retryAfterMs);
        if (clock.now() - started + delayMs > policy.deadlineMs) throw err;
        options.onRetry?.({ attempt, delayMs, error: err });
        await clock.sleep(delayMs, options.signal);
      }
    }
  } finally {
    await rm(tempPath, { force: true });
    await agent?.close();
  }
}

/** The clip's folder must really be inside the output folder, also when a folder on the way is a symlink. */
async function refuseLinkedEscape(outDir: string, dir: string, relPath: string): Promise<void> {
  const [realRoot, realDir] = await Promise.all([realpath(outDir), realpath(dir)]);
  const rel = relative(realRoot, realDir);
  if (rel.startsWith("..") || isAbsolute(rel)) {
    throw new DownloadError(
      "E_DOWNLOAD_PATH",
      `clip path ${JSON.stringify(relPath)} leads outside the output folder through a symbolic link (${realDir}); remove the link`,
    );
  }
}

/** Resolves relPath under outDir, refusing anything that would land outside it. */
function insideOutDir(outDir: string, relPath: string): string {
  const root = resolve(outDir);
  const abs = resolve(root, relPath);
  const rel = relative(root, abs);
  if (rel === "" || rel.startsWith("..") || rel.includes(`..${sep}`) || resolve(root, rel) !== abs) {
    throw new DownloadError(
      "E_DOWNLOAD_PATH",
      `clip path ${JSON.stringify(relPath)} would leave the output folder`,
    );
  }
  return abs;
}
