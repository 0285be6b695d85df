// Test helpers: a manual clock, a raw HTTP client that survives resets, frame data URIs, temp dirs.
import { readFile, mkdtemp, rm } from "node:fs/promises";
import { request } from "node:http";
import type { IncomingHttpHeaders } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runFfmpeg } from "../../src/media/index.js";
import type { Clock } from "../../src/util/clock.js";

export const KEY = "sk-sim-test-key-0123456789";
export const AUTH = { authorization: `Bearer ${KEY}` };

/** A clock that only moves when told; sleepers wake as it passes their deadline. */
export class ManualClock implements Clock {
  private t = 0;
  private sleepers: { at: number; wake: () => void }[] = [];

  now(): number {
    return this.t;
  }

  wallNow(): Date {
    return new Date(Date.UTC(2026, 0, 1) + this.t);
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      signal?.throwIfAborted();
      const sleeper = { at: this.t + ms, wake: resolve };
      this.sleepers.push(sleeper);
      signal?.addEventListener("abort", () => {
        this.sleepers = this.sleepers.filter((s) => s !== sleeper);
        reject(signal.reason as Error);
      });
    });
  }

  advance(ms: number): void {
    this.t += ms;
    const due = this.sleepers.filter((s) => s.at <= this.t);
    this.sleepers = this.sleepers.filter((s) => s.at > this.t);
    for (const s of due) s.wake();
  }

  get sleeping(): number {
    return this.sleepers.length;
  }
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Set when the connection broke before the response ended (bytes received so far are in `body`). */
  error: Error | null;
}

/** One request on a fresh connection; resolves even when the server resets it (status 0 if no head came). */
export function http(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: unknown; signal?: AbortSignal } = {},
): Promise<RawResponse> {
  const payload =
    opts.body === undefined
      ? undefined
      : Buffer.from(typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body));
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let head: { status: number; headers: IncomingHttpHeaders } | null = null;
    const done = (error: Error | null): void =>
      resolve({
        status: head?.status ?? 0,
        headers: head?.headers ?? {},
        body: Buffer.concat(chunks),
        error,
      });
    const req = request(
      url,
      {
        method: opts.method ?? (payload === undefined ? "GET" : "POST"),
        headers: { "content-type": "application/json", ...opts.headers },
        agent: false,
        signal: opts.signal,
      },
      (res) => {
        head = { status: res.statusCode ?? 0, headers: res.headers };
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => done(null));
        res.on("error", (err) => done(err));
        res.on("aborted", () => done(new Error("response aborted")));
      },
    );
    req.on("error", (err) => done(err));
    req.end(payload);
  });
}

export function json(res: RawResponse): Record<string, unknown> {
  return JSON.parse(res.body.toString("utf8")) as Record<string, unknown>;
}

export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "storyreel-simtest-"));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A solid-colour PNG as a data URI, drawn by ffmpeg. */
export async function pngDataUri(dir: string, color: string, size = "320x180"): Promise<string> {
  const file = join(dir, `${color}-${size}.png`);
  await runFfmpeg(["-f", "lavfi", "-i", `color=c=${color}:s=${size}`, "-frames:v", "1", file]);
  return `data:image/png;base64,${(await readFile(file)).toString("base64")}`;
}

/** A tiny valid PNG (1x1) without ffmpeg. */
export const ONE_PIXEL_PNG =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

export const T2V = "google/veo-3.1-t2v-fast";
export const FIRST_LAST = "google/veo-3.1-first-last-image-to-video-fast";

export function submitUrl(base: string): string {
  return `${base}/v2/video/generations`;
}

export function pollUrl(base: string, id: string, route = "/v2/video/generations"): string {
  return `${base}${route}?generation_id=${encodeURIComponent(id)}`;
}

/** Submits a valid text-to-video body and returns the generation id. */
export async function submitT2v(base: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await http(submitUrl(base), {
    headers: AUTH,
    body: { model: T2V, prompt: "a harbour", ...extra },
  });
  if (res.status !== 200) throw new Error(`submit answered ${res.status}: ${res.body.toString()}`);
  return json(res)["id"] as string;
}
