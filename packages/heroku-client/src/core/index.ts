/**
 * The public surface of the client core.
 */
export type { TokenOption } from './auth.js';
export type { CachedAnswer, CacheOption, CacheStore } from './cache.js';
export { MemoryCacheStore } from './cache.js';
export type { ItemOf, ListResult } from './call.js';
export { HerokuCall } from './call.js';
export type { HerokuApiErrorDetails, HerokuErrorKind, HerokuRequestFailure } from './errors.js';
export {
  BadRequestError,
  ConflictError,
  ForbiddenError,
  HEROKU_ERROR_BRAND,
  HerokuAbortError,
  HerokuApiError,
  HerokuConnectionError,
  HerokuError,
  HerokuTimeoutError,
  HerokuUsageError,
  NotFoundError,
  RateLimitError,
  ServerError,
  TwoFactorRequiredError,
  UnauthorizedError,
  UnprocessableEntityError,
} from './errors.js';
export * from './guards.js';
export type { CallOptions, ListLink } from './heroku.js';
export { firstPageRange, Heroku, Heroku as default } from './heroku.js';
export type { CacheEncryptor, LegacyCacheStore } from './legacy-cache.js';
export type { Logger } from './logger.js';
export type {
  HeaderOption,
  HerokuOptions,
  TwoFactorChallenge,
  TwoFactorPrompt,
} from './options.js';
export type { Environment } from './proxy.js';
export type { PacingPolicy } from './rate-limit.js';
export type { Callback, QueryValue, RequestOptions } from './request-options.js';
export type { HerokuResponse } from './response.js';
export type { RetryInfo, RetryPolicy } from './retry.js';
export type { Transport, TransportRequest, TransportResponse } from './transport.js';
