/**
 * Free-form maps (config vars, process types, metadata) take any key a caller
 * sends, `constructor`, `toString` and `__proto__` included. Such keys are
 * read as the map's own members, never as members every object inherits, and
 * written as plain data members: assigning `__proto__` would replace the
 * object's prototype instead of adding a key.
 */

/** `object[key]` when `key` is an own member of `object`, else `undefined`. */
export function ownValue(object: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** Sets `key` on `object` as an own data member, whatever the key. */
export function setOwn<T>(object: Record<string, T>, key: string, value: T): void {
  // Only `__proto__` is an accessor on Object.prototype; every other key assigns plainly.
  if (key === '__proto__') {
    Object.defineProperty(object, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  } else {
    object[key] = value;
  }
}
