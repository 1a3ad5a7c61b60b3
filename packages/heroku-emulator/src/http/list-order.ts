/**
 * The order of a list's items for one page: sorted by the range field (then by
 * id), cut to the range's bounds. Reading 10,000 apps in pages of 1000 asks for
 * the same order ten times over the same items, and sorting 10,000 ids costs
 * far more than serving a page; so the last order computed per field and
 * direction is kept and reused while a list holds exactly the same items (the
 * serialised forms of unchanged records are the same objects from one request
 * to the next).
 */
import type { RangeSpec } from './range.js';

type Item = Readonly<Record<string, unknown>>;

/** How two range values compare (the rule of the paginator). */
export type Compare = (a: unknown, b: unknown) => number;

interface Memo {
  /** The items as they last came, to recognise the same list by reference. */
  readonly items: readonly Item[];
  /** Each item's position in `sorted`. */
  readonly positions: Map<Item, number>;
  readonly sorted: readonly Item[];
}

/** Last orders of all-text lists, by field and direction. */
const memos = new Map<string, Memo>();

/**
 * The items within the range's bounds, sorted by its field, then by id. `read`
 * gives an item's value when it is not `item[field]` (a nested `user.email`);
 * such lists are short, and are sorted afresh each time.
 */
export function orderedPage<T extends Item>(
  items: readonly T[],
  spec: RangeSpec,
  compare: Compare,
  read?: (item: T) => unknown,
): T[] {
  const { field } = spec;
  const sign = spec.order === 'desc' ? -1 : 1;
  const rangeValue = read ?? ((item: T) => item[field]);
  const inBounds = (item: T) => withinBounds(rangeValue(item), spec, sign, compare);
  const sortedBy = () =>
    [...items].sort((a, b) => sign * compare(rangeValue(a), rangeValue(b)) || compare(a.id, b.id));
  if (read !== undefined) return sortedBy().filter(inBounds);

  const key = `${field}\u0000${sign}`;
  const kept = memos.get(key);
  if (kept !== undefined && sameItems(kept, items)) {
    return withinTextBounds(kept.sorted as readonly T[], spec, sign);
  }
  if (!items.every((item) => typeof item[field] === 'string' && typeof item.id === 'string')) {
    return sortedBy().filter(inBounds);
  }
  // All text: a plain string order, the same whatever order the items come in
  // once ids are unique, so a kept order of the same items is the answer.
  const sorted = [...items].sort(
    (a, b) =>
      sign * textOrder(a[field] as string, b[field] as string) ||
      textOrder(a.id as string, b.id as string),
  );
  const positions = new Map<Item, number>(sorted.map((item, index) => [item, index]));
  const ids = new Set(items.map((item) => item.id));
  // Frozen items cannot change their field or id while the order is kept.
  const distinct = positions.size === items.length && ids.size === items.length;
  if (distinct && items.every((item) => Object.isFrozen(item))) {
    memos.set(key, { items: [...items], positions, sorted });
  }
  return withinTextBounds(sorted, spec, sign);
}

/**
 * The run of `sorted` (text, in the range's order) inside the range's bounds:
 * the bounds hold for one contiguous run, found by binary search.
 */
function withinTextBounds<T extends Item>(sorted: readonly T[], spec: RangeSpec, sign: number) {
  const { field, start, end } = spec;
  const valueAt = (index: number) => sorted[index]?.[field] as string;
  const afterStart = (index: number) => {
    if (start === undefined) return true;
    const fromStart = sign * textOrder(valueAt(index), start);
    return fromStart > 0 || (fromStart === 0 && !spec.startExclusive);
  };
  const pastEnd = (index: number) => end !== undefined && sign * textOrder(valueAt(index), end) > 0;

  const low = firstWhere(0, sorted.length, afterStart);
  const high = firstWhere(low, sorted.length, pastEnd);
  return sorted.slice(low, high);
}

/** The first index in `[from, to)` where `test` holds (it holds from there on), or `to`. */
function firstWhere(from: number, to: number, test: (index: number) => boolean): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (test(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** True when `items` are exactly the memo's items, each once. */
function sameItems(memo: Memo, items: readonly Item[]): boolean {
  if (items.length !== memo.sorted.length) return false;
  if (sameOrder(memo.items, items)) return true;
  const seen = new Uint8Array(items.length);
  for (const item of items) {
    const position = memo.positions.get(item);
    if (position === undefined || seen[position] === 1) return false;
    seen[position] = 1;
  }
  return true;
}

function sameOrder(a: readonly Item[], b: readonly Item[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function withinBounds(value: unknown, spec: RangeSpec, sign: number, compare: Compare): boolean {
  if (spec.start !== undefined) {
    const fromStart = sign * compare(value, spec.start);
    if (fromStart < 0 || (fromStart === 0 && spec.startExclusive)) return false;
  }
  if (spec.end !== undefined && sign * compare(value, spec.end) > 0) return false;
  return true;
}

function textOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
