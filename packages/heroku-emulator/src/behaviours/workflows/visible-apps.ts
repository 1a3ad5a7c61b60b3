/**
 * The apps an account sees: its own, those it collaborates on and its teams'
 * (`isVisible`), oldest first. A long list is read page by page, each page
 * asking for the whole list again, so the answer is kept per store and account
 * while none of the collections it is derived from has changed.
 */
import type { Account } from '../../accounts/accounts.js';
import type { JsonObject, Store } from '../../store/store.js';
import { isVisible } from '../access.js';

/** Everything `isVisible` reads for an app. */
const DERIVED_FROM = ['app', 'collaborator', 'team-app-collaborator', 'team-member'];

interface Kept {
  /** The revisions of `DERIVED_FROM` the apps were computed at. */
  readonly at: string;
  readonly apps: readonly JsonObject[];
}

const kept = new WeakMap<Store, Map<string, Kept>>();

/** The data of the apps `account` sees, oldest first (shared: do not change it). */
export function visibleApps(store: Store, account: Account): readonly JsonObject[] {
  const at = DERIVED_FROM.map((collection) => store.revision(collection)).join(':');
  let byAccount = kept.get(store);
  if (byAccount === undefined) {
    byAccount = new Map();
    kept.set(store, byAccount);
  }
  const known = byAccount.get(account.id);
  if (known?.at === at) return known.apps;

  const apps = Object.freeze(
    store
      .find('app')
      .filter((app) => isVisible(store, app, account))
      .map((app) => app.data),
  );
  byAccount.set(account.id, { at, apps });
  return apps;
}
