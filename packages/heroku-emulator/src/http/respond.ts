/**
 * Writes answers: JSON bodies with `Content-Type: application/json` (the CLI
 * parses only JSON-typed bodies), and errors in Heroku's envelope.
 */
import type { ServerResponse } from 'node:http';
import { ApiError, isApiError } from './errors.js';

/** Writes `text` (already serialised JSON) with status and headers; no body for HEAD. */
export function sendJson(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Readonly<Record<string, string>>,
  head: boolean,
): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.statusCode = status;
  res.end(head ? undefined : text);
}

/**
 * Answers a failure. An `ApiError` goes out as is; anything else is the
 * emulator's own fault and answers 500 without details.
 */
export function sendError(res: ServerResponse, error: unknown, head: boolean): number {
  const failure = isApiError(error)
    ? error
    : new ApiError(500, 'internal_server_error', 'The emulator failed to process this request.');
  if (res.headersSent) {
    res.destroy();
    return failure.status;
  }
  sendJson(res, failure.status, JSON.stringify(failure.toBody()), failure.headers, head);
  return failure.status;
}
