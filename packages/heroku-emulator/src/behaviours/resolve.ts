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

  return store.find(slot.resource).find((record) => {
    if (!consistent(record, parents)) return false;
    if (!slot.keys.some((key) => key !== 'self' && matchesKey(record.data[key], value))) {
      return false;
    }
    return isVisible(store, record, account);
  });
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
