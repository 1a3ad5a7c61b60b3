/**
 * Small helpers the workflow behaviours share: reading a stored app, the
 * caller as a `user` reference, and plain-object checks at the JSON boundary.
 */
import type { Account } from '../../accounts/accounts.js';
import { notFound } from '../../http/errors.js';
import type { JsonObject, Store, StoredRecord } from '../../store/store.js';

/** A `{ id, email }` reference to an account, as releases and builds carry it. */
export function userRef(account: Pick<Account, 'id' | 'email'>): JsonObject {
  return { id: account.id, email: account.email };
}

/** A `{ id, name }` reference to an app. */
export function appRef(app: StoredRecord): JsonObject {
  return { id: app.id, name: app.data.name };
}

/** The app with id `appId`; a 404 when it has gone. */
export function appById(store: Store, appId: string): StoredRecord {
  const app = store.get('app', appId);
  if (app === undefined) throw notFound('app');
  return app;
}

/** Records of `collection` hanging off `app`, oldest first. */
export function childrenOf(store: Store, collection: string, app: StoredRecord): StoredRecord[] {
  return store.find(collection, { parents: { app: app.id } });
}

/** Stores `data` as the new content of `record` and returns it. */
export function save(store: Store, record: StoredRecord, data: JsonObject): JsonObject {
  store.put({ ...record, data });
  return data;
}

/** True for a JSON object (not an array, not null). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The string at `key` of a JSON object, or `undefined`. */
export function stringAt(value: unknown, key: string): string | undefined {
  if (!isObject(value)) return undefined;
  const item = value[key];
  return typeof item === 'string' ? item : undefined;
}
