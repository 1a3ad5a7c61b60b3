/**
 * Domains: every app has its default domain of kind `heroku` (the host of its
 * `web_url`, following renames), listed from the start and stored once
 * anything is written; custom domains
 * get a generated DNS target (`<words>-<hex>.herokudns.com`), start `pending`
 * and turn `succeeded`. A hostname belongs to one app across all accounts.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { invalidParams, notFound } from '../../http/errors.js';
import type { JsonObject, StoredRecord } from '../../store/store.js';
import type { Behaviour, BehaviourContext, BehaviourResult, Services } from '../context.js';
import { uuidFrom } from '../generic.js';
import {
  adjective,
  bodyOf,
  noun,
  putRecord,
  ref,
  requiredString,
  saveData,
  stringAt,
} from './common.js';

/** How long a custom domain stays `pending`. */
export const DOMAIN_SETUP_MS = 50;

/** Hostnames: dot-separated labels, an optional leading wildcard. */
const HOSTNAME = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/;

/** Domain handlers by link id. */
export const domainBehaviours: Readonly<Record<string, Behaviour>> = {
  'domain.list': listDomains,
  'domain.create': createDomain,
  'domain.update': updateDomain,
  'domain.delete': deleteDomain,
};

/** The host of an app's `web_url` (`<name>-<hex>.herokuapp.com`). */
function defaultHostname(app: StoredRecord): string {
  const webUrl = stringAt(app.data, 'web_url');
  try {
    if (webUrl !== undefined) return new URL(webUrl).hostname;
  } catch {
    // A web_url that is not a URL falls back to the classic host.
  }
  return `${String(app.data.name)}.herokuapp.com`;
}

/**
 * Makes sure `app` has its `heroku` domain stored, on the host of its current
 * `web_url`, and returns it. Writes only when something changes; app creation
 * may call it so that the default domain is there from the start.
 */
export function ensureDefaultDomain(services: Services, app: StoredRecord): StoredRecord {
  const { store } = services;
  const domain = defaultDomain(services, app);
  const stored = store.get('domain', domain.id);
  if (stored === undefined || JSON.stringify(stored.data) !== JSON.stringify(domain.data)) {
    store.put(domain);
  }
  return domain;
}

/**
 * The app's `heroku` domain as it is now: the stored one with its hostname
 * following the app's `web_url` (renames), or a fresh one with a stable id.
 */
function defaultDomain(services: Services, app: StoredRecord): StoredRecord {
  const hostname = defaultHostname(app);
  const stored = services.store
    .find('domain', { parents: { app: app.id } })
    .find((d) => d.data.kind === 'heroku');
  if (stored !== undefined) {
    return { ...stored, data: { ...stored.data, hostname, app: ref(app) } };
  }
  const id = uuidFrom(`heroku-domain:${app.id}`);
  const stamp = String(app.data.created_at ?? services.now().toISOString());
  return {
    collection: 'domain',
    id,
    data: {
      acm_status: null,
      acm_status_reason: null,
      app: ref(app),
      cname: null,
      created_at: stamp,
      hostname,
      id,
      kind: 'heroku',
      sni_endpoint: null,
      status: 'none',
      updated_at: stamp,
    },
    parents: { app: app.id },
    owner: app.owner,
  };
}

/** The default domain first, then the custom ones; reading writes nothing. */
function listDomains(ctx: BehaviourContext): BehaviourResult {
  const app = ctx.resolve('app_id_or_name');
  const custom = ctx.services.store
    .find('domain', { parents: { app: app.id } })
    .filter((d) => d.data.kind !== 'heroku');
  return { body: [defaultDomain(ctx.services, app).data, ...custom.map((d) => d.data)] };
}

function createDomain(ctx: BehaviourContext): BehaviourResult {
  const { services } = ctx;
  const { store } = services;
  const app = ctx.resolve('app_id_or_name');
  ensureDefaultDomain(services, app);
  const body = bodyOf(ctx);
  const hostname = requiredString(body, 'hostname').toLowerCase();
  if (!HOSTNAME.test(hostname)) throw invalidParams(`${hostname} is not a valid hostname.`);
  if (hostname.endsWith('.herokuapp.com')) {
    throw invalidParams(`${hostname} is a Heroku domain and cannot be added.`);
  }
  const holders = store.findBy('domain', ['hostname'], hostname);
  if (holders.some((d) => d.data.hostname === hostname)) {
    throw invalidParams(`${hostname} is currently in use by another app.`);
  }

  const stamp = services.now().toISOString();
  const id = randomUUID();
  const data: JsonObject = {
    acm_status: null,
    acm_status_reason: null,
    app: ref(app),
    cname: `${adjective()}-${noun()}-${randomBytes(8).toString('hex')}.herokudns.com`,
    created_at: stamp,
    hostname,
    id,
    kind: 'custom',
    sni_endpoint: sniEndpointRef(ctx, app, body.sni_endpoint),
    status: 'pending',
    updated_at: stamp,
  };
  putRecord(store, { collection: 'domain', id, data, parents: { app: app.id }, owner: app.owner });
  services.defer(() => {
    const current = store.get('domain', id);
    if (current === undefined || current.data.status !== 'pending') return;
    saveData(store, current, { ...current.data, status: 'succeeded' });
  }, DOMAIN_SETUP_MS);
  return { status: 201, body: data };
}

function updateDomain(ctx: BehaviourContext): BehaviourResult {
  const app = ctx.resolve('app_id_or_name');
  const domain = ctx.resolve('domain_id_or_hostname');
  const data = {
    ...domain.data,
    sni_endpoint: sniEndpointRef(ctx, app, bodyOf(ctx).sni_endpoint),
    updated_at: ctx.services.now().toISOString(),
  };
  return { body: saveData(ctx.services.store, domain, data) };
}

function deleteDomain(ctx: BehaviourContext): BehaviourResult {
  const domain = ctx.resolve('domain_id_or_hostname');
  if (domain.data.kind === 'heroku') {
    throw invalidParams('The default Heroku domain of an app cannot be removed.');
  }
  ctx.services.store.delete(domain.collection, domain.id);
  return { body: domain.data };
}

/** `{ id, name }` of the app's SNI endpoint a body names, or `null`. */
function sniEndpointRef(
  ctx: BehaviourContext,
  app: StoredRecord,
  value: unknown,
): JsonObject | null {
  const wanted =
    typeof value === 'string' ? value : (stringAt(value, 'id') ?? stringAt(value, 'name'));
  if (wanted === undefined || wanted === '') return null;
  const endpoint = ctx.services.store
    .find('sni-endpoint', { parents: { app: app.id } })
    .find((e) => e.id === wanted || e.data.name === wanted);
  if (endpoint === undefined) throw notFound('sni-endpoint');
  return ref(endpoint);
}
