// A cache under an S3 prefix (AWS S3, MinIO, R2, …) through @aws-sdk/client-s3, loaded only when first used.
import { createReadStream, createWriteStream } from "node:fs";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { S3Client } from "@aws-sdk/client-s3";
import type * as S3Sdk from "@aws-sdk/client-s3";
import type { BlobInfo, BlobStore, PutMode } from "./blob-store.js";
import { CacheError } from "./errors.js";
import type { S3Settings } from "./s3-config.js";
import { isAbsent, nameOf, s3CacheError, statusOf } from "./s3-errors.js";

type Sdk = typeof S3Sdk;

export interface S3StoreOptions {
  bucket: string;
  prefix: string;
  settings: S3Settings;
  /** Milliseconds to connect before the store counts as unreachable (default 5000). */
  connectTimeoutMs?: number;
  /** Milliseconds a request may sit idle (default 60000). */
  idleTimeoutMs?: number;
}

export class S3BlobStore implements BlobStore {
  readonly kind = "s3";
  readonly description: string;
  readonly #o: S3StoreOptions;
  #ready: Promise<{ sdk: Sdk; client: S3Client }> | null = null;
  /** Whether to send If-None-Match: * on creates (off once the server says it does not implement it). */
  #conditional = true;

  constructor(options: S3StoreOptions) {
    this.#o = options;
    this.description = `s3://${options.bucket}${options.prefix ? `/${options.prefix}` : ""}`;
  }

  #key(name: string): string {
    return this.#o.prefix ? `${this.#o.prefix}/${name}` : name;
  }

  #s3(): Promise<{ sdk: Sdk; client: S3Client }> {
    this.#ready ??= (async () => {
      let sdk: Sdk;
      try {
        sdk = await import("@aws-sdk/client-s3");
      } catch (err) {
        throw new CacheError("E_CACHE_IO", `cache ${this.description}: cannot load @aws-sdk/client-s3`, {
          cause: err,
        });
      }
      const { settings } = this.#o;
      return {
        sdk,
        client: quietly(
          () =>
            new sdk.S3Client({
              region: settings.region,
              ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
              forcePathStyle: settings.forcePathStyle,
              followRegionRedirects: true,
              ...(settings.credentials ? { credentials: settings.credentials } : {}),
              // We check every clip's sha256 ourselves; the SDK's default CRC trailers break many S3-compatible stores.
              requestChecksumCalculation: "WHEN_REQUIRED",
              responseChecksumValidation: "WHEN_REQUIRED",
              requestHandler: {
                connectionTimeout: this.#o.connectTimeoutMs ?? 5000,
                requestTimeout: this.#o.idleTimeoutMs ?? 60_000,
              },
            }),
        ),
      };
    })();
    return this.#ready;
  }

  #error(err: unknown): CacheError {
    return err instanceof CacheError ? err : s3CacheError(err, this.description, this.#o.bucket);
  }

  async getText(name: string): Promise<string | null> {
    const { sdk, client } = await this.#s3();
    try {
      const answer = await client.send(
        new sdk.GetObjectCommand({ Bucket: this.#o.bucket, Key: this.#key(name) }),
      );
      return (await answer.Body?.transformToString("utf8")) ?? "";
    } catch (err) {
      if (isAbsent(err)) return null;
      throw this.#error(err);
    }
  }

  async head(name: string): Promise<{ bytes: number } | null> {
    const { sdk, client } = await this.#s3();
    try {
      const answer = await client.send(
        new sdk.HeadObjectCommand({ Bucket: this.#o.bucket, Key: this.#key(name) }),
      );
      return { bytes: answer.ContentLength ?? 0 };
    } catch (err) {
      if (isAbsent(err)) return null;
      throw this.#error(err);
    }
  }

  putText(name: string, text: string, mode: PutMode): Promise<"written" | "exists"> {
    return this.#put(name, mode, () => ({ Body: text, ContentType: "application/json" }));
  }

  putFile(
    name: string,
    absPath: string,
    mode: PutMode,
    expect: { sha256: string; bytes: number },
  ): Promise<"written" | "exists"> {
    return this.#put(name, mode, () => ({
      Body: createReadStream(absPath),
      ContentLength: expect.bytes,
      ContentType: "application/octet-stream",
      Metadata: { sha256: expect.sha256 },
    }));
  }

  /**
   * PutObject, with If-None-Match: * for a create where the server supports it: 412 (another writer was first)
   * is "exists". A server that ignores the header overwrites, which the cache layer allows for (it checks first and
   * reads the entry back); one that refuses it (501) is asked again without it.
   */
  async #put(
    name: string,
    mode: PutMode,
    body: () => {
      Body: string | Readable;
      ContentLength?: number;
      ContentType: string;
      Metadata?: Record<string, string>;
    },
  ): Promise<"written" | "exists"> {
    const { sdk, client } = await this.#s3();
    for (;;) {
      const conditional = mode === "create" && this.#conditional;
      try {
        await client.send(
          new sdk.PutObjectCommand({
            Bucket: this.#o.bucket,
            Key: this.#key(name),
            ...body(),
            ...(conditional ? { IfNoneMatch: "*" } : {}),
          }),
        );
        return "written";
      } catch (err) {
        const status = statusOf(err);
        if (conditional && (status === 412 || status === 409)) return "exists";
        if (conditional && (status === 501 || nameOf(err) === "NotImplemented")) {
          this.#conditional = false;
          continue;
        }
        throw this.#error(err);
      }
    }
  }

  async fetchTo(name: string, tempPath: string): Promise<"downloaded"> {
    const body = await this.read(name);
    try {
      await pipeline(body, createWriteStream(tempPath, { flags: "wx" }));
    } catch (err) {
      throw err instanceof CacheError
        ? err
        : new CacheError("E_CACHE_UNREACHABLE", `cache ${this.description}: download of ${name} broke off`, {
            cause: err,
          });
    }
    return "downloaded";
  }

  async read(name: string): Promise<Readable> {
    const { sdk, client } = await this.#s3();
    try {
      const answer = await client.send(
        new sdk.GetObjectCommand({ Bucket: this.#o.bucket, Key: this.#key(name) }),
      );
      return answer.Body as Readable;
    } catch (err) {
      if (isAbsent(err))
        throw new CacheError("E_CACHE_CORRUPT", `cache ${this.description}: ${name} is missing`);
      throw this.#error(err);
    }
  }

  async *list(prefix: string): AsyncIterable<BlobInfo> {
    const { sdk, client } = await this.#s3();
    const strip = this.#o.prefix ? this.#o.prefix.length + 1 : 0;
    let token: string | undefined;
    do {
      let page;
      try {
        page = await client.send(
          new sdk.ListObjectsV2Command({
            Bucket: this.#o.bucket,
            Prefix: this.#key(prefix),
            ...(token ? { ContinuationToken: token } : {}),
          }),
        );
      } catch (err) {
        throw this.#error(err);
      }
      for (const object of page.Contents ?? []) {
        if (!object.Key) continue;
        yield {
          name: object.Key.slice(strip),
          bytes: object.Size ?? 0,
          modified: object.LastModified ?? new Date(0),
        };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  async remove(name: string): Promise<void> {
    const { sdk, client } = await this.#s3();
    try {
      await client.send(new sdk.DeleteObjectCommand({ Bucket: this.#o.bucket, Key: this.#key(name) }));
    } catch (err) {
      if (!isAbsent(err)) throw this.#error(err);
    }
  }

  close(): void {
    void this.#ready?.then(
      ({ client }) => client.destroy(),
      () => undefined,
    );
  }
}

/**
 * Builds the client without the SDK's "future versions will need Node 22" process warning: storyreel pins the SDK,
 * so the user could do nothing about it but read it on every run. The switch is the SDK's own, set for the moment
 * the client is built.
 */
function quietly<T>(build: () => T): T {
  const setting = "AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED";
  const before = process.env[setting];
  process.env[setting] = "true";
  try {
    return build();
  } finally {
    if (before === undefined) delete process.env[setting];
    else process.env[setting] = before;
  }
}
