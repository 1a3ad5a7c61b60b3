/**
 * Changing an app's config vars from outside the config-vars link (attaching
 * and detaching add-ons), through the deploy workflow's own step: the change
 * is merged into the app's config and ends in a release.
 */
import type { Account } from '../../accounts/accounts.js';
import type { StoredRecord } from '../../store/store.js';
import type { Services } from '../context.js';
import { changeConfigVars } from '../workflows/index.js';

/** Keys set to a string are set, keys set to `null` are removed. */
export type ConfigChange = Readonly<Record<string, string | null>>;

/** Applies `change` to `app`'s config with a release described by `description`. */
export function changeAppConfig(
  services: Services,
  app: StoredRecord,
  user: Pick<Account, 'id' | 'email'>,
  change: ConfigChange,
  description: string,
): void {
  changeConfigVars(services, app, change, user, description);
}
