/**
 * Cuts one page out of a list according to a `Range`, and describes it with the
 * `Content-Range` and `Next-Range` headers. `Next-Range` appears only while more
 * items remain inside the range's bounds, and always starts past the page it
 * follows: several clients follow it on any 2xx and would loop forever.
 */
import { orderedPage } from './list-order.js';
import { DEFAULT_MAX, fieldNotAllowed, type RangeSpec } from './range.js';
import { pagingKey } from './range-value.js';

/** One page of a list and the headers that describe it. */
export interface Page<T> {
  readonly items: T[];
  /** 206 while more items remain, else 200. */
  readonly status: 200 | 206;
  readonly headers: Record<string, string>;
}

type Item = Readonly<Record<string, unknown>>;

/**
 * Sorts `items` by the range field, applies bounds and `max`, and returns the page.
 * `allowed` are the fields this list accepts (the first is the default).
 */
export function paginate<T extends Item>(
  items: readonly T[],
  range: RangeSpec | undefined,
  allowed: readonly string[],
): Page<T> {
  const fields = allowed.length > 0 ? allowed : ['id'];
  const asked: RangeSpec = range ?? {
    field: fields[0] ?? 'id',
    startExclusive: false,
    max: DEFAULT_MAX,
    order: 'asc',
  };
  if (!fields.includes(asked.field)) throw fieldNotAllowed();
  const headers: Record<string, string> = { 'Accept-Ranges': fields.join(', ') };

  const key = pagingKey(items, asked.field);
  if (key === undefined) {
    // Nothing to resume from: the whole list in one page is the answer that ends.
    headers['Content-Range'] = `${asked.field} ..${suffixOf(asked)}`;
    return { items: [...items], status: 200, headers };
  }
  const spec = key.field === asked.field ? asked : restartedBy(key.field, asked);
  const read = key.nested ?? ((item: Item) => item[spec.field]);

  const inRange = orderedPage(items, spec, compare, key.nested);
  const pageItems = inRange.slice(0, spec.max);
  const more = inRange.length > pageItems.length;

  const suffix = suffixOf(spec);
  const first = pageItems[0];
  const last = pageItems[pageItems.length - 1];
  headers['Content-Range'] =
    first === undefined || last === undefined
      ? `${spec.field} ..${suffix}`
      : `${spec.field} ${text(read(first))}..${text(read(last))}${suffix}`;
  // The end bound travels on, so the pages stop where the caller asked them to.
  if (more && last !== undefined) {
    headers['Next-Range'] = `${spec.field} ]${text(read(last))}..${spec.end ?? ''}${suffix}`;
  }
  return { items: pageItems, status: more ? 206 : 200, headers };
}

/**
 * The range of a list paged by `field` instead of the field asked for: the
 * asked bounds are values of a field the items lack, so none of them applies.
 */
function restartedBy(field: string, asked: RangeSpec): RangeSpec {
  return { field, startExclusive: false, max: asked.max, order: asked.order };
}

function suffixOf(spec: RangeSpec): string {
  return `; max=${spec.max}, order=${spec.order}`;
}

/** Orders numbers numerically (also against numeric strings), the rest as text. */
function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' || typeof b === 'number') {
    const x = Number(a);
    const y = Number(b);
    if (!Number.isNaN(x) && !Number.isNaN(y)) return x - y;
  }
  const x = text(a);
  const y = text(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
