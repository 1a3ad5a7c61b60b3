/**
 * The response of a call with everything a caller may need besides the body.
 */

/** A body together with the status and headers it came with. */
export interface HerokuResponse<T> {
  /** The parsed body (or its text with `parseJSON: false`); for a list, every item. */
  readonly body: T;
  readonly status: number;
  /** Response headers, names in lower case, repeated values joined by `, `. */
  readonly headers: Readonly<Record<string, string>>;
  /** The `Request-Id` the API answered with. */
  readonly requestId: string | undefined;
  /** The RateLimit-Remaining the API reported, as a number. */
  readonly rateLimitRemaining: number | undefined;
  /** True when the body was served from the ETag cache after a 304. */
  readonly fromCache: boolean;
}

/** Flattens transport headers to single strings. */
export function flattenHeaders(
  headers: Readonly<Record<string, string | string[] | undefined>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) out[name] = typeof value === 'string' ? value : value.join(', ');
  }
  return out;
}

/** Parses a body: JSON when it parses, else the text; undefined when empty. */
export function parseBody(text: string, parseJSON: boolean): unknown {
  if (!parseJSON) return text;
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Reads RateLimit-Remaining as a number. */
export function rateLimitOf(headers: Readonly<Record<string, string>>): number | undefined {
  const value = headers['ratelimit-remaining'];
  if (value === undefined) return undefined;
  const n = Number.parseInt(value, 10);
  return Number.isNaN(n) ? undefined : n;
}
