// Public surface of the API stage: the AIML client, its errors, the retry policy and the shared request budget.
export { createClient, DEFAULT_REQUEST_TIMEOUT_MS } from "./client.js";
export type { AimlClient, CallOptions, ClientOptions } from "./client.js";
export type { Generation, GenerationStatus } from "./generation.js";
export { ApiError, ConfigError } from "./errors.js";
export type { ApiErrorCode, ApiErrorDetails, ApiPhase } from "./errors.js";
export { classify } from "./classify.js";
export type { Classification, FailureKind } from "./classify.js";
export { DEFAULT_RETRY_POLICY, nextDelay, parseRetryAfter, resolveRetryPolicy } from "./retry-policy.js";
export type { RetryPolicy } from "./retry-policy.js";
export { createRequestBudget } from "./budget.js";
export type { BudgetSnapshot, RequestBudget, RequestBudgetOptions, RequestKind } from "./budget.js";
export type { ClientHooks, ClientStats, RetryEvent } from "./retry-loop.js";
export { DEFAULT_BASE_URL, parseBaseUrl } from "./base-url.js";
