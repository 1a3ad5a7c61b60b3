/**
 * Serialisation of answers with a memory: a stored record's data never changes
 * (a write stores a new frozen object), so its serialised form and JSON text
 * under a given shape are computed once and kept alongside it until the record
 * is replaced or deleted. A list of 10,000 apps read page by page then costs a
 * lookup per app instead of a reshaping and a `JSON.stringify` per app per page.
 */
import type { Shape } from '../schema/shape.js';
import { isStoredData } from '../store/table.js';
import { serialise } from './serialise.js';

interface Serialised {
  readonly shape: Shape;
  readonly value: unknown;
  readonly text: string;
}

/**
 * Serialised forms of stored data by data object: the form under the shape
 * last asked for (most data is only ever served under one), or all of them.
 */
const byData = new WeakMap<object, Serialised | Serialised[]>();

/** JSON text of serialised forms that came from the cache. */
const textOf = new WeakMap<object, string>();

/**
 * `serialise(value, shape)`, reusing the result for stored data. The answer is
 * shared between requests: callers must not change it.
 */
export function serialiseAnswer(value: unknown, shape: Shape | undefined): unknown {
  if (shape?.t !== 'array' || !Array.isArray(value)) return serialiseItem(value, shape);
  const last = lastLists.get(shape);
  if (last !== undefined && sameElements(last.input, value)) return last.output;

  const out: unknown[] = new Array(value.length);
  for (let i = 0; i < value.length; i++) out[i] = serialiseItem(value[i], shape.items);
  if (value.every(isStoredData)) {
    lastLists.set(shape, { input: Object.freeze([...value]), output: Object.freeze(out) });
  }
  return out;
}

/**
 * The last list of stored data answered under each list shape. Pages of one
 * list come from the same records in the same order, and comparing them by
 * reference is far cheaper than looking each one up.
 */
const lastLists = new WeakMap<Shape, { input: readonly unknown[]; output: readonly unknown[] }>();

function sameElements(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * `JSON.stringify(value)` for an answer built by `serialiseAnswer`: the text of
 * cached items is reused, an array is joined from its items' texts, and the
 * text of a recent page made of the same cached items is given again.
 */
export function answerText(value: unknown): string {
  if (!Array.isArray(value)) return cachedText(value) ?? JSON.stringify(value) ?? 'null';
  const recent = recentPages.find((page) => sameElements(page.items, value));
  if (recent !== undefined) return recent.text;

  let allCached = value.length > 0;
  const parts = value.map((item) => {
    const cached = cachedText(item);
    if (cached !== undefined) return cached;
    allCached = false;
    return JSON.stringify(item) ?? 'null';
  });
  const text = `[${parts.join(',')}]`;
  if (allCached) {
    recentPages.push({ items: [...value], text });
    if (recentPages.length > RECENT_PAGES) recentPages.shift();
  }
  return text;
}

/** How many page texts are kept: a 10,000-item list read 1000 at a time fits. */
const RECENT_PAGES = 16;

/** Recent pages made only of cached (frozen) items, oldest first. */
const recentPages: { readonly items: readonly unknown[]; readonly text: string }[] = [];

function cachedText(value: unknown): string | undefined {
  return typeof value === 'object' && value !== null ? textOf.get(value) : undefined;
}

function serialiseItem(value: unknown, shape: Shape | undefined): unknown {
  if (shape === undefined || typeof value !== 'object' || value === null) {
    return serialise(value, shape);
  }
  const cached = byData.get(value);
  if (cached !== undefined && !Array.isArray(cached) && cached.shape === shape) return cached.value;
  if (Array.isArray(cached)) {
    const found = cached.find((entry) => entry.shape === shape);
    if (found !== undefined) return found.value;
  }
  if (!isStoredData(value)) return serialise(value, shape);

  // Frozen, so that a caller changing a shared answer fails instead of corrupting it.
  const out = deepFreeze(serialise(value, shape));
  const entry: Serialised = { shape, value: out, text: JSON.stringify(out) };
  if (typeof out === 'object' && out !== null) textOf.set(out, entry.text);
  byData.set(value, cached === undefined ? entry : [...[cached].flat(), entry]);
  return out;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
