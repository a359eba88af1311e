/**
 * Typed HTTP client of the EOSVOLT EV-charging API v1 (`pulumi-eosvolt/client`).
 * Knows nothing of Pulumi: usable from scripts, tests and the provider alike.
 */
export { EosvoltClient, ResourceApi, SessionsApi } from "./client";
export type { ClientStats, CreateOptions, IterateParams, ReadBatchingOptions } from "./client";
export { ENVIRONMENTS, isLoopbackHost, resolveBaseUrl, resolveOptions } from "./options";
export type { ClientOptions, Environment, RateLimitOptions, ResolvedOptions } from "./options";
export {
  ApiError,
  AuthenticationError,
  ConflictError,
  EosvoltConfigError,
  EosvoltError,
  InvalidRequestError,
  MalformedResponseError,
  NetworkError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ServerError,
  TimeoutError,
  createApiError,
  errorClassForStatus,
  isErrorEnvelope,
} from "./errors";
export type { ErrorContext, ErrorEnvelope, EosvoltErrorInit } from "./errors";
export { DEFAULT_RETRY_POLICY, backoffDelay, decideRetry, parseRetryAfter } from "./retry";
export type { AttemptOutcome, RetryDecision, RetryInput, RetryPolicy } from "./retry";
export { NoRateLimiter, RateLimiter } from "./rate-limiter";
export type { Limiter, RateLimiterOptions, RateLimiterStats } from "./rate-limiter";
export { BatchReader } from "./batch-reader";
export { HistoryCursorError, MAX_WINDOW_DAYS, SessionHistory, decodeCursor, encodeCursor, normaliseQuery, windowsOf } from "./history";
export type { HistoryPageFetcher, HistoryParams, HistoryPosition, HistoryProgress, HistoryQuery, HistoryWindow } from "./history";
export type { BatchReaderOptions, BatchReaderStats } from "./batch-reader";
export { ENDPOINTS, SESSIONS_ENDPOINT, endpointOf } from "./endpoints";
export type { ApiAccess, KindApis } from "./api-access";
export type {
  ChargerListParams,
  CrudKind,
  EndpointSpec,
  KindTypes,
  LocationListParams,
  Patch,
  PricingPlanListParams,
  SessionListParams,
} from "./endpoints";
export { MAX_PAGE_SIZE, buildListQuery, clampLimit, iteratePages, readPagination } from "./pagination";
export type { ListParamsBase, Page, PagingStyle, Pagination, SortKey } from "./pagination";
export { REDACTED, createRedactor, redactHeaders } from "./redact";
export type { Redactor } from "./redact";
export type { HttpMethod, RequestSpec, TransportResponse, TransportStats } from "./transport";
export type { Charger, CompletedSession, Location, PricingPlan, Session, SessionLine, SessionPeriod } from "../schemas";
