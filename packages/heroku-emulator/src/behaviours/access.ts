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
  if (record.collection === 'app') {
    return collaborates(store, record.id, account) || teamMember(store, record.data.team, account);
  }
  if (record.collection === 'team') return teamMember(store, { id: record.id }, account);
  const teamId = record.parents.team;
  if (teamId !== undefined && record.parents.app === undefined) {
    return teamMember(store, { id: teamId }, account);
  }

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

/** True when `account` is a member of the team `team` (a `{ id }` reference) names. */
function teamMember(store: Store, team: unknown, account: Account): boolean {
  const id = (team as { id?: unknown } | null | undefined)?.id;
  if (typeof id !== 'string') return false;
  return store
    .find('team-member', { parents: { team: id } })
    .some((m) => (m.data.user as { id?: unknown } | undefined)?.id === account.id);
}
