// The API's tracing and cost headers, as the simulator sends them: request id echo, x-inference-id, credits / USD.
import type { IncomingMessage } from "node:http";
import type { Job } from "./job.js";

/** "1–128 characters of A–Z a–z 0–9 . _ : -"; the API silently drops any other value (and so does the simulator). */
const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export const CREDITS_PER_USD = 2_000_000;

/** The request's X-Client-Request-Id when it is valid, else null (dropped, as the API does). */
export function clientRequestIdOf(req: IncomingMessage): string | null {
  const value = req.headers["x-client-request-id"];
  return typeof value === "string" && CLIENT_REQUEST_ID.test(value) ? value : null;
}

/**
 * Headers of an answer about `job`: its id as x-inference-id, and what this answer charged. An asynchronous
 * generation is charged once it has completed, so the submission's answer says 0.
 */
export function inferenceHeaders(job: Job, creditsCharged: number): Record<string, string> {
  return {
    "x-inference-id": job.id,
    "x-aimlapi-credits-used": String(creditsCharged),
    "x-aimlapi-usd-spent": String(creditsCharged / CREDITS_PER_USD),
  };
}
