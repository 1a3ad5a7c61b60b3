/**
 * The ETag cache: off by default. Answers to GET requests that carry an ETag
 * are stored; the next identical request sends If-None-Match and a 304 is
 * answered from the store. Keys name the token by its hash, never the token.
 */
import { HerokuUsageError } from './errors.js';
import { adaptLegacyCache, type CacheEncryptor, type LegacyCacheStore } from './legacy-cache.js';

/** One stored answer. */
export interface CachedAnswer {
  readonly etag: string;
  readonly status: number;
  /** Response headers, names in lower case (Next-Range included, so pages chain). */
  readonly headers: Readonly<Record<string, string>>;
  /** The body text as it arrived. */
  readonly body: string;
}

/**
 * Any store with get and set, synchronous or not: the built-in LRU, or a shared
 * one such as Redis behind a small adapter, so a fleet can share a cache.
 */
export interface CacheStore {
  get(key: string): CachedAnswer | undefined | Promise<CachedAnswer | undefined>;
  set(key: string, value: CachedAnswer): unknown;
}

/**
 * The `cache` option: `true` for an in-memory LRU, a store, or `{ store, max }`.
 * heroku-client 3's `{ store, encryptor }` with a callback-style store works too.
 */
export type CacheOption =
  | boolean
  | CacheStore
  | {
      readonly store?: CacheStore | LegacyCacheStore | undefined;
      readonly max?: number | undefined;
      readonly encryptor?: CacheEncryptor | undefined;
    };

/** An in-memory least-recently-used store. */
export class MemoryCacheStore implements CacheStore {
  readonly #max: number;
  readonly #entries = new Map<string, CachedAnswer>();

  /** @param max the number of answers kept (default 500). */
  constructor(max = 500) {
    if (!Number.isInteger(max) || max < 1)
      throw new HerokuUsageError('cache size must be a positive integer');
    this.#max = max;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(key: string): CachedAnswer | undefined {
    const entry = this.#entries.get(key);
    if (entry !== undefined) {
      // Re-inserting moves the key to the end: Map order is the recency order.
      this.#entries.delete(key);
      this.#entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, value: CachedAnswer): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.#max) {
      const oldest = this.#entries.keys().next();
      if (oldest.done !== true) this.#entries.delete(oldest.value);
    }
  }
}

function isStore(value: unknown): value is CacheStore {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as CacheStore).get === 'function' &&
    typeof (value as CacheStore).set === 'function'
  );
}

/** Turns the `cache` option into a store, or undefined when caching is off. */
export function createCacheStore(option: CacheOption | undefined): CacheStore | undefined {
  if (option === undefined || option === false) return undefined;
  if (option === true) return new MemoryCacheStore();
  if (isStore(option)) return option;
  if (typeof option !== 'object' || option === null) {
    throw new HerokuUsageError('`cache` must be true, a store with get/set, or { store, max }');
  }
  const { store, encryptor } = option;
  if (store === undefined) return new MemoryCacheStore(option.max);
  if (!isStore(store)) {
    throw new HerokuUsageError('`cache.store` must have get(key) and set(key, value) methods');
  }
  // A two-argument get is heroku-client 3's callback style.
  if (encryptor !== undefined || store.get.length >= 2) return adaptLegacyCache(store, encryptor);
  return store;
}

/** The cache key of a request: token identity, variant, path with query, and Range. */
export function cacheKey(identity: string, accept: string, path: string, range: string): string {
  return `${identity} ${accept} ${range} ${path}`;
}

/**
 * The headers of an answer served from the store after a 304. The 304 stands
 * in for the stored body only: its request id and RateLimit-Remaining are the
 * API's now, while the stored ones describe an older request, and a stale budget
 * would tell a caller to go on when it is about to be limited.
 */
export function revalidatedHeaders(
  cached: CachedAnswer,
  answer: Readonly<Record<string, string>>,
): Record<string, string> {
  const { 'ratelimit-remaining': _stale, ...headers } = cached.headers;
  const remaining = answer['ratelimit-remaining'];
  const requestId = answer['request-id'];
  return {
    ...headers,
    ...(remaining === undefined ? {} : { 'ratelimit-remaining': remaining }),
    ...(requestId === undefined ? {} : { 'request-id': requestId }),
  };
}
