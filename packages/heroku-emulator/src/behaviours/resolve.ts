/**
 * Resolves the path values of a request to records. A slot matches a record by
 * any of its identity keys (an app by id or name, a release by id or version),
 * `~` is the caller, and a value the caller cannot see is a 404 naming the
 * resource, like a value that matches nothing.
 */
import type { Account } from '../accounts/accounts.js';
import { notFound } from '../http/errors.js';
import type { RouteLink, RouteSlot } from '../link.js';
import type { Store, StoredRecord } from '../store/store.js';
import { isVisible } from './access.js';

/** The records a request's slots name, in path order. */
export type Resolved = Map<string, StoredRecord>;

/** Finds the record for `value` in `slot`, among records consistent with `parents`. */
export function findBySlot(
  store: Store,
  slot: RouteSlot,
  value: string,
  parents: Readonly<Record<string, string>>,
  account: Account,
): StoredRecord | undefined {
  if (slot.keys.includes('self') && value === '~') return store.get('account', account.id);

  const keys = slot.keys.flatMap((key) => [key, ...(KEY_ALIASES[key] ?? [])]);
  const collections = [...new Set([collectionOf(slot.resource), slot.resource])];
  const allowed = (record: StoredRecord) =>
    consistent(record, parents) && isVisible(store, record, account);
  const test = (record: StoredRecord) => {
    if (!consistent(record, parents)) return false;
    const matches = (key: string) =>
      key !== 'self' && valuesAt(record, key).some((stored) => matchesKey(stored, value));
    return keys.some(matches) && isVisible(store, record, account);
  };
  const ownKeys = keys.filter((key) => key !== 'self');
  for (const collection of collections) {
    // Most values are ids: look those up directly before searching by other keys.
    const byId = keys.includes('id') ? store.get(collection, value) : undefined;
    if (byId !== undefined && test(byId)) return byId;
    const found = nestsAny(collection, ownKeys)
      ? store.findOne(collection, test)
      : store.findBy(collection, ownKeys, value).find(test);
    if (found !== undefined) return found;
    const caseless = findCaseless(store, collection, ownKeys, value, allowed);
    if (caseless !== undefined) return caseless;
  }
  return undefined;
}

/**
 * Keys matched in any letter case when no exact match exists: the CLI spells
 * dyno sizes `Standard-2X` where the catalog says `standard-2X`, and the
 * formation already takes sizes in any case.
 */
const CASELESS_KEYS: Readonly<Record<string, readonly string[]>> = {
  'dyno-size': ['name'],
};

function findCaseless(
  store: Store,
  collection: string,
  keys: readonly string[],
  value: string,
  allowed: (record: StoredRecord) => boolean,
): StoredRecord | undefined {
  const caseless = (CASELESS_KEYS[collection] ?? []).filter((key) => keys.includes(key));
  if (caseless.length === 0) return undefined;
  const wanted = value.toLowerCase();
  return store.findOne(
    collection,
    (record) =>
      caseless.some((key) => {
        const stored = record.data[key];
        return typeof stored === 'string' && stored.toLowerCase() === wanted;
      }) && allowed(record),
  );
}

/** True when some of `keys` live inside a reference in `collection` (no index covers those). */
function nestsAny(collection: string, keys: readonly string[]): boolean {
  const nested = NESTED_KEYS[collection];
  return nested !== undefined && keys.some((key) => nested[key] !== undefined);
}

/**
 * Slot resources kept in another resource's collection: a team app is an app,
 * and a team app's collaborators are the app's collaborators.
 */
const COLLECTION_ALIASES: Readonly<Record<string, string>> = {
  'team-app': 'app',
  'team-app-collaborator': 'collaborator',
};

/** The collection the records of a slot's resource live in. */
export function collectionOf(resource: string): string {
  return COLLECTION_ALIASES[resource] ?? resource;
}

/**
 * Identity keys that stand for several properties: a log drain is named by its
 * id, URL or token; an attachment under an app by its id or its name there.
 */
const KEY_ALIASES: Readonly<Record<string, readonly string[]>> = {
  query_identity: ['id', 'url', 'token'],
  scopedIdentity: ['id', 'name'],
};

/** Keys that live inside a reference: a collaborator's email is its user's. */
const NESTED_KEYS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  collaborator: { email: 'user' },
};

/** The values a record may be named by for `key`: its own and, for nested keys, its reference's. */
function valuesAt(record: StoredRecord, key: string): unknown[] {
  const holder = NESTED_KEYS[record.collection]?.[key];
  const nested = holder === undefined ? undefined : record.data[holder];
  if (typeof nested !== 'object' || nested === null) return [record.data[key]];
  return [record.data[key], (nested as Record<string, unknown>)[key]];
}

/** Resolves every slot of `link` in order; throws 404 for the first that fails. */
export function resolveSlots(
  store: Store,
  link: RouteLink,
  params: Readonly<Record<string, string>>,
  account: Account,
): Resolved {
  const resolved: Resolved = new Map();
  const parents: Record<string, string> = {};

  for (const slot of link.slots) {
    // Hrefs that spell `~` literally still list it as a slot; it names the caller.
    const value = params[slot.name] ?? (slot.keys.includes('self') ? '~' : '');
    const record = findBySlot(store, slot, value, parents, account);
    if (record === undefined) throw notFound(slot.resource);
    resolved.set(slot.name, record);
    parents[record.collection] = record.id;
  }
  return resolved;
}

/** The parent ids a resolved path implies, by collection. */
export function parentsOf(resolved: Resolved): Record<string, string> {
  const parents: Record<string, string> = {};
  for (const record of resolved.values()) parents[record.collection] = record.id;
  return parents;
}

/** True when `record` does not contradict any of the known parents. */
export function consistent(record: StoredRecord, parents: Readonly<Record<string, string>>) {
  return Object.entries(parents).every(
    ([resource, id]) => record.parents[resource] === undefined || record.parents[resource] === id,
  );
}

function matchesKey(stored: unknown, value: string): boolean {
  if (stored === undefined || stored === null) return false;
  if (typeof stored === 'object') return false;
  return String(stored) === value;
}
