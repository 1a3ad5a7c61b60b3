/**
 * Who sees what. Catalog records (no owner) are public; an app is seen by its
 * owner and its collaborators; anything hanging off an app is seen by whoever
 * sees the app; everything else by its owner alone. A record the caller cannot
 * see answers exactly like one that does not exist.
 */
import type { Account } from '../accounts/accounts.js';
import type { Store, StoredRecord } from '../store/store.js';

/** Collections whose records grant an account access to their parent app. */
const COLLABORATIONS = ['collaborator', 'team-app-collaborator'];

/** True when `account` may see `record`. */
export function isVisible(store: Store, record: StoredRecord, account: Account): boolean {
  if (record.owner === null || record.owner === account.id) return true;
  if (record.collection === 'app') return collaborates(store, record.id, account);

  const appId = record.parents.app;
  if (appId === undefined) return false;
  const app = store.get('app', appId);
  return app !== undefined && isVisible(store, app, account);
}

/** True when `account` is a collaborator of the app `appId`. */
export function collaborates(store: Store, appId: string, account: Account): boolean {
  return COLLABORATIONS.some((collection) =>
    store.find(collection, { parents: { app: appId } }).some((c) => {
      const user = c.data.user as { email?: unknown; id?: unknown } | null | undefined;
      return user?.email === account.email || user?.id === account.id;
    }),
  );
}
