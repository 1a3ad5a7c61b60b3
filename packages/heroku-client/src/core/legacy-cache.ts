/**
 * heroku-client 3's cache option, `{ store, encryptor }`: a store whose `get`
 * takes a node-style callback (memjs, a Redis wrapper) and whose values are
 * strings made by `encryptor.encrypt` (simple-encryptor). Adapted to the
 * client's `CacheStore`.
 */
import type { CachedAnswer, CacheStore } from './cache.js';
import { HerokuUsageError } from './errors.js';

/** A heroku-client 3 store: `get(key, cb(err, value))` and `set(key, value)`. */
export interface LegacyCacheStore {
  get(key: string, callback: (error: unknown, value?: unknown) => void): unknown;
  set(key: string, value: string): unknown;
}

/** Encrypts answers before they reach the store and decrypts them after. */
export interface CacheEncryptor {
  encrypt(value: unknown): string;
  decrypt(value: string): unknown;
}

function isAnswer(value: unknown): value is CachedAnswer {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as CachedAnswer).etag === 'string' &&
    typeof (value as CachedAnswer).body === 'string'
  );
}

function read(store: LegacyCacheStore | CacheStore, key: string): Promise<unknown> {
  if (store.get.length < 2) return Promise.resolve((store as CacheStore).get(key));
  return new Promise((resolve, reject) => {
    (store as LegacyCacheStore).get(key, (error, value) =>
      error ? reject(error) : resolve(value),
    );
  });
}

/** Wraps a callback-style store and an optional encryptor as a `CacheStore`. */
export function adaptLegacyCache(
  store: LegacyCacheStore | CacheStore,
  encryptor: CacheEncryptor | undefined,
): CacheStore {
  if (
    encryptor !== undefined &&
    (typeof encryptor.encrypt !== 'function' || typeof encryptor.decrypt !== 'function')
  ) {
    throw new HerokuUsageError(
      'invalid Heroku option: `cache.encryptor` needs encrypt() and decrypt()',
    );
  }
  return {
    async get(key) {
      const stored = await read(store, key);
      if (stored === undefined || stored === null || stored === '') return undefined;
      let value: unknown = stored;
      if (encryptor !== undefined) value = encryptor.decrypt(String(stored));
      else if (typeof stored === 'string') value = JSON.parse(stored);
      return isAnswer(value) ? value : undefined;
    },
    set(key, answer) {
      const text = encryptor !== undefined ? encryptor.encrypt(answer) : JSON.stringify(answer);
      return store.set(key, text as never);
    },
  };
}
