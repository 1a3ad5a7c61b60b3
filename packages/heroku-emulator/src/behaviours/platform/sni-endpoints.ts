/**
 * SNI endpoints: an uploaded certificate chain and private key serving HTTPS
 * for an app's custom domains. Creating or updating one checks the pair and
 * reports the certificate's facts (`ssl_cert`); the endpoint gets a generated
 * name such as `tokyo-1050`. Its `domains` are the app's custom domains linked
 * to it, plus the unlinked ones its certificate covers, read at answer time so
 * that domains added later show up. The private key is checked, never stored.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { invalidParams } from '../../http/errors.js';
import type { JsonObject, Store, StoredRecord } from '../../store/store.js';
import type { Behaviour, BehaviourContext, BehaviourResult } from '../context.js';
import { bodyOf, isObject, pick, ref, stringAt } from './common.js';
import { covers, readCertificate } from './sni-certificate.js';

/** SNI endpoint handlers by link id. */
export const sniEndpointBehaviours: Readonly<Record<string, Behaviour>> = {
  'sni-endpoint.create': createEndpoint,
  'sni-endpoint.list': listEndpoints,
  'sni-endpoint.info': showEndpoint,
  'sni-endpoint.update': updateEndpoint,
  'sni-endpoint.delete': deleteEndpoint,
};

/** First words of generated endpoint names, as in Heroku's `tokyo-1050`. */
const NAME_WORDS = [
  'akita',
  'fukuoka',
  'hiroshima',
  'kobe',
  'kyoto',
  'nagano',
  'nagoya',
  'nara',
  'niigata',
  'okayama',
  'osaka',
  'sapporo',
  'sendai',
  'shizuoka',
  'tokyo',
  'yokohama',
];

/** The pattern Heroku gives display names. */
const DISPLAY_NAME = /^[a-z][a-z0-9-]{2,29}$/;

function createEndpoint(ctx: BehaviourContext): BehaviourResult {
  const { store } = ctx.services;
  const app = ctx.resolve('app_id_or_name');
  const body = bodyOf(ctx);
  const { chain, sslCert } = checkedPair(body);
  const stamp = ctx.services.now().toISOString();
  const id = randomUUID();
  const data: JsonObject = {
    app: ref(app),
    certificate_chain: chain,
    created_at: stamp,
    display_name: displayName(body, null),
    domains: [],
    id,
    name: freshName(store),
    ssl_cert: sslCert,
    updated_at: stamp,
  };
  const record = {
    collection: 'sni-endpoint',
    id,
    data,
    parents: { app: app.id },
    owner: app.owner,
  };
  store.put(record);
  return { status: 201, body: view(store, record) };
}

function listEndpoints(ctx: BehaviourContext): BehaviourResult {
  const { store } = ctx.services;
  const app = ctx.resolve('app_id_or_name');
  const endpoints = store.find('sni-endpoint', { parents: { app: app.id } });
  return { body: endpoints.map((endpoint) => view(store, endpoint)) };
}

function showEndpoint(ctx: BehaviourContext): BehaviourResult {
  return { body: view(ctx.services.store, ctx.resolve('sni_endpoint_id_or_name')) };
}

function updateEndpoint(ctx: BehaviourContext): BehaviourResult {
  const { store } = ctx.services;
  const endpoint = ctx.resolve('sni_endpoint_id_or_name');
  const body = bodyOf(ctx);
  const { chain, sslCert } = checkedPair(body);
  const data: JsonObject = {
    ...endpoint.data,
    certificate_chain: chain,
    display_name: displayName(body, endpoint.data.display_name ?? null),
    ssl_cert: sslCert,
    updated_at: ctx.services.now().toISOString(),
  };
  const record = { ...endpoint, data };
  store.put(record);
  return { body: view(store, record) };
}

/** Removes the endpoint; the domains that named it are served by none. */
function deleteEndpoint(ctx: BehaviourContext): BehaviourResult {
  const { store } = ctx.services;
  const endpoint = ctx.resolve('sni_endpoint_id_or_name');
  const answer = view(store, endpoint);
  const stamp = ctx.services.now().toISOString();
  for (const domain of appDomains(store, endpoint)) {
    if (linkedTo(domain) !== endpoint.id) continue;
    store.put({ ...domain, data: { ...domain.data, sni_endpoint: null, updated_at: stamp } });
  }
  store.delete(endpoint.collection, endpoint.id);
  return { body: answer };
}

/** The body's chain and key, checked; the chain is kept as sent. */
function checkedPair(body: JsonObject): { chain: string; sslCert: JsonObject } {
  const chain = body.certificate_chain;
  const key = body.private_key;
  if (typeof chain !== 'string' || chain.trim() === '') {
    throw invalidParams('certificate_chain is required.');
  }
  if (typeof key !== 'string' || key.trim() === '') throw invalidParams('private_key is required.');
  return { chain, sslCert: readCertificate(chain, key) };
}

/** The body's `display_name` when it has one (checked), else `current`. */
function displayName(body: JsonObject, current: unknown): unknown {
  if (!('display_name' in body)) return current;
  const value = body.display_name;
  if (value === null) return null;
  if (typeof value !== 'string' || !DISPLAY_NAME.test(value)) {
    throw invalidParams(
      'display_name must start with a lowercase letter and hold 3 to 30 lowercase letters, digits and dashes.',
    );
  }
  return value;
}

/** A name no SNI endpoint has yet (`<word>-<4 digits>`). */
function freshName(store: Store): string {
  for (;;) {
    const name = `${pick(NAME_WORDS)}-${randomInt(1000, 10000)}`;
    if (store.findBy('sni-endpoint', ['name'], name).length === 0) return name;
  }
}

/** The endpoint as answered, with its `domains` as they are now. */
function view(store: Store, endpoint: StoredRecord): JsonObject {
  const sslCert = endpoint.data.ssl_cert;
  const raw = isObject(sslCert) ? sslCert.cert_domains : undefined;
  const certDomains = Array.isArray(raw) ? raw.filter((d) => typeof d === 'string') : [];
  const domains = appDomains(store, endpoint)
    .filter((domain) => {
      const linked = linkedTo(domain);
      if (linked !== undefined) return linked === endpoint.id;
      return covers(certDomains, String(domain.data.hostname ?? ''));
    })
    .map((domain) => domain.id);
  return { ...endpoint.data, domains };
}

/** The custom domains of the endpoint's app. */
function appDomains(store: Store, endpoint: StoredRecord): StoredRecord[] {
  const appId = endpoint.parents.app;
  if (appId === undefined) return [];
  return store
    .find('domain', { parents: { app: appId } })
    .filter((domain) => domain.data.kind !== 'heroku');
}

/** The id of the SNI endpoint a domain names, if any. */
function linkedTo(domain: StoredRecord): string | undefined {
  return stringAt(domain.data.sni_endpoint, 'id');
}
