/**
 * Changing an app's config vars from outside the config-vars link (attaching
 * and detaching add-ons): the change is merged into the app's current config
 * and ends in a new release, made by the deploy workflow's release function.
 */
import type { Account } from '../../accounts/accounts.js';
import type { StoredRecord } from '../../store/store.js';
import type { Services } from '../context.js';
import { currentConfig } from '../workflows/config-store.js';
import { createRelease } from '../workflows/release-core.js';

/** Keys set to a string are set, keys set to `null` are removed. */
export type ConfigChange = Readonly<Record<string, string | null>>;

/** Applies `change` to `app`'s config and makes a release described by `description`. */
export function changeAppConfig(
  services: Services,
  app: StoredRecord,
  user: Pick<Account, 'id' | 'email'>,
  change: ConfigChange,
  description: string,
): StoredRecord {
  const config = { ...currentConfig(services.store, app) };
  for (const [key, value] of Object.entries(change)) {
    if (value === null) delete config[key];
    else config[key] = value;
  }
  return createRelease(services, { app, user, description, config });
}

/** The app's current config vars. */
export function appConfig(services: Services, app: StoredRecord): Record<string, string> {
  return currentConfig(services.store, app);
}
