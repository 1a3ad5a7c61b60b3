/**
 * Heroku's error envelope. Every failure the emulator answers is an `ApiError`,
 * serialised as `{ id, message, url?, resource? }` so that clients which insist on
 * `message` (the official CLI does) always find it.
 */

/** Extra members some Heroku errors carry next to `id` and `message`. */
export interface ErrorExtras {
  /** Documentation link. */
  readonly url?: string;
  /** On 404s: the kind of thing that was not found (the CLI reads it). */
  readonly resource?: string;
}

/** A failure answered to the caller with a status and Heroku's error body. */
export class ApiError extends Error {
  /** HTTP status to answer with. */
  readonly status: number;

  /** Heroku's machine-readable error id, e.g. `not_found`. */
  readonly id: string;

  /** Optional `url` and `resource` members of the body. */
  readonly extras: ErrorExtras;

  /** Headers to add to the error response (e.g. `RateLimit-Remaining`). */
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: number,
    id: string,
    message: string,
    extras: ErrorExtras = {},
    headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.id = id;
    this.extras = extras;
    this.headers = headers;
  }

  /** The JSON body Heroku sends for this error. */
  toBody(): Record<string, string> {
    const body: Record<string, string> = { id: this.id, message: this.message };
    if (this.extras.url !== undefined) body.url = this.extras.url;
    if (this.extras.resource !== undefined) body.resource = this.extras.resource;
    return body;
  }
}

/** True for an `ApiError`, also across copies of this module. */
export function isApiError(value: unknown): value is ApiError {
  return value instanceof Error && value.name === 'ApiError' && 'status' in value;
}

/** 400 `bad_request`. */
export function badRequest(message: string): ApiError {
  return new ApiError(400, 'bad_request', message);
}

/** 404 `not_found` in the wording the official CLI reproduces, with `resource`. */
export function notFound(resource: string): ApiError {
  const name = NOT_FOUND_NAMES[resource] ?? resource;
  const words = name.replace(/-/g, ' ');
  return new ApiError(404, 'not_found', `Couldn't find that ${words}.`, { resource: name });
}

/**
 * Resources Heroku's 404s name otherwise than the schema does. The official
 * CLI's logout reads `resource: "authorization"` (and `"session"`, for
 * `/oauth/sessions`, which the schema lacks) to know there is nothing to revoke.
 */
const NOT_FOUND_NAMES: Readonly<Record<string, string>> = {
  'oauth-authorization': 'authorization',
};

/** 422 `invalid_params`. */
export function invalidParams(message: string): ApiError {
  return new ApiError(422, 'invalid_params', message);
}

/** 409 `conflict`. */
export function conflict(message: string): ApiError {
  return new ApiError(409, 'conflict', message);
}

/** 416 `requested_range_not_satisfiable`. */
export function rangeNotSatisfiable(message: string): ApiError {
  return new ApiError(416, 'requested_range_not_satisfiable', message);
}
