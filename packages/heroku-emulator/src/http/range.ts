/**
 * Heroku's `Range` request header:
 * `<field> [ ']' | '[' ]<start>..[<end>][; max=<n>[, order=asc|desc]][;]`.
 *
 * Real clients disagree on separators (`max=15, order=desc`, `order=desc,max=1`,
 * `max=1000;`), so parameters may be split by commas with or without spaces and one
 * trailing `;` is allowed. A second `;` between parameters is what the real API
 * rejects with 400, and an end bound without a start bound with 416.
 */
import { type ApiError, badRequest, rangeNotSatisfiable } from './errors.js';

/** Page size when the caller gives none. */
export const DEFAULT_MAX = 200;

/** Largest page the API serves. */
export const LARGEST_MAX = 1000;

/** A parsed `Range` header. */
export interface RangeSpec {
  readonly field: string;
  /** Start bound, `undefined` when open. */
  readonly start?: string;
  /** True when the start bound was written `]start` (exclusive). */
  readonly startExclusive: boolean;
  /** End bound (inclusive), `undefined` when open. */
  readonly end?: string;
  readonly max: number;
  readonly order: 'asc' | 'desc';
}

const FORMAT_HINT = 'Invalid `Range` header. Please use format like `id ..; max=10, order=desc`.';

/**
 * Parses a `Range` header value. Returns `undefined` for an absent or blank header
 * (the CLI sends an empty `Range` on some writes). Throws `ApiError` 400 or 416.
 */
export function parseRange(header: string | undefined): RangeSpec | undefined {
  const value = header?.trim() ?? '';
  if (value === '') return undefined;

  const semicolon = value.indexOf(';');
  const head = semicolon === -1 ? value : value.slice(0, semicolon);
  const tail = semicolon === -1 ? '' : value.slice(semicolon + 1).trim();
  const params = tail.endsWith(';') ? tail.slice(0, -1) : tail;
  if (params.includes(';')) throw badRequest(FORMAT_HINT);

  const match = /^([A-Za-z_][\w]*)\s*(.*)$/s.exec(head.trim());
  const bounds = match?.[2] ?? '';
  const dots = bounds.indexOf('..');
  if (match === null || dots === -1) throw badRequest(FORMAT_HINT);

  const startPart = bounds.slice(0, dots).trim();
  const endPart = bounds.slice(dots + 2).trim();
  const startExclusive = startPart.startsWith(']');
  const start = startPart.replace(/^[\][]/, '');
  if (start === '' && endPart !== '') {
    throw rangeNotSatisfiable(
      'End range bounds without a start bound are currently not supported. ' +
        'Please specify a start bound.',
    );
  }

  const { max, order } = parseParams(params);
  return {
    field: match[1] ?? 'id',
    ...(start === '' ? {} : { start }),
    startExclusive: startExclusive && start !== '',
    ...(endPart === '' ? {} : { end: endPart }),
    max,
    order,
  };
}

function parseParams(text: string): { max: number; order: 'asc' | 'desc' } {
  let max = DEFAULT_MAX;
  let order: 'asc' | 'desc' = 'asc';

  for (const raw of text.split(',')) {
    const param = raw.trim();
    if (param === '') continue;
    const [key, val, extra] = param.split('=').map((part) => part.trim());
    if (extra !== undefined || val === undefined) throw badRequest(FORMAT_HINT);

    if (key === 'max') {
      if (!/^\d+$/.test(val) || Number(val) < 1) throw badRequest(FORMAT_HINT);
      // The reference leaves `max` above 1000 open; clamping serves the caller
      // instead of failing a client that asks for "as many as you can".
      max = Math.min(Number(val), LARGEST_MAX);
    } else if (key === 'order' && (val === 'asc' || val === 'desc')) {
      order = val;
    } else {
      throw badRequest(FORMAT_HINT);
    }
  }
  return { max, order };
}

/** The 416 answered when a list cannot be sorted by the requested field. */
export function fieldNotAllowed(): ApiError {
  return rangeNotSatisfiable(
    'Requested range order is not allowed, please try `id` or another specified in `Accept-Ranges`.',
  );
}
