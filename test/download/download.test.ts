// downloadClip over real HTTP into real temp folders: Content-Length, bodies without one, non-MP4 bytes, paths that
// would leave the output folder, and no temp file left behind whatever happens.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DownloadError, downloadClip } from "../../src/download/index.js";
import type { DownloadOptions } from "../../src/download/index.js";
import { makeClip } from "../media/fixtures.js";
import { bytes, chunked, held, short, startClipServer, status } from "../helpers/clip-server.js";
import type { ClipServer } from "../helpers/clip-server.js";
import { until } from "../helpers/wait.js";

const RETRY = { attempts: 3, baseDelayMs: 1, capDelayMs: 5, deadlineMs: 5_000 };

let clip: Buffer;
let clipSha = "";
let fixtureDir = "";
let server: ClipServer;
/** A fresh parent folder per test; the output folder is `<root>/out`, so escapes land in `root`. */
let root = "";
let outDir = "";

beforeAll(async () => {
  fixtureDir = await mkdtemp(join(tmpdir(), "storyreel-download-fixture-"));
  const file = join(fixtureDir, "clip.mp4");
  await makeClip(file, { audio: false });
  clip = await readFile(file);
  clipSha = sha256(clip);
});

afterAll(async () => {
  await rm(fixtureDir, { recursive: true, force: true });
});

beforeEach(async () => {
  server = await startClipServer();
  root = await mkdtemp(join(tmpdir(), "storyreel-download-"));
  outDir = join(root, "out");
  await mkdir(outDir);
});

afterEach(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

function sha256(data: Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Every file under `dir`, relative to it (folders left out). */
async function filesUnder(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

function download(overrides: Partial<DownloadOptions> = {}): ReturnType<typeof downloadClip> {
  return downloadClip({
    url: `${server.url}/files/clip.mp4`,
    outDir,
    relPath: "clips/001-a.mp4",
    retry: RETRY,
    api: server.url, // a local API: its local clip server is allowed
    ...overrides,
  });
}

async function failure(promise: Promise<unknown>): Promise<DownloadError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DownloadError);
  return err as DownloadError;
}

describe("Content-Length", () => {
  it("a body shorter than its Content-Length is retried, and a full one then succeeds", async () => {
    server.script([short(clip, 500), bytes(clip)]);
    const result = await download();
    expect(result).toMatchObject({ bytes: clip.length, sha256: clipSha, attempts: 2 });
    expect(sha256(await readFile(join(outDir, "clips/001-a.mp4")))).toBe(clipSha);
    expect(await filesUnder(outDir)).toEqual(["clips/001-a.mp4"]);
  });

  it("a body that is always short fails after every attempt, retryable, and leaves nothing behind", async () => {
    server.script([], short(clip, 500));
    const err = await failure(download());
    expect(server.requests).toHaveLength(RETRY.attempts);
    expect(err.retryable).toBe(true);
    expect(["E_DOWNLOAD_SHORT", "E_DOWNLOAD_NETWORK"]).toContain(err.code);
    expect(await filesUnder(outDir)).toEqual([]);
    expect(await readdir(root)).toEqual(["out"]);
  });

  it("the failure of a short body says what happened: how many of how many bytes arrived", async () => {
    server.script([], short(clip, 500));
    const err = await failure(download());
    expect(err.code).toBe("E_DOWNLOAD_SHORT");
    // X counts the bytes that reached the file: undici drops what it had buffered when the socket closes early
    const match = /^download ended after (\d+) of (\d+) bytes$/.exec(err.message);
    expect(match, err.message).not.toBeNull();
    expect(Number(match![2])).toBe(clip.length);
    expect(Number(match![1])).toBeLessThanOrEqual(500);
  });

  it("a chunked body without Content-Length is accepted and hashed", async () => {
    server.script([chunked(clip, 5)]);
    const result = await download();
    expect(server.requests[0]!.headers["authorization"]).toBeUndefined();
    expect(result).toMatchObject({ bytes: clip.length, sha256: clipSha, attempts: 1 });
    expect(await readFile(result.absPath)).toEqual(clip);
  });

  it("a body delimited by the connection closing (no Content-Length, no chunking) is accepted and hashed", async () => {
    const raw = createServer((socket) => {
      socket.once("data", () => {
        socket.write("HTTP/1.1 200 OK\r\ncontent-type: video/mp4\r\nconnection: close\r\n\r\n");
        socket.write(clip.subarray(0, 1000));
        socket.end(clip.subarray(1000));
      });
    });
    await new Promise<void>((resolve) => raw.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = raw.address() as AddressInfo;
      const result = await download({ url: `http://127.0.0.1:${port}/files/clip.mp4` });
      expect(result).toMatchObject({ bytes: clip.length, sha256: clipSha });
      expect(await readFile(result.absPath)).toEqual(clip);
    } finally {
      await new Promise<void>((resolve) => raw.close(() => resolve()));
    }
  });
});

describe("content", () => {
  it("bytes that are not an MP4 are refused (after retries), and nothing is kept", async () => {
    const html = Buffer.from("<html><body><h1>403 Forbidden</h1><p>Request has expired</p></body></html>\n");
    server.script([], bytes(html));
    const err = await failure(download());
    expect(err.code).toBe("E_DOWNLOAD_NOT_MP4");
    expect(err.message).toContain(`${html.length} bytes`);
    expect(server.requests).toHaveLength(RETRY.attempts);
    expect(await filesUnder(outDir)).toEqual([]);
  });

  it("an empty 200 is not an MP4 either", async () => {
    server.script([], bytes(Buffer.alloc(0)));
    const err = await failure(download());
    expect(err.code).toBe("E_DOWNLOAD_NOT_MP4");
    expect(await filesUnder(outDir)).toEqual([]);
  });

  it("a 404 is not retried and fails with the host and status", async () => {
    server.script([], status(404));
    const err = await failure(download());
    expect(err).toMatchObject({ code: "E_DOWNLOAD_HTTP", status: 404, retryable: false });
    expect(err.message).toContain(`127.0.0.1:${server.port}`);
    expect(err.message).toContain("404");
    expect(server.requests).toHaveLength(1);
    expect(await filesUnder(outDir)).toEqual([]);
  });

  it("a clip over maxBytes is refused and its partial temp file removed", async () => {
    server.script([], bytes(clip));
    const err = await failure(download({ maxBytes: 1024 }));
    expect(err.message).toContain("larger than 1024 bytes");
    expect(await filesUnder(outDir)).toEqual([]);
  });
});

describe("paths: the clip and its temp file stay inside the output folder", () => {
  const escapes = [
    "../escape.mp4",
    "clips/../../escape.mp4",
    "clips/../../../escape.mp4",
    "..",
    ".",
    "",
    "clips/..",
  ];
  it.each(escapes)("relPath %j is refused before any request", async (relPath) => {
    server.script([], bytes(clip));
    const err = await failure(download({ relPath }));
    expect(err.code).toBe("E_DOWNLOAD_PATH");
    expect(server.requests).toHaveLength(0);
    expect(await readdir(root)).toEqual(["out"]);
    expect(await filesUnder(outDir)).toEqual([]);
  });

  it("an absolute relPath outside the folder is refused before any request", async () => {
    server.script([], bytes(clip));
    const target = join(root, "elsewhere", "escape.mp4");
    const err = await failure(download({ relPath: target }));
    expect(err.code).toBe("E_DOWNLOAD_PATH");
    expect(server.requests).toHaveLength(0);
    expect(existsSync(dirname(target))).toBe(false);
    expect(await readdir(root)).toEqual(["out"]);
  });

  it("a clips folder that is a symbolic link out of the output folder is refused before any request", async () => {
    server.script([], bytes(clip));
    const elsewhere = join(root, "elsewhere");
    await mkdir(elsewhere);
    await symlink(elsewhere, join(outDir, "clips"));
    const err = await failure(download());
    expect(err.code).toBe("E_DOWNLOAD_PATH");
    expect(err.message).toContain("symbolic link");
    expect(server.requests).toHaveLength(0);
    expect(await readdir(elsewhere)).toEqual([]);
  });

  it("a relPath that wanders but ends inside the folder lands there", async () => {
    server.script([bytes(clip)]);
    const result = await download({ relPath: "clips/../clips/./002-b.mp4" });
    expect(result.absPath).toBe(join(outDir, "clips", "002-b.mp4"));
    expect(await filesUnder(outDir)).toEqual(["clips/002-b.mp4"]);
  });

  it("while the body streams, the temp file sits next to the final path inside the folder", async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    server.script([held(clip, 1000, released)]);
    const pending = download();
    let during: string[] = [];
    await until(async () => {
      during = await filesUnder(outDir);
      return during.length > 0;
    });
    expect(during).toHaveLength(1);
    expect(during[0]).toMatch(/^clips\/\.[0-9a-f]+\.part$/);
    expect(await readdir(root)).toEqual(["out"]);
    release();
    const result = await pending;
    expect(result.sha256).toBe(clipSha);
    expect(await filesUnder(outDir)).toEqual(["clips/001-a.mp4"]);
  });
});

describe("no temp file is left behind", () => {
  it("when the download is aborted mid-body", async () => {
    const never = new Promise<void>(() => undefined);
    server.script([held(clip, 1000, never)]);
    const controller = new AbortController();
    const pending = download({ signal: controller.signal });
    await until(async () => (await filesUnder(outDir)).length > 0);
    controller.abort();
    await expect(pending).rejects.toBeDefined();
    expect(await filesUnder(outDir)).toEqual([]);
  });

  it("when every attempt breaks off mid-body (connection reset)", async () => {
    server.script([], (_req, res) => {
      res.writeHead(200, { "content-type": "video/mp4", "content-length": String(clip.length) });
      res.write(clip.subarray(0, 2000), () => res.socket?.destroy());
    });
    const err = await failure(download());
    expect(err.retryable).toBe(true);
    expect(server.requests).toHaveLength(RETRY.attempts);
    expect(await filesUnder(outDir)).toEqual([]);
  });

  it("when the server keeps answering 503 (retried with Retry-After honoured)", async () => {
    server.script([], status(503, { "retry-after": "0" }));
    const err = await failure(download());
    expect(err).toMatchObject({ code: "E_DOWNLOAD_HTTP", status: 503, retryable: true });
    expect(server.requests).toHaveLength(RETRY.attempts);
    expect(await filesUnder(outDir)).toEqual([]);
  });

  it("and a failed download never touches a clip already at the final path", async () => {
    await mkdir(join(outDir, "clips"));
    await writeFile(join(outDir, "clips/001-a.mp4"), clip);
    server.script([], short(clip, 100));
    await failure(download());
    expect(await filesUnder(outDir)).toEqual(["clips/001-a.mp4"]);
    expect(sha256(await readFile(join(outDir, "clips/001-a.mp4")))).toBe(clipSha);
  });
});
