/**
 * Reads and parses a JSON request body under a size limit. An oversized body is
 * drained (so the client can read the answer) and refused with 413; text that is
 * not JSON is refused with 400, in Heroku's envelope.
 */
import type { IncomingMessage } from 'node:http';
import { ApiError, badRequest } from './errors.js';

/** Default largest body accepted, in bytes. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** Reads the whole body; `undefined` when it is empty. */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  // A request with neither Content-Length nor Transfer-Encoding has no body (RFC 9112).
  const length = req.headers['content-length'];
  const framed = length !== undefined || req.headers['transfer-encoding'] !== undefined;
  if (!framed || length === '0') return undefined;

  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;

  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) tooLarge = true;
    if (!tooLarge) chunks.push(chunk);
  }
  if (tooLarge) {
    throw new ApiError(413, 'bad_request', `Request body is larger than ${limit} bytes.`);
  }

  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest("Request body wasn't valid JSON.");
  }
}
