/**
 * What a list is paged by. Most lists carry their range fields as members of
 * each item, but some name a member of a nested object: collaborators page by
 * `email`, which is `user.email`, and app transfers by `name` (`app.name`).
 * Some name a field their items lack altogether (builds list `started_at`).
 *
 * A page's `Next-Range` starts after the last item's value, so paging ends only
 * if every item has a value that `Next-Range` can carry and read back. A list
 * where some item has none is paged by id instead, and a list without usable
 * ids comes whole, so following `Next-Range` always ends.
 */

type Item = Readonly<Record<string, unknown>>;

/** Reads the value an item is paged by. */
export type ReadValue = (item: Item) => unknown;

/** How one list is paged. */
export interface PagingKey {
  /** The field named in `Next-Range` and `Content-Range`. */
  readonly field: string;
  /** Set when some item keeps the value in a nested object; else items are read as `item[field]`. */
  readonly nested?: ReadValue;
}

/** Keys found for lists still in use (pages of one list come from the same array). */
const known = new WeakMap<readonly Item[], Map<string, PagingKey | null>>();

/**
 * The key to page `items` by when the caller asks for `field`: `field` itself
 * when every item has a usable value for it, else `id`, else `undefined`.
 */
export function pagingKey(items: readonly Item[], field: string): PagingKey | undefined {
  // Only a frozen list (of frozen items, as answers of stored records are) stays the same.
  const byField = Object.isFrozen(items) ? keptKeys(items) : undefined;
  const kept = byField?.get(field);
  if (kept !== undefined) return kept ?? undefined;

  const key = keyFor(items, field) ?? (field === 'id' ? undefined : keyFor(items, 'id'));
  byField?.set(field, key ?? null);
  return key;
}

function keptKeys(items: readonly Item[]): Map<string, PagingKey | null> {
  let byField = known.get(items);
  if (byField === undefined) {
    byField = new Map();
    known.set(items, byField);
  }
  return byField;
}

function keyFor(items: readonly Item[], field: string): PagingKey | undefined {
  let nested = false;
  for (const item of items) {
    if (!Object.hasOwn(item, field)) nested = true;
    if (!isUsable(nestedValue(item, field))) return undefined;
  }
  return nested ? { field, nested: (item) => nestedValue(item, field) } : { field };
}

/**
 * The item's own member `field`, else that member of the first nested object
 * (in the item's key order, which the shape fixes) that has one.
 */
function nestedValue(item: Item, field: string): unknown {
  if (Object.hasOwn(item, field)) return item[field];
  for (const member of Object.values(item)) {
    if (typeof member !== 'object' || member === null || Array.isArray(member)) continue;
    if (Object.hasOwn(member, field)) return (member as Item)[field];
  }
  return undefined;
}

/**
 * True when `]<value>..` in a `Range` header parses back to `value`: a
 * non-empty text without the `..` and `;` the grammar splits on, no edge
 * spaces, and no trailing `.` that would merge into the `..`.
 */
function isUsable(value: unknown): boolean {
  if (typeof value !== 'string' && typeof value !== 'number') return false;
  const text = String(value);
  return (
    text !== '' &&
    text === text.trim() &&
    !text.includes('..') &&
    !text.includes(';') &&
    !text.endsWith('.')
  );
}
