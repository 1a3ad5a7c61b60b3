/**
 * Conditional GETs: every response carries a quoted 32-hex `ETag` computed from
 * its body, and a GET whose `If-None-Match` lists that tag is answered `304`.
 */
import { hash } from 'node:crypto';

/** Bodies shorter than this are hashed every time; hashing them costs little. */
const WORTH_KEEPING = 16_384;

/** How many tags of long bodies are kept (the pages of a long list read again). */
const KEPT_TAGS = 16;

/** Tags of recent long bodies, oldest first. */
const keptTags = new Map<string, string>();

/** The entity tag of a serialised body. */
export function etagOf(body: string): string {
  if (body.length < WORTH_KEEPING) return md5Tag(body);
  const kept = keptTags.get(body);
  if (kept !== undefined) return kept;
  const tag = md5Tag(body);
  keptTags.set(body, tag);
  const oldest = keptTags.keys().next();
  if (keptTags.size > KEPT_TAGS && oldest.done !== true) keptTags.delete(oldest.value);
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
