// Public surface of the API stage: the AIML client (generations, catalogue, logs, billing), its errors, the retry
// policy and the shared request budget.
export { createClient, DEFAULT_REQUEST_TIMEOUT_MS } from "./client.js";
export type { AimlClient, CallOptions, ClientOptions, SubmitOptions } from "./client.js";
export { createCatalogueClient, CATALOGUE_REQUEST_TIMEOUT_MS } from "./catalogue-client.js";
export type { CatalogueClient } from "./catalogue-client.js";
export type { TransportOptions } from "./transport.js";
export type { Generation, GenerationStatus } from "./generation.js";
export type { SubmitResult } from "./generation-calls.js";
export { EMPTY_TRACE } from "./trace.js";
export type { ResponseTrace } from "./trace.js";
export {
  CLIENT_REQUEST_ID_PATTERN,
  ClientRequestIdError,
  checkClientRequestId,
  isValidClientRequestId,
  makeClientRequestId,
} from "./request-id.js";
export { MODELS_PATH, readCatalogue } from "./models-route.js";
export type { CatalogueModel, ListModelsOptions, ModelsListing } from "./models-route.js";
export { LOGS_PATH } from "./logs-route.js";
export type { LogRow, LogsCallOptions, LogsPage } from "./logs-route.js";
export { LOGS_MAX_LIMIT, LOGS_MAX_WINDOW_MS } from "./logs-query.js";
export type { LogsQuery, LogStatus } from "./logs-query.js";
export { listAllLogs } from "./logs-pager.js";
export type { ListAllLogsOptions, LogsListing, LogsReader } from "./logs-pager.js";
export { BILLING_PATH } from "./billing-route.js";
export type { Balance } from "./billing-route.js";
export { ApiError, ConfigError } from "./errors.js";
export type { ApiErrorCode, ApiErrorDetails, ApiPhase } from "./errors.js";
export { classify } from "./classify.js";
export type { Classification, FailureKind } from "./classify.js";
export {
  CATALOGUE_RETRY_POLICY,
  DEFAULT_RETRY_POLICY,
  nextDelay,
  parseRetryAfter,
  resolveRetryPolicy,
} from "./retry-policy.js";
export type { RetryPolicy } from "./retry-policy.js";
export { createRequestBudget } from "./budget.js";
export type { BudgetSnapshot, RequestBudget, RequestBudgetOptions, RequestKind } from "./budget.js";
export { LOGS_ROUTE_LIMIT } from "./route-gate.js";
export type { RouteLimit } from "./route-gate.js";
export type { ClientHooks, ClientStats, RetryEvent } from "./retry-loop.js";
export { DEFAULT_BASE_URL, parseBaseUrl } from "./base-url.js";
