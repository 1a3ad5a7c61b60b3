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
  const out: unknown[] = new Array(value.length);
  for (let i = 0; i < value.length; i++) out[i] = serialiseItem(value[i], shape.items);
  return out;
}

/**
 * `JSON.stringify(value)` for an answer built by `serialiseAnswer`: the text of
 * cached items is reused, and an array is joined from its items' texts.
 */
export function answerText(value: unknown): string {
  if (!Array.isArray(value)) return textFor(value) ?? 'null';
  const parts = value.map((item) => textFor(item) ?? 'null');
  return `[${parts.join(',')}]`;
}

function textFor(value: unknown): string | undefined {
  const cached = typeof value === 'object' && value !== null ? textOf.get(value) : undefined;
  return cached ?? (JSON.stringify(value) as string | undefined);
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
