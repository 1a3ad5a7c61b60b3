/**
 * Conditional GETs: every response carries a quoted 32-hex `ETag` computed from
 * its body, and a GET whose `If-None-Match` lists that tag is answered `304`.
 */
import { createHash } from 'node:crypto';

/** The entity tag of a serialised body. */
export function etagOf(body: string): string {
  return `"${createHash('md5').update(body).digest('hex')}"`;
}

/** True when `If-None-Match` matches `etag` (weak comparison, `*` matches any). */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}
