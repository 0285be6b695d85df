// The cache key separates backends and formats; locations and option values parse or fail with coded errors.
import { describe, expect, it } from "vitest";
import {
  cacheKey,
  CacheConfigError,
  defaultCacheDir,
  parseCacheLocation,
  parseDuration,
  parseSize,
  resolveCacheLocation,
} from "../../src/cache/index.js";
import { s3SettingsFromEnv } from "../../src/cache/s3-config.js";
import { entryName, keyOfEntryName, clipName, shaOfClipName } from "../../src/cache/layout.js";
import { sha256Hex } from "../../src/util/hash.js";

const inputHash = sha256Hex("a request");

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (err) {
    expect(err).toBeInstanceOf(CacheConfigError);
    return (err as CacheConfigError).code;
  }
}

describe("cacheKey", () => {
  it("a simulator clip never has the key of an API clip, and equal origins are one key", () => {
    const sim = cacheKey({ inputHash, backend: "simulator" });
    const api = cacheKey({ inputHash, backend: "https://api.aimlapi.com" });
    expect(sim).toMatch(/^[0-9a-f]{64}$/);
    expect(api).not.toBe(sim);
    expect(cacheKey({ inputHash, backend: "https://API.aimlapi.com:443/" })).toBe(api);
    expect(cacheKey({ inputHash, backend: "http://127.0.0.1:8797" })).not.toBe(api);
    expect(cacheKey({ inputHash: sha256Hex("another request"), backend: "simulator" })).not.toBe(sim);
  });

  it("layout names round-trip and refuse anything else", () => {
    const key = cacheKey({ inputHash, backend: "simulator" });
    expect(keyOfEntryName(entryName(key))).toBe(key);
    expect(shaOfClipName(clipName(inputHash))).toBe(inputHash);
    expect(keyOfEntryName(`v1/entries/zz/${key}.json`)).toBeNull();
    expect(shaOfClipName("v1/clips/ab/../../etc")).toBeNull();
  });
});

describe("cache locations", () => {
  it("parses folders (relative to the working directory) and s3://bucket/prefix", () => {
    expect(parseCacheLocation("clips", { cwd: "/work" })).toEqual({ kind: "local", dir: "/work/clips" });
    expect(parseCacheLocation("/abs/c", { cwd: "/work" })).toEqual({ kind: "local", dir: "/abs/c" });
    expect(parseCacheLocation("s3://team-clips", { cwd: "/" })).toEqual({
      kind: "s3",
      bucket: "team-clips",
      prefix: "",
    });
    expect(parseCacheLocation("S3://team-clips//storyreel/cache/", { cwd: "/" })).toEqual({
      kind: "s3",
      bucket: "team-clips",
      prefix: "storyreel/cache",
    });
  });

  it("refuses what cannot be a location, with E_CACHE_LOCATION and the setting named", () => {
    for (const raw of [
      "s3://",
      "s3:///prefix",
      "s3://Bad_Bucket",
      "s3://ab",
      "gs://bucket/x",
      "s3://b-1/x?y=1",
      "s3://b-1/../x",
      " ",
    ]) {
      expect(
        codeOf(() => parseCacheLocation(raw, { cwd: "/" })),
        raw,
      ).toBe("E_CACHE_LOCATION");
    }
    expect(() => parseCacheLocation("s3://", { cwd: "/", setting: "STORYREEL_CACHE" })).toThrow(
      /^STORYREEL_CACHE: "s3:\/\/" is not allowed \(it names no bucket; a folder, or s3:\/\/bucket\/prefix\)$/,
    );
  });

  it("--cache, then STORYREEL_CACHE, then the XDG cache folder; off turns it off", () => {
    const env = { HOME: "/home/u", XDG_CACHE_HOME: "/xdg" };
    expect(resolveCacheLocation({ env, cwd: "/w" })).toEqual({ kind: "local", dir: "/xdg/storyreel/clips" });
    expect(resolveCacheLocation({ env: { HOME: "/home/u" }, cwd: "/w" })).toEqual({
      kind: "local",
      dir: "/home/u/.cache/storyreel/clips",
    });
    expect(resolveCacheLocation({ env: { ...env, STORYREEL_CACHE: "s3://b-1/p" }, cwd: "/w" })).toMatchObject(
      {
        kind: "s3",
      },
    );
    expect(
      resolveCacheLocation({ flag: "here", env: { ...env, STORYREEL_CACHE: "s3://b-1/p" }, cwd: "/w" }),
    ).toEqual({
      kind: "local",
      dir: "/w/here",
    });
    expect(resolveCacheLocation({ env: { ...env, STORYREEL_CACHE: "off" }, cwd: "/w" })).toBeNull();
    expect(resolveCacheLocation({ flag: "off", env, cwd: "/w" })).toBeNull();
    expect(defaultCacheDir({ XDG_CACHE_HOME: "relative", HOME: "/h" }, "linux")).toBe(
      "/h/.cache/storyreel/clips",
    );
  });

  it("reads the AWS settings from the environment; an endpoint means path-style", () => {
    expect(s3SettingsFromEnv({})).toEqual({
      region: "us-east-1",
      endpoint: null,
      forcePathStyle: false,
      credentials: null,
    });
    const s = s3SettingsFromEnv({
      AWS_ENDPOINT_URL: "http://ignored:1",
      AWS_ENDPOINT_URL_S3: "http://127.0.0.1:9000/",
      AWS_REGION: "eu-west-1",
      AWS_ACCESS_KEY_ID: "id",
      AWS_SECRET_ACCESS_KEY: "secret",
    });
    expect(s).toEqual({
      region: "eu-west-1",
      endpoint: "http://127.0.0.1:9000",
      forcePathStyle: true,
      credentials: { accessKeyId: "id", secretAccessKey: "secret" },
    });
    expect(codeOf(() => s3SettingsFromEnv({ AWS_ENDPOINT_URL: "minio:9000" }))).toBe("E_CACHE_CONFIG");
    let message = "";
    try {
      s3SettingsFromEnv({ AWS_ENDPOINT_URL: "http://user:hunter2@host" });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/^AWS_ENDPOINT_URL: /);
    expect(message).not.toContain("hunter2");
  });
});

describe("prune's option values", () => {
  it("durations and sizes", () => {
    expect(parseDuration("--older-than", "30d")).toBe(30 * 86_400_000);
    expect(parseDuration("--older-than", "1.5h")).toBe(5_400_000);
    expect(parseSize("--max-size", "500MB")).toBe(500 * 1024 ** 2);
    expect(parseSize("--max-size", "1GiB")).toBe(1024 ** 3);
    expect(parseSize("--max-size", "1048576")).toBe(1048576);
    for (const raw of ["30", "d", "-1d", "3 months"])
      expect(codeOf(() => parseDuration("--older-than", raw))).toBe("E_USAGE");
    for (const raw of ["MB", "5 parsecs", "-5MB"])
      expect(codeOf(() => parseSize("--max-size", raw))).toBe("E_USAGE");
    expect(() => parseSize("--max-size", "lots")).toThrow(/^--max-size: "lots" is not allowed/);
  });
});
