/**
 * What an injected fault does to one response: answer it with an error before
 * the request is served, cut its connection half-way through the body, or
 * trickle its body out slowly.
 */
import type { ServerResponse } from 'node:http';
import { ApiError } from '../http/errors.js';
import { sendError } from '../http/respond.js';

const ERROR_IDS: Readonly<Record<number, [string, string]>> = {
  500: ['internal_server_error', 'An internal error occurred. Please try again.'],
  502: ['bad_gateway', 'The API could not reach an upstream service. Please try again.'],
  503: ['unavailable', 'The API is temporarily unavailable. Please try again.'],
  504: ['gateway_timeout', 'The API took too long to answer. Please try again.'],
};

const RATE_LIMITED =
  'Your account reached the API rate limit\nPlease wait a few minutes before making new requests';

/** Answers with an injected server error in Heroku's envelope. */
export function answerServerError(res: ServerResponse, status: number, head: boolean): number {
  const [id, message] = ERROR_IDS[status] ?? ['unavailable', 'Please try again.'];
  return sendError(res, new ApiError(status, id, message), head);
}

/** Answers `429 rate_limit`, with `Retry-After` when `retryAfter` is given. */
export function answerRateLimited(
  res: ServerResponse,
  retryAfter: number | undefined,
  head: boolean,
): number {
  const headers: Record<string, string> = { 'RateLimit-Remaining': '0' };
  if (retryAfter !== undefined) headers['Retry-After'] = String(retryAfter);
  const url = 'https://devcenter.heroku.com/articles/platform-api-reference#rate-limits';
  return sendError(res, new ApiError(429, 'rate_limit', RATE_LIMITED, { url }, headers), head);
}

type Chunk = string | Uint8Array;

function bytesOf(chunk: unknown): Buffer {
  if (typeof chunk === 'string') return Buffer.from(chunk);
  if (chunk instanceof Uint8Array) return Buffer.from(chunk);
  return Buffer.alloc(0);
}

/**
 * Lets the request be served, then destroys the connection after the headers
 * and the first half of the first body chunk (or at once, for an empty body).
 */
export function armReset(res: ServerResponse): void {
  const write = res.write.bind(res) as (chunk: Chunk, done?: () => void) => boolean;
  let cut = false;

  const cutHere = (chunk: unknown): void => {
    if (cut) return;
    cut = true;
    const data = bytesOf(chunk);
    if (data.length === 0) {
      res.destroy();
      return;
    }
    write(data.subarray(0, Math.ceil(data.length / 2)), () => res.destroy());
  };
  res.write = ((chunk: unknown) => {
    cutHere(chunk);
    return true;
  }) as typeof res.write;
  res.end = ((chunk?: unknown) => {
    cutHere(typeof chunk === 'function' ? undefined : chunk);
    return res;
  }) as typeof res.end;
}

/** Sends the headers at once and each body chunk (and the end) `ms` later than the last. */
export function armSlowBody(res: ServerResponse, ms: number): void {
  const write = res.write.bind(res) as (chunk: Chunk) => boolean;
  const end = res.end.bind(res) as (chunk?: Chunk) => ServerResponse;
  let queue = Promise.resolve();

  const later = (step: () => void): void => {
    if (!res.headersSent) res.flushHeaders();
    queue = queue
      .then(() => new Promise<void>((resolve) => setTimeout(resolve, ms)))
      .then(() => {
        if (!res.destroyed) step();
      });
  };
  res.write = ((chunk: unknown) => {
    const data = bytesOf(chunk);
    later(() => write(data));
    return true;
  }) as typeof res.write;
  res.end = ((chunk?: unknown) => {
    const data = typeof chunk === 'function' ? undefined : bytesOf(chunk);
    later(() => end(data !== undefined && data.length > 0 ? data : undefined));
    return res;
  }) as typeof res.end;
}
