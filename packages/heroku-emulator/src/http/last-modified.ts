/**
 * `Last-Modified`: the newest `updated_at` among the answer's items, else now.
 * Parsing the stamps of a 1000-item page on every read adds up, so the parsed
 * stamp of a frozen item (a stored or cached answer, which cannot change) is kept.
 */

/** Parsed `updated_at` of frozen items (`NaN` when there is none). */
const stamps = new WeakMap<object, number>();

/** The `Last-Modified` value of an answer body, `now` when no item carries a stamp. */
export function lastModified(body: unknown, now: Date): string {
  const items = Array.isArray(body) ? body : [body];
  let newest = Number.NaN;
  for (const item of items) {
    const stamp = stampOf(item);
    if (!Number.isNaN(stamp) && !(stamp <= newest)) newest = stamp;
  }
  return Number.isNaN(newest) ? now.toUTCString() : httpDate(newest);
}

/** HTTP dates of recent stamps: records are read far more often than written. */
const dates = new Map<number, string>();

/** Beyond this many stamps, the remembered dates are forgotten. */
const DATES_KEPT = 4096;

function httpDate(stamp: number): string {
  const known = dates.get(stamp);
  if (known !== undefined) return known;
  const text = new Date(stamp).toUTCString();
  if (dates.size >= DATES_KEPT) dates.clear();
  dates.set(stamp, text);
  return text;
}

function stampOf(item: unknown): number {
  if (typeof item !== 'object' || item === null) return Number.NaN;
  const kept = stamps.get(item);
  if (kept !== undefined) return kept;
  const value = (item as { updated_at?: unknown }).updated_at;
  const stamp = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Object.isFrozen(item)) stamps.set(item, stamp);
  return stamp;
}
