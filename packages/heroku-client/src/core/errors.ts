/**
 * The error family of the client. Every failure the client reports is a
 * `HerokuError`; the guards in `guards.ts` recognise them by a registered symbol,
 * so errors made by another copy of this package are still recognised.
 */

/** The registered symbol that brands every error of this package, in any copy. */
export const HEROKU_ERROR_BRAND: unique symbol = Symbol.for('heroku-client.error') as never;

/** The kinds an error carries under its brand; a subclass carries its parents' kinds too. */
export type HerokuErrorKind =
  | 'heroku'
  | 'usage'
  | 'api'
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'two_factor'
  | 'not_found'
  | 'conflict'
  | 'unprocessable_entity'
  | 'rate_limit'
  | 'server'
  | 'connection'
  | 'timeout'
  | 'abort';

function brand(target: { prototype: object }, kinds: readonly HerokuErrorKind[]): void {
  Object.defineProperty(target.prototype, HEROKU_ERROR_BRAND, { value: Object.freeze(kinds) });
}

/** Base class of every error the client throws. */
export class HerokuError extends Error {
  declare readonly [HEROKU_ERROR_BRAND]: readonly HerokuErrorKind[];

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}
brand(HerokuError, ['heroku']);

/**
 * The caller asked for something the client cannot send: a bad option, a path
 * without a leading slash, a body that is not JSON, a callback that is not a
 * function. Thrown before any request leaves the process.
 */
export class HerokuUsageError extends HerokuError {}
brand(HerokuUsageError, ['heroku', 'usage']);

/** What the client knows about a failed API call; none of it holds the token. */
export interface HerokuApiErrorDetails {
  /** HTTP status of the answer. */
  readonly status: number;
  /** The API's machine-readable error id, e.g. `not_found`; `unknown` when absent. */
  readonly id: string;
  /** The API's human message, or a description of the status when the body had none. */
  readonly message: string;
  /** Documentation link the API gave, if any. */
  readonly url: string | undefined;
  /** The `Request-Id` of the answer (or the one the client sent). */
  readonly requestId: string | undefined;
  readonly method: string;
  /** The path that was requested, with its query string. */
  readonly path: string;
  /** The parsed error body, or its raw text when it was not JSON. */
  readonly body: unknown;
  /** The response headers, names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
}

/** The API answered with an error status. */
export class HerokuApiError extends HerokuError {
  readonly status: number;
  readonly id: string;
  readonly url: string | undefined;
  readonly requestId: string | undefined;
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
  readonly headers: Readonly<Record<string, string>>;

  constructor(details: HerokuApiErrorDetails) {
    super(details.message);
    this.status = details.status;
    this.id = details.id;
    this.url = details.url;
    this.requestId = details.requestId;
    this.method = details.method;
    this.path = details.path;
    this.body = details.body;
    this.headers = details.headers;
  }

  /** The status under the name heroku-client 3 used. */
  get statusCode(): number {
    return this.status;
  }
}
brand(HerokuApiError, ['heroku', 'api']);

/** 400: the request was malformed (bad JSON, bad Range syntax). */
export class BadRequestError extends HerokuApiError {}
brand(BadRequestError, ['heroku', 'api', 'bad_request']);

/** 401: the token is missing, invalid or expired. */
export class UnauthorizedError extends HerokuApiError {}
brand(UnauthorizedError, ['heroku', 'api', 'unauthorized']);

/** 403: the account may not do this. */
export class ForbiddenError extends HerokuApiError {}
brand(ForbiddenError, ['heroku', 'api', 'forbidden']);

/** 403 `two_factor`: the call needs a second factor (`Heroku-Two-Factor-Code`). */
export class TwoFactorRequiredError extends ForbiddenError {}
brand(TwoFactorRequiredError, ['heroku', 'api', 'forbidden', 'two_factor']);

/** 404: no such resource; `body.resource` names what was looked for. */
export class NotFoundError extends HerokuApiError {}
brand(NotFoundError, ['heroku', 'api', 'not_found']);

/** 409: the request conflicts with the current state. */
export class ConflictError extends HerokuApiError {}
brand(ConflictError, ['heroku', 'api', 'conflict']);

/** 422: the parameters were refused, e.g. `invalid_params`. */
export class UnprocessableEntityError extends HerokuApiError {}
brand(UnprocessableEntityError, ['heroku', 'api', 'unprocessable_entity']);

/** 429: the account's rate limit is spent. */
export class RateLimitError extends HerokuApiError {}
brand(RateLimitError, ['heroku', 'api', 'rate_limit']);

/** 5xx: the API failed. */
export class ServerError extends HerokuApiError {}
brand(ServerError, ['heroku', 'api', 'server']);

/** Where a transport failure happened, without any secret. */
export interface HerokuRequestFailure {
  readonly method: string;
  readonly path: string;
  readonly requestId: string | undefined;
  readonly cause: unknown;
}

/** The request failed below HTTP: refused, reset, DNS, TLS. `cause` keeps the original. */
export class HerokuConnectionError extends HerokuError {
  readonly method: string;
  readonly path: string;
  readonly requestId: string | undefined;

  constructor(message: string, failure: HerokuRequestFailure) {
    super(message, { cause: failure.cause });
    this.method = failure.method;
    this.path = failure.path;
    this.requestId = failure.requestId;
  }
}
brand(HerokuConnectionError, ['heroku', 'connection']);

/** No answer came within the configured timeout. */
export class HerokuTimeoutError extends HerokuConnectionError {}
brand(HerokuTimeoutError, ['heroku', 'connection', 'timeout']);

/** The caller's `AbortSignal` cancelled the request. */
export class HerokuAbortError extends HerokuError {
  readonly method: string;
  readonly path: string;

  constructor(message: string, failure: Omit<HerokuRequestFailure, 'requestId'>) {
    super(message, { cause: failure.cause });
    this.method = failure.method;
    this.path = failure.path;
  }
}
brand(HerokuAbortError, ['heroku', 'abort']);
