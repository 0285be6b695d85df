// What an S3 client error means for the cache: absent, or one of the cache's warning codes.
import { CacheError } from "./errors.js";

interface SdkErrorShape {
  name?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
}

const DENIED = new Set([
  "AccessDenied",
  "InvalidAccessKeyId",
  "SignatureDoesNotMatch",
  "ExpiredToken",
  "InvalidToken",
  "TokenRefreshRequired",
  "CredentialsProviderError",
  "AllAccessDisabled",
]);

/** HTTP status of an SDK error (undefined: the request never got an answer). */
export function statusOf(err: unknown): number | undefined {
  return (err as SdkErrorShape | null)?.$metadata?.httpStatusCode;
}

export function nameOf(err: unknown): string {
  const e = err as SdkErrorShape | null;
  return e?.name ?? e?.code ?? "Error";
}

/** A missing object (GET NoSuchKey, HEAD 404). A missing bucket is not "absent": it is E_CACHE_NO_BUCKET. */
export function isAbsent(err: unknown): boolean {
  const name = nameOf(err);
  return name === "NoSuchKey" || (name === "NotFound" && statusOf(err) === 404);
}

/** The SDK error as a CacheError; `where` names the location ("s3://bucket/prefix"), `bucket` the bucket. */
export function s3CacheError(err: unknown, where: string, bucket: string): CacheError {
  const name = nameOf(err);
  const status = statusOf(err);
  if (name === "NoSuchBucket") {
    return new CacheError(
      "E_CACHE_NO_BUCKET",
      `cache ${where}: the bucket ${bucket} does not exist (create it, or check the location and AWS_ENDPOINT_URL)`,
      { cause: err },
    );
  }
  if (DENIED.has(name) || status === 401 || status === 403) {
    const why =
      name === "CredentialsProviderError"
        ? "no AWS credentials found"
        : `${name}${status ? ` (${status})` : ""}`;
    return new CacheError(
      "E_CACHE_DENIED",
      `cache ${where}: access denied: ${why}; check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_PROFILE) and the bucket's permissions`,
      { cause: err },
    );
  }
  if (status === undefined || status >= 500) {
    const code = (err as SdkErrorShape | null)?.code;
    const why = status === undefined ? (code ?? name) : `server error ${status} (${name})`;
    return new CacheError("E_CACHE_UNREACHABLE", `cache ${where}: cannot reach the store: ${why}`, {
      cause: err,
    });
  }
  return new CacheError("E_CACHE_IO", `cache ${where}: ${name} (${status})`, { cause: err });
}
