/**
 * Conditional GETs: every response carries a quoted 32-hex `ETag` computed from
 * its body, and a GET whose `If-None-Match` lists that tag is answered `304`.
 */
import { hash } from 'node:crypto';

/** Bodies at least this long count as long: fewer of them are kept. */
const LONG_BODY = 16_384;

/** Tags of recent bodies (the same app read again, the pages of a long list), oldest first. */
const shortTags = new Map<string, string>();
const longTags = new Map<string, string>();

/** How many tags are kept: short bodies cost little memory, long ones up to 1 MB each. */
const KEPT_SHORT = 1024;
const KEPT_LONG = 16;

/** The entity tag of a serialised body. */
export function etagOf(body: string): string {
  const kept = body.length < LONG_BODY ? shortTags : longTags;
  const known = kept.get(body);
  if (known !== undefined) return known;
  const tag = md5Tag(body);
  kept.set(body, tag);
  const oldest = kept.keys().next();
  const limit = kept === shortTags ? KEPT_SHORT : KEPT_LONG;
  if (kept.size > limit && oldest.done !== true) kept.delete(oldest.value);
  return tag;
}

function md5Tag(body: string): string {
  return `"${hash('md5', body, 'hex')}"`;
}

/** True when `If-None-Match` matches `etag` (weak comparison, `*` matches any). */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}
