/**
 * Turns an error answer, or a failure below HTTP, into the right member of the
 * error family.
 */
import {
  BadRequestError,
  ConflictError,
  ForbiddenError,
  HerokuAbortError,
  HerokuApiError,
  type HerokuApiErrorDetails,
  HerokuConnectionError,
  HerokuTimeoutError,
  NotFoundError,
  RateLimitError,
  ServerError,
  TwoFactorRequiredError,
  UnauthorizedError,
  UnprocessableEntityError,
} from './errors.js';

/** What the pipeline knows about an error answer. */
export interface ErrorAnswer {
  readonly status: number;
  readonly method: string;
  readonly path: string;
  readonly text: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly requestId: string | undefined;
  /** True when no token was configured: a 401 then says where tokens come from. */
  readonly anonymous: boolean;
}

function parseBody(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function field(body: unknown, name: string): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

// The reasons the API's error statuses are known by; node:http has the full
// table but is slow to load, and the client never needs the rest of it.
const REASONS: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  406: 'Not Acceptable',
  409: 'Conflict',
  410: 'Gone',
  412: 'Precondition Failed',
  416: 'Range Not Satisfiable',
  422: 'Unprocessable Entity',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function describe(answer: ErrorAnswer, body: unknown): string {
  // Old API answers carried the text under `error` instead of `message`.
  const text = field(body, 'message') ?? field(body, 'error');
  if (text !== undefined) return text;
  const reason = REASONS[answer.status] ?? (answer.status >= 500 ? 'Server Error' : 'Error');
  const snippet = typeof body === 'string' ? `: ${body.slice(0, 200)}` : '';
  return `${answer.status} ${reason} from ${answer.method} ${answer.path}${snippet}`;
}

/** Builds the error for an error status, picking the class by status and id. */
export function createApiError(answer: ErrorAnswer): HerokuApiError {
  const body = parseBody(answer.text);
  const id = field(body, 'id') ?? 'unknown';
  let message = describe(answer, body);
  if (answer.status === 401 && answer.anonymous) {
    message += ' (no token was configured: pass `token`, set HEROKU_API_KEY or use ~/.netrc)';
  }
  const details: HerokuApiErrorDetails = {
    status: answer.status,
    id,
    message,
    url: field(body, 'url'),
    requestId: answer.requestId,
    method: answer.method,
    path: answer.path,
    body,
    headers: answer.headers,
  };
  return new (errorClass(answer.status, id))(details);
}

function errorClass(status: number, id: string): typeof HerokuApiError {
  if (status >= 500) return ServerError;
  switch (status) {
    case 400:
      return BadRequestError;
    case 401:
      return UnauthorizedError;
    case 403:
      return id === 'two_factor' ? TwoFactorRequiredError : ForbiddenError;
    case 404:
      return NotFoundError;
    case 409:
      return ConflictError;
    case 422:
      return UnprocessableEntityError;
    case 429:
      return RateLimitError;
    default:
      return HerokuApiError;
  }
}

const TIMEOUT_CODES = new Set([
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'ETIMEDOUT',
]);

/** The `code` of an error or of its cause, where Node and undici put it. */
export function errorCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; depth < 4 && typeof e === 'object' && e !== null; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Wraps a failure below HTTP; the message names the call, never a header. An
 * aborted call's cause is the signal's reason, the one the caller passed to
 * `abort(reason)` (else the DOMException that `abort()` makes), rather than
 * whatever error the transport raised for it.
 */
export function createTransportError(
  cause: unknown,
  call: { method: string; path: string; requestId: string | undefined },
  signal: AbortSignal | undefined,
): HerokuConnectionError | HerokuAbortError {
  const where = `${call.method} ${call.path}`;
  if (signal?.aborted) {
    return new HerokuAbortError(`${where} was aborted`, { ...call, cause: signal.reason });
  }
  const code = errorCode(cause);
  if (code !== undefined && TIMEOUT_CODES.has(code)) {
    return new HerokuTimeoutError(`${where} timed out (${code})`, { ...call, cause });
  }
  const reason = code ?? (cause instanceof Error ? cause.message : String(cause));
  return new HerokuConnectionError(`${where} failed: ${reason}`, { ...call, cause });
}
