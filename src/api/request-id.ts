// X-Client-Request-Id: the API silently drops an invalid one, so storyreel refuses to send one instead.
import { StoryreelError } from "../util/errors.js";

/** "1–128 characters of A–Z a–z 0–9 . _ : -" (AIML reference, "Request Tracing and Cost Headers"). */
export const CLIENT_REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
export const CLIENT_REQUEST_ID_MAX_LENGTH = 128;

/** A request id the API would silently drop: refused before anything is sent. */
export class ClientRequestIdError extends StoryreelError {
  declare readonly code: "E_CLIENT_REQUEST_ID";
  readonly value: string;

  constructor(value: string) {
    const shown =
      value.length > 40
        ? `${JSON.stringify(value.slice(0, 37))}… (${value.length} characters)`
        : JSON.stringify(value);
    super(
      "E_CLIENT_REQUEST_ID",
      `clientRequestId ${shown} is not allowed: use 1–128 characters of A-Z a-z 0-9 . _ : - (the API silently drops any other value, so nothing was sent)`,
    );
    this.value = value;
  }
}

export function isValidClientRequestId(value: unknown): value is string {
  return typeof value === "string" && CLIENT_REQUEST_ID_PATTERN.test(value);
}

/** Throws ClientRequestIdError (E_CLIENT_REQUEST_ID) unless `value` is a valid request id. */
export function checkClientRequestId(value: unknown): string {
  if (!isValidClientRequestId(value)) throw new ClientRequestIdError(String(value));
  return value;
}

/**
 * A valid request id built from parts (e.g. a run id, a hash of the shot id, an attempt number): every
 * character outside the allowed set becomes "-", parts are joined with ":", and the result is cut to 128.
 * Build parts that stay distinct after that (hashes, numbers): two ids must never collide.
 */
export function makeClientRequestId(parts: readonly (string | number)[]): string {
  const id = parts
    .map((part) => String(part).replace(/[^A-Za-z0-9._-]/g, "-"))
    .join(":")
    .slice(0, CLIENT_REQUEST_ID_MAX_LENGTH);
  return checkClientRequestId(id);
}
