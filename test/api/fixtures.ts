// Shared setup for the API client tests: a distinctive fake key, a fast retry policy, a client against a scripted server.
import {
  createClient,
  createRequestBudget,
  type AimlClient,
  type ClientOptions,
  type RetryPolicy,
} from "../../src/api/index.js";
import type { ScriptedServer } from "../helpers/scripted-server.js";

/** Distinctive, so a leak anywhere is unmistakable. */
export const FAKE_KEY = "sk-storyreel-TEST-KEY-0123456789abcdef-zz";

export const FAST_POLICY: RetryPolicy = {
  attempts: 5,
  baseDelayMs: 5,
  capDelayMs: 20,
  jitter: "none",
  deadlineMs: 10_000,
  retryAfterCapMs: 250,
};

export const GENERATIONS = "/v2/video/generations";
export const POST_ROUTE = `POST ${GENERATIONS}`;
export const GET_ROUTE = `GET ${GENERATIONS}`;

export function queued(id = "gen-1"): Record<string, unknown> {
  return { id, status: "queued" };
}

export function testClient(
  server: ScriptedServer | string,
  overrides: Partial<ClientOptions> = {},
): AimlClient {
  return createClient({
    baseUrl: typeof server === "string" ? server : server.url,
    apiKey: FAKE_KEY,
    retry: FAST_POLICY,
    requestTimeoutMs: 2000,
    budget: createRequestBudget({ defaultPauseMs: 10 }),
    ...overrides,
  });
}

/** Awaits a promise that must reject, and returns what it rejected with. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error("expected the promise to reject, but it resolved");
}
