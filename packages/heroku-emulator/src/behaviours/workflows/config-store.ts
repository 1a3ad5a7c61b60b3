/**
 * Where config vars live: one `config-var` record per app holding the current
 * map (the generic config-var links find it too), and a frozen copy per release
 * in an internal collection, so that `GET .../releases/{v}/config-vars` and
 * rollbacks see the config as it was.
 */

import { setOwn } from '../../shapes/own-members.js';
import type { JsonObject, Store, StoredRecord } from '../../store/store.js';
import { uuidFrom } from '../generic.js';

/** A config var map. */
export type ConfigVars = Record<string, string>;

/** Internal collection of per-release config; no route serves it directly. */
const RELEASE_CONFIG = '_release-config';

/** The app's current config vars. */
export function currentConfig(store: Store, app: StoredRecord): ConfigVars {
  return toVars(store.get('config-var', configId(app))?.data);
}

/** Replaces the app's current config vars. */
export function storeConfig(store: Store, app: StoredRecord, vars: ConfigVars): void {
  store.put({
    collection: 'config-var',
    id: configId(app),
    data: { ...vars },
    parents: { app: app.id },
    owner: app.owner,
  });
}

/** Freezes `vars` as the config of `release`. */
export function storeReleaseConfig(store: Store, release: StoredRecord, vars: ConfigVars): void {
  store.put({
    collection: RELEASE_CONFIG,
    id: release.id,
    data: { ...vars },
    parents: { ...release.parents, release: release.id },
    owner: release.owner,
  });
}

/** The config vars `release` was made with. */
export function releaseConfig(store: Store, release: StoredRecord): ConfigVars {
  return toVars(store.get(RELEASE_CONFIG, release.id)?.data);
}

function configId(app: StoredRecord): string {
  return uuidFrom(`config-var:${app.id}`);
}

function toVars(data: JsonObject | undefined): ConfigVars {
  const vars: ConfigVars = {};
  for (const [key, value] of Object.entries(data ?? {})) {
    if (typeof value === 'string') setOwn(vars, key, value);
  }
  return vars;
}
