// The AIML client: submit and poll generations, read the catalogue, the request logs and the balance, over undici
// with exactly one retry layer and a shared request budget.
//
// Retries live here and only here (callers never retry on top). Every attempt first takes a slot from the shared
// RequestBudget; a 429 pauses the whole budget (a logs 429 only the logs requests). Aborts: a budget wait, a retry
// wait or an in-flight GET rejects with the caller's `signal.reason` itself (the platform's DOMException
// "AbortError" when abort() had no reason); an in-flight submit is only cut before its request reached a socket.
import { ConfigError } from "./errors.js";
import { billingVia, type Balance } from "./billing-route.js";
import type { Generation } from "./generation.js";
import { logsVia, type LogsCallOptions, type LogsPage } from "./logs-route.js";
import { listModelsVia, type ListModelsOptions, type ModelsListing } from "./models-route.js";
import { createRedactor } from "./redact.js";
import { checkClientRequestId } from "./request-id.js";
import type { ClientStats } from "./retry-loop.js";
import { withRetries } from "./retry-loop.js";
import { pollOnce, submitOnce, type SubmitResult } from "./generation-calls.js";
import { createTransport, type TransportOptions } from "./transport.js";

export { DEFAULT_REQUEST_TIMEOUT_MS } from "./transport.js";

export interface ClientOptions extends TransportOptions {
  apiKey: string;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface SubmitOptions extends CallOptions {
  /**
   * Sent as X-Client-Request-Id and stored by the API as the row's client_request_id in /v2/logs.
   * 1–128 characters of A–Z a–z 0–9 . _ : - (see makeClientRequestId); anything else is refused with
   * E_CLIENT_REQUEST_ID before the request is sent, since the API would silently drop it.
   */
  clientRequestId?: string;
}

export interface AimlClient {
  /** The API origin (the only origin that ever receives the key). */
  readonly origin: string;
  /**
   * POST a generation request. Retries only answers that prove the request was not acted on (429, 408, 500,
   * 503) and failures before the request reached a socket. Anything else ambiguous: ApiError E_SUBMIT_UNKNOWN,
   * whose `generationId` names the generation when the body or the x-inference-id header did.
   * An abort is honoured until the request is on the wire; after that the answer is awaited (bounded by
   * requestTimeoutMs) and returned, so a paid generation id is never dropped.
   */
  submit(body: Record<string, unknown>, options?: SubmitOptions): Promise<SubmitResult>;
  /** GET one generation's state; retries 408/429/5xx, network errors, timeouts and unusable bodies. */
  poll(id: string, options?: CallOptions): Promise<Generation>;
  /**
   * GET /v1/models (?include=pricing by default). The key is NOT sent: the reference says the route needs
   * none, so the catalogue never becomes one more place the key travels. With `etag`, a 304 answers
   * `{ notModified: true }`.
   */
  listModels(options?: ListModelsOptions): Promise<ModelsListing>;
  /**
   * One page of GET /v2/logs (newest first). Waits in the budget's "logs" queue: the route allows 200
   * requests per 60 s, and a 429 from it holds back only logs requests. See listAllLogs for every page.
   */
  logs(options: LogsCallOptions): Promise<LogsPage>;
  /** GET /v2/billing: the key's balance. */
  billing(options?: CallOptions): Promise<Balance>;
  stats(): ClientStats;
  /** Closes the connections this client created (not an injected dispatcher). Later calls fail E_CLIENT_CLOSED. */
  close(): Promise<void>;
}

export function createClient(options: ClientOptions): AimlClient {
  checkApiKey(options.apiKey);
  const transport = createTransport(options);
  const redact = createRedactor(options.apiKey);
  const keyed: Record<string, string> = {
    ...transport.baseHeaders,
    authorization: `Bearer ${options.apiKey}`,
  };
  return {
    origin: transport.endpoint.origin,
    async submit(body, callOptions = {}) {
      transport.ensureOpen("submit");
      const json = serialiseBody(body);
      const headers =
        callOptions.clientRequestId === undefined
          ? keyed
          : { ...keyed, "x-client-request-id": checkClientRequestId(callOptions.clientRequestId) };
      const { signal } = callOptions;
      return withRetries(transport.loop, "submit", signal, () =>
        submitOnce(transport, { json, headers, redact, signal }),
      );
    },
    async poll(id, callOptions = {}) {
      transport.ensureOpen("poll");
      if (typeof id !== "string" || id.trim() === "") {
        throw new ConfigError("id", `poll: generation id ${JSON.stringify(id)} is not a non-empty string`);
      }
      const { signal } = callOptions;
      return withRetries(transport.loop, "poll", signal, () =>
        pollOnce(transport, { id, headers: keyed, redact, signal }),
      );
    },
    listModels: (listOptions) => listModelsVia(transport, redact, listOptions),
    logs: (logsOptions) => logsVia(transport, redact, keyed, logsOptions),
    billing: (callOptions = {}) => billingVia(transport, redact, keyed, callOptions.signal),
    stats: () => ({ ...transport.stats }),
    close: () => transport.close(),
  };
}

function serialiseBody(body: Record<string, unknown>): string {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new ConfigError("body", "submit: the request body must be a JSON object");
  }
  return JSON.stringify(body);
}

function checkApiKey(key: unknown): void {
  if (typeof key !== "string" || key === "") {
    throw new ConfigError("apiKey", "apiKey is missing; allowed: a non-empty string");
  }
  // Never echo the key: describe it by length only.
  if (!/^[\x21-\x7e]+$/.test(key)) {
    throw new ConfigError(
      "apiKey",
      `apiKey (${key.length} characters) contains whitespace, control or non-ASCII characters; allowed: printable ASCII without spaces`,
    );
  }
}
