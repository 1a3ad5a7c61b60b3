/**
 * A new app as Heroku makes it: its name (given or generated) claimed across
 * all accounts, the region and stack resolved from the catalog (defaults `us`
 * and the default stack), `web_url` on a unique herokuapp.com host, `git_url`
 * on git.heroku.com, the caller as owner, and releases v1 "Initial release"
 * and v2 "Enable Logplex".
 */

import { randomBytes, randomUUID } from 'node:crypto';
import type { Account } from '../../accounts/accounts.js';
import { notFound } from '../../http/errors.js';
import type { JsonObject, Store, StoredRecord } from '../../store/store.js';
import type { Services } from '../context.js';
import { ensureDefaultDomain } from '../platform/domains.js';
import { byUser, logApi } from './app-log.js';
import { claimAppName, generateAppName } from './app-names.js';
import { storeConfig } from './config-store.js';
import { stringAt } from './records.js';
import { createRelease } from './release-core.js';

/** What a new app may be given. */
export interface AppInput {
  readonly name?: string;
  readonly region?: string;
  readonly stack?: string;
  /** Team apps: the team reference and whether the app is locked. */
  readonly team?: JsonObject | null;
  readonly space?: JsonObject | null;
  readonly internal_routing?: boolean | null;
}

/** Creates an app owned by `account` and returns its record. */
export function createApp(services: Services, account: Account, input: AppInput): StoredRecord {
  const { store } = services;
  const name = input.name ?? generateAppName(store);
  claimAppName(store, name);
  const region = catalogEntry(store, 'region', input.region ?? 'us');
  const stack = catalogEntry(store, 'stack', input.stack ?? defaultStack(store));
  const stamp = services.now().toISOString();
  const stackRef = { id: stack.id, name: stack.data.name };

  const data: JsonObject = {
    acm: false,
    archived_at: null,
    base_image_name: null,
    build_stack: stackRef,
    buildpack_provided_description: null,
    buildpacks: null,
    created_at: stamp,
    current_build_architecture: [],
    generation: 'cedar',
    git_url: gitUrl(name),
    id: randomUUID(),
    internal_routing: input.internal_routing ?? null,
    maintenance: false,
    name,
    owner: { email: account.email, id: account.id },
    organization: input.team ?? null,
    team: input.team ?? null,
    region: { id: region.id, name: region.data.name },
    released_at: null,
    repo_size: null,
    slug_size: null,
    space: input.space ?? null,
    stack: stackRef,
    updated_at: stamp,
    web_url: webUrl(name, randomBytes(6).toString('hex')),
  };
  const app: StoredRecord = {
    collection: 'app',
    id: String(data.id),
    data,
    parents: {},
    owner: account.id,
  };
  store.put(app);
  storeConfig(store, app, {});
  ensureDefaultDomain(services, app);

  logApi(services, app.id, `Initial release ${byUser(account.email)}`);
  createRelease(services, { app, user: account, description: 'Initial release' });
  logApi(services, app.id, `Enable Logplex ${byUser(account.email)}`);
  createRelease(services, { app, user: account, description: 'Enable Logplex' });
  return store.get('app', app.id) ?? app;
}

/** `https://<name>-<12 hex>.herokuapp.com/`. */
export function webUrl(name: string, hex: string): string {
  return `https://${name}-${hex}.herokuapp.com/`;
}

/** The 12-hex host suffix of an app's `web_url`, kept across renames. */
export function webUrlSuffix(app: StoredRecord): string {
  const match = /-([0-9a-f]{12})\.herokuapp\.com/.exec(stringAt(app.data, 'web_url') ?? '');
  return match?.[1] ?? randomBytes(6).toString('hex');
}

/** `https://git.heroku.com/<name>.git`. */
export function gitUrl(name: string): string {
  return `https://git.heroku.com/${name}.git`;
}

/** The catalog record of `collection` with that id or name; 404 naming it otherwise. */
export function catalogEntry(store: Store, collection: string, value: string): StoredRecord {
  const found = store
    .find(collection)
    .find((r) => r.owner === null && (r.id === value || r.data.name === value));
  if (found === undefined) throw notFound(collection);
  return found;
}

function defaultStack(store: Store): string {
  const stacks = store.find('stack').filter((s) => s.owner === null);
  return String((stacks.find((s) => s.data.default === true) ?? stacks[0])?.data.name ?? '');
}
