/**
 * What the one log line per request may say about it. Some paths are
 * capability URLs: whoever has a build's `output_stream_url` or a log session's
 * `logplex_url` reads it without a token, so the part after the stream's kind
 * is a secret; a team invitation or a password reset names its token in the
 * path too. Those parts are logged as `***`, as the query string (log sessions'
 * `srv=`) is never logged at all.
 */
import type { IncomingMessage } from 'node:http';

/** Status logged for a request whose client left before it was answered (nginx's 499). */
export const CLIENT_CLOSED = 499;

/** Paths with a secret: what to keep of each, and the secret part after it. */
const SECRET_PATHS: readonly RegExp[] = [
  /^(\/streams\/[^/]+\/)[^?]+/,
  /^(\/streams\/)[^/?]+$/,
  /^(\/teams\/invitations\/)[^/?]+/,
  /^(\/password-resets\/)[^/?]+/,
];

/** `path` with the secret parts of capability and token paths replaced by `***`. */
export function logPath(path: string): string {
  for (const pattern of SECRET_PATHS) {
    if (pattern.test(path)) return path.replace(pattern, '$1***');
  }
  return path;
}

/**
 * True when `error` only says that the client went away (it closed the
 * connection while sending its body): nothing was answered, and nothing in
 * the emulator failed.
 */
export function isClientGone(req: IncomingMessage, error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return !req.complete && typeof code === 'string' && GONE_CODES.has(code);
}

/** Codes of a request stream cut short by its client. */
const GONE_CODES = new Set(['ECONNRESET', 'ERR_STREAM_PREMATURE_CLOSE']);
