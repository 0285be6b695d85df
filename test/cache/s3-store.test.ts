// The S3 store against a real S3-compatible server (s3rver on 127.0.0.1): hits, concurrent writers, a missing
// bucket, bad credentials, an unreachable endpoint and a server that dies mid-upload — all warnings, never throws.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer } from "node:net";
import type { AddressInfo, Socket } from "node:net";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { openCache } from "../../src/cache/index.js";
import type { CacheWarning, ClipCache } from "../../src/cache/index.js";
import { clipName } from "../../src/cache/layout.js";
import { clipFile, entryInput, tempDir } from "./helpers.js";
import type { TempDir } from "./helpers.js";
import { BUCKET, startS3Server } from "./s3-server.js";
import type { S3TestServer } from "./s3-server.js";

let tmp: TempDir;
let s3: S3TestServer;
const opened: ClipCache[] = [];

beforeEach(async () => {
  tmp = await tempDir("s3");
  s3 = await startS3Server(join(tmp.dir, "s3"));
});
afterEach(async () => {
  for (const cache of opened.splice(0)) cache.close();
  await s3.close();
  await tmp.cleanup();
});

function open(
  options: { bucket?: string; prefix?: string; env?: Record<string, string>; readOnly?: boolean } = {},
): { cache: ClipCache; warnings: CacheWarning[] } {
  const warnings: CacheWarning[] = [];
  const cache = openCache({
    location: { kind: "s3", bucket: options.bucket ?? BUCKET, prefix: options.prefix ?? "team/storyreel" },
    env: options.env ?? s3.env,
    ...(options.readOnly !== undefined ? { readOnly: options.readOnly } : {}),
    onWarning: (w) => warnings.push(w),
  });
  opened.push(cache);
  return { cache, warnings };
}

/** PUT requests, without the SDK's ?x-id= marker. */
const puts = (): string[] =>
  s3.requests.filter((r) => r.startsWith("PUT ")).map((r) => r.replace(/\?.*$/, ""));

describe("S3 cache", () => {
  it("stores under the prefix, finds the entry and downloads the clip, checked, into place", async () => {
    const { cache, warnings } = open();
    const clip = await clipFile(tmp.dir, "a.mp4", 300_000);
    const { key, input } = entryInput(clip);
    expect(await cache.lookup(key)).toEqual({ entry: null });
    expect(await cache.store(key, input, clip.path)).toEqual({ ok: true, outcome: "stored" });
    // The clip goes up before the entry that names it.
    expect(puts().map((r) => r.replace(/[0-9a-f]{64}/g, "…"))).toEqual([
      `PUT /${BUCKET}/team/storyreel/v1/clips/${clip.sha256.slice(0, 2)}/…`,
      `PUT /${BUCKET}/team/storyreel/v1/entries/${key.slice(0, 2)}/….json`,
    ]);

    const other = open().cache; // another runner
    const { entry } = await other.lookup(key);
    expect(entry?.generation_id).toBe(input.generationId);
    const dest = join(tmp.dir, "out", "clips", "001-a.mp4");
    expect(await other.fetchClip(entry!, dest)).toEqual({
      ok: true,
      how: "downloaded",
      sha256: clip.sha256,
      bytes: clip.bytes,
    });
    expect(await readFile(dest)).toEqual(await readFile(clip.path));
    expect(await other.store(key, input, clip.path)).toEqual({ ok: true, outcome: "exists" });
    expect(puts()).toHaveLength(2);
    expect(warnings).toEqual([]);
  });

  it("two runners storing the same keys at the same moment both succeed and every entry stays valid", async () => {
    const a = open().cache;
    const b = open().cache;
    const clips = await Promise.all(
      [0, 1, 2, 3].map((i) => clipFile(tmp.dir, `c${i}.mp4`, 20_000 + i * 7919)),
    );
    for (const clip of clips) {
      const first = entryInput(clip, { generationId: "gen-runner-a-with-a-longer-id-than-b" });
      const second = entryInput(clip, { generationId: "gen-b" });
      const results = await Promise.all([
        a.store(first.key, first.input, clip.path),
        b.store(second.key, second.input, clip.path),
      ]);
      expect(results.map((r) => r.ok)).toEqual([true, true]);
      const { entry, warning } = await open().cache.lookup(first.key);
      expect(warning).toBeUndefined();
      expect(["gen-runner-a-with-a-longer-id-than-b", "gen-b"]).toContain(entry?.generation_id);
    }
    const report = await a.verify();
    expect(report).toMatchObject({ ok: true, clipsChecked: 4, entriesChecked: 4 });
  });

  it("an entry torn under the writer (two overlapping writes on a store that is not atomic) is written again", async () => {
    const { cache, warnings } = open();
    const clip = await clipFile(tmp.dir, "a.mp4");
    const { key, input } = entryInput(clip);
    // s3rver writes objects in place: tear the entry on disk as the writer's read-back arrives, once.
    const file = join(
      tmp.dir,
      "s3",
      BUCKET,
      "team",
      "storyreel",
      "v1",
      "entries",
      key.slice(0, 2),
      `${key}.json._S3rver_object`,
    );
    let tore = false;
    s3.onRequest((req) => {
      if (tore || req.method !== "GET" || !req.url?.includes(`/v1/entries/`) || !existsSync(file)) return;
      tore = true;
      const text = readFileSync(file, "utf8");
      writeFileSync(file, `${text.slice(0, -2)}  `); // same length, no closing brace
    });
    expect(await cache.store(key, input, clip.path)).toEqual({ ok: true, outcome: "stored" });
    expect(tore).toBe(true);
    expect(puts().filter((r) => r.includes("/v1/entries/"))).toHaveLength(2);
    expect((await open().cache.lookup(key)).entry?.key).toBe(key);
    expect(warnings).toEqual([]);
  });

  it("a bucket that does not exist: a warning naming it, then no more requests", async () => {
    const { cache, warnings } = open({ bucket: "no-such-bucket" });
    const clip = await clipFile(tmp.dir, "a.mp4");
    const { key, input } = entryInput(clip);
    const looked = await cache.lookup(key);
    expect(looked).toMatchObject({ entry: null, warning: { code: "E_CACHE_NO_BUCKET" } });
    expect(looked.warning?.message).toContain("the bucket no-such-bucket does not exist");
    const seen = s3.requests.length;
    expect(await cache.store(key, input, clip.path)).toMatchObject({
      ok: false,
      outcome: "failed",
      warning: { code: "E_CACHE_NO_BUCKET" },
    });
    expect(await cache.lookup(key)).toMatchObject({ entry: null, warning: { code: "E_CACHE_NO_BUCKET" } });
    expect(s3.requests.length).toBe(seen);
    expect(warnings).toHaveLength(1);
    await expect(cache.stats()).rejects.toMatchObject({ code: "E_CACHE_NO_BUCKET" });
  });

  it("an unknown access key is E_CACHE_DENIED (s3rver checks key ids, not SigV4 signatures)", async () => {
    // s3rver accepts any signature for a known access key id, so a wrong secret cannot be tested against it;
    // an unknown key id is what it refuses (403 InvalidAccessKeyId), the same answer S3 gives.
    const env = { ...s3.env, AWS_ACCESS_KEY_ID: "NOT-A-KEY", AWS_SECRET_ACCESS_KEY: "wrong-secret-value" };
    const { cache } = open({ env });
    const clip = await clipFile(tmp.dir, "a.mp4");
    const { key, input } = entryInput(clip);
    const looked = await cache.lookup(key);
    expect(looked).toMatchObject({ entry: null, warning: { code: "E_CACHE_DENIED" } });
    expect(looked.warning?.message).toMatch(/access denied: InvalidAccessKeyId \(403\)/);
    expect(looked.warning?.message).not.toContain("wrong-secret-value");
    expect(await cache.store(key, input, clip.path)).toMatchObject({
      outcome: "failed",
      warning: { code: "E_CACHE_DENIED" },
    });
    expect(puts()).toEqual([]);
  });

  it("an endpoint that drops every connection: E_CACHE_UNREACHABLE once, then calls return at once", async () => {
    let connections = 0;
    const sockets = new Set<Socket>();
    const dropper = createServer((socket) => {
      connections += 1;
      sockets.add(socket);
      socket.destroy();
    });
    await new Promise<void>((resolve) => dropper.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = dropper.address() as AddressInfo;
      const { cache, warnings } = open({ env: { ...s3.env, AWS_ENDPOINT_URL: `http://127.0.0.1:${port}` } });
      const clip = await clipFile(tmp.dir, "a.mp4");
      const { key, input } = entryInput(clip);
      expect(await cache.lookup(key)).toMatchObject({
        entry: null,
        warning: { code: "E_CACHE_UNREACHABLE" },
      });
      const tried = connections;
      expect(tried).toBeGreaterThanOrEqual(1);
      expect(await cache.lookup(key)).toMatchObject({
        entry: null,
        warning: { code: "E_CACHE_UNREACHABLE" },
      });
      expect(await cache.store(key, input, clip.path)).toMatchObject({ ok: false, outcome: "failed" });
      expect(connections).toBe(tried);
      expect(warnings).toHaveLength(1);
    } finally {
      await new Promise<void>((resolve) => dropper.close(() => resolve()));
    }
  });

  it("a server that dies mid-upload: a warning, no entry anywhere, and the next store repairs the half clip", async () => {
    const { cache } = open();
    const clip = await clipFile(tmp.dir, "big.mp4", 24 * 1024 * 1024);
    const { key, input } = entryInput(clip);
    s3.onRequest((req) => {
      if (req.method === "PUT" && req.url?.includes("/v1/clips/")) req.once("data", () => void s3.kill());
    });
    const stored = await cache.store(key, input, clip.path);
    expect(stored).toMatchObject({ ok: false, outcome: "failed", warning: { code: "E_CACHE_UNREACHABLE" } });
    expect(puts().filter((r) => r.includes("/v1/entries/"))).toEqual([]);

    // The server comes back on the same folder: no entry is visible, whatever half of the clip it kept.
    s3 = await startS3Server(join(tmp.dir, "s3"));
    const { cache: after, warnings } = open();
    expect(await after.lookup(key)).toEqual({ entry: null });
    const half = await after.stats();
    expect(half).toMatchObject({ entries: 0, invalidEntries: 0 });
    expect(half.clipBytes).toBeLessThan(clip.bytes); // s3rver keeps a clip object that is not whole (0 bytes here)
    expect(await after.store(key, input, clip.path)).toEqual({ ok: true, outcome: "stored" });
    const { entry } = await after.lookup(key);
    expect((await after.fetchClip(entry!, join(tmp.dir, "out.mp4"))).ok).toBe(true);
    expect((await after.verify()).ok).toBe(true);
    expect(warnings).toEqual([]);
  });

  it("read-only: finds entries, sends no PUT", async () => {
    const clip = await clipFile(tmp.dir, "a.mp4");
    const { key, input } = entryInput(clip);
    await open().cache.store(key, input, clip.path);
    const before = puts().length;
    const { cache } = open({ readOnly: true });
    expect((await cache.lookup(key)).entry?.key).toBe(key);
    const other = await clipFile(tmp.dir, "b.mp4");
    const b = entryInput(other);
    expect(await cache.store(b.key, b.input, other.path)).toEqual({ ok: false, outcome: "read-only" });
    await expect(cache.prune({ olderThanMs: 0 })).rejects.toMatchObject({ code: "E_CACHE_READ_ONLY" });
    expect(puts()).toHaveLength(before);
    expect(s3.requests.some((r) => r.startsWith("DELETE "))).toBe(false);
  });

  it("verify re-hashes every clip in the bucket and finds one overwritten on purpose; fetch refuses it; store repairs it", async () => {
    const { cache } = open();
    const clip = await clipFile(tmp.dir, "a.mp4", 50_000);
    const { key, input } = entryInput(clip);
    await cache.store(key, input, clip.path);
    const raw = new S3Client({
      region: "us-east-1",
      endpoint: s3.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: s3.env.AWS_ACCESS_KEY_ID!, secretAccessKey: s3.env.AWS_SECRET_ACCESS_KEY! },
    });
    try {
      await raw.send(
        new PutObjectCommand({
          Bucket: BUCKET,
          Key: `team/storyreel/${clipName(clip.sha256)}`,
          Body: Buffer.alloc(clip.bytes, 1),
        }),
      );
    } finally {
      raw.destroy();
    }
    const report = await cache.verify();
    expect(report.ok).toBe(false);
    expect(report.corrupt).toEqual([expect.objectContaining({ sha256: clip.sha256, entries: [key] })]);
    const { entry } = await cache.lookup(key);
    const fetched = await cache.fetchClip(entry!, join(tmp.dir, "out.mp4"));
    expect(fetched).toMatchObject({ ok: false, warning: { code: "E_CACHE_CORRUPT" } });
    expect(await cache.store(key, input, clip.path)).toEqual({ ok: true, outcome: "stored" });
    expect((await cache.verify()).ok).toBe(true);
  });
});
