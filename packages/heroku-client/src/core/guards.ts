/**
 * Type guards for the error family. They read the registered brand symbol rather
 * than using `instanceof`, so an error thrown by another installed copy of the
 * package (a nested dependency, a CommonJS and an ESM copy) is still recognised.
 */
import {
  type BadRequestError,
  type ConflictError,
  type ForbiddenError,
  HEROKU_ERROR_BRAND,
  type HerokuAbortError,
  type HerokuApiError,
  type HerokuConnectionError,
  type HerokuError,
  type HerokuErrorKind,
  type HerokuTimeoutError,
  type HerokuUsageError,
  type NotFoundError,
  type RateLimitError,
  type ServerError,
  type TwoFactorRequiredError,
  type UnauthorizedError,
  type UnprocessableEntityError,
} from './errors.js';

function hasKind(value: unknown, kind: HerokuErrorKind): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const kinds = (value as { [HEROKU_ERROR_BRAND]?: unknown })[HEROKU_ERROR_BRAND];
  return Array.isArray(kinds) && kinds.includes(kind);
}

/** True for any error thrown by the client. */
export const isHerokuError = (e: unknown): e is HerokuError => hasKind(e, 'heroku');
/** True for a usage error (bad option, path, body or callback). */
export const isUsageError = (e: unknown): e is HerokuUsageError => hasKind(e, 'usage');
/** True when the API answered with an error status. */
export const isHerokuApiError = (e: unknown): e is HerokuApiError => hasKind(e, 'api');
/** True for a 400. */
export const isBadRequestError = (e: unknown): e is BadRequestError => hasKind(e, 'bad_request');
/** True for a 401. */
export const isUnauthorizedError = (e: unknown): e is UnauthorizedError =>
  hasKind(e, 'unauthorized');
/** True for any 403, two-factor included. */
export const isForbiddenError = (e: unknown): e is ForbiddenError => hasKind(e, 'forbidden');
/** True for a 403 whose id is `two_factor`. */
export const isTwoFactorRequiredError = (e: unknown): e is TwoFactorRequiredError =>
  hasKind(e, 'two_factor');
/** True for a 404. */
export const isNotFoundError = (e: unknown): e is NotFoundError => hasKind(e, 'not_found');
/** True for a 409. */
export const isConflictError = (e: unknown): e is ConflictError => hasKind(e, 'conflict');
/** True for a 422. */
export const isUnprocessableEntityError = (e: unknown): e is UnprocessableEntityError =>
  hasKind(e, 'unprocessable_entity');
/** True for a 429. */
export const isRateLimitError = (e: unknown): e is RateLimitError => hasKind(e, 'rate_limit');
/** True for any 5xx. */
export const isServerError = (e: unknown): e is ServerError => hasKind(e, 'server');
/** True for a connection failure, timeouts included. */
export const isConnectionError = (e: unknown): e is HerokuConnectionError =>
  hasKind(e, 'connection');
/** True for a timeout. */
export const isTimeoutError = (e: unknown): e is HerokuTimeoutError => hasKind(e, 'timeout');
/** True when the caller's signal aborted the request. */
export const isAbortError = (e: unknown): e is HerokuAbortError => hasKind(e, 'abort');
