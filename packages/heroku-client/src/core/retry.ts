/**
 * When and how long to wait before trying a request again: on 429, 502, 503,
 * 504 and connection failures, with exponential backoff and jitter, honouring
 * Retry-After, within a total deadline.
 */
import { errorCode } from './error-factory.js';

/** What a retry hook is told before the client waits. */
export interface RetryInfo {
  readonly method: string;
  readonly path: string;
  /** 1 for the first retry. */
  readonly attempt: number;
  /** Milliseconds the client will wait. */
  readonly delay: number;
  /** The status that caused the retry, or undefined for a connection failure. */
  readonly status: number | undefined;
  readonly error: Error;
}

/** The retry policy; every field has a default. */
export interface RetryPolicy {
  /** Retries after the first attempt (default 3; 0 disables retries). */
  readonly retries: number;
  /** Base delay in ms, doubled per attempt (default 500). */
  readonly minDelay: number;
  /** Cap on one computed delay in ms (default 20000); Retry-After may ask for more. */
  readonly maxDelay: number;
  /** No retry starts after this many ms since the first attempt (default 60000). */
  readonly deadline: number;
  /** Statuses that are retried (default 429, 502, 503, 504). */
  readonly statuses: readonly number[];
  /** Called before each wait, e.g. to log or count retries. */
  readonly onRetry?: ((info: RetryInfo) => void) | undefined;
}

/** The defaults of the retry policy. */
export const DEFAULT_RETRY: RetryPolicy = {
  retries: 3,
  minDelay: 500,
  maxDelay: 20_000,
  deadline: 60_000,
  statuses: [429, 502, 503, 504],
};

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

// Failures raised before a connection existed: the server cannot have seen the request.
const NEVER_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** True when the method may be repeated without changing the result. */
export function isIdempotent(method: string): boolean {
  return IDEMPOTENT.has(method);
}

/** True when a connection failure proves the request never reached the server. */
export function neverReachedServer(error: unknown): boolean {
  const code = errorCode(error);
  return code !== undefined && NEVER_SENT.has(code);
}

/** Parses Retry-After (seconds or an HTTP date) into ms from `now`. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Exponential backoff with "equal jitter": between half and all of the doubled delay. */
export function backoff(policy: RetryPolicy, attempt: number): number {
  const ceiling = Math.min(policy.maxDelay, policy.minDelay * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

/**
 * The delay before retry number `attempt`, or undefined when the policy says
 * stop: no retries left, or the wait would end past the deadline.
 */
export function retryDelay(
  policy: RetryPolicy,
  attempt: number,
  startedAt: number,
  retryAfter: string | undefined,
): number | undefined {
  if (attempt > policy.retries) return undefined;
  const now = Date.now();
  const delay = parseRetryAfter(retryAfter, now) ?? backoff(policy, attempt);
  return now + delay - startedAt > policy.deadline ? undefined : delay;
}
