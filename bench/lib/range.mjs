/**
 * The server side of Heroku's Range grammar, reduced to what a list of apps sorted by id needs:
 * `id [start]..[end][; max=N[, order=asc]]`, with `]` making the start exclusive.
 */

/** Page size when the request names none, as on the real API. */
export const DEFAULT_MAX = 200;

/** Largest page the real API serves. */
export const MAX_PAGE = 1000;

const RANGE = /^\s*id\s+([\][]?)([^.;\s]*)\.\.([^;\s]*)\s*(?:;\s*(.*?))?\s*;?\s*$/;

/**
 * Parse a Range header. Returns `{ exclusive, start, max }` (start '' = from the first item)
 * or `{ error }` naming what is wrong.
 * @param {string | undefined} header
 */
export function parseRange(header) {
  if (header === undefined || header === '')
    return { exclusive: false, start: '', max: DEFAULT_MAX };
  const m = RANGE.exec(header);
  if (m === null) return { error: 'Invalid `Range` header. Use a form like `id ..; max=1000`.' };

  let max = DEFAULT_MAX;
  for (const param of (m[4] ?? '').split(',')) {
    const [key, value] = param.split('=').map((s) => s.trim());
    if (key === '' || key === undefined) continue;
    if (key === 'max' && /^\d+$/.test(value ?? '')) max = Math.min(Number(value), MAX_PAGE);
    else if (!(key === 'order' && value === 'asc')) {
      return { error: `Unsupported Range parameter \`${param.trim()}\`.` };
    }
  }
  if (max < 1) return { error: 'Range `max` must be at least 1.' };
  return { exclusive: m[1] === ']', start: m[2] ?? '', max };
}
