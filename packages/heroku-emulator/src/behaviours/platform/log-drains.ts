/**
 * Log drains: a URL (syslog, syslog+tls, http or https) added to an app once,
 * with a generated token `d.<uuid>`. A drain is named by its id, URL or token.
 */
import { randomUUID } from 'node:crypto';
import { invalidParams } from '../../http/errors.js';
import type { JsonObject } from '../../store/store.js';
import type { Behaviour, BehaviourContext, BehaviourResult } from '../context.js';
import { bodyOf, putRecord, ref, requiredString } from './common.js';

/** Schemes a drain URL may use. */
const SCHEMES = new Set(['syslog:', 'syslog+tls:', 'https:', 'http:']);

/** Log drain handlers by link id. */
export const logDrainBehaviours: Readonly<Record<string, Behaviour>> = {
  'log-drain.create': createDrain,
};

function createDrain(ctx: BehaviourContext): BehaviourResult {
  const { store } = ctx.services;
  const app = ctx.resolve('app_id_or_name');
  const url = requiredString(bodyOf(ctx), 'url');
  let scheme: string;
  try {
    scheme = new URL(url).protocol;
  } catch {
    throw invalidParams('Url is invalid.');
  }
  if (!SCHEMES.has(scheme))
    throw invalidParams('Url must be a syslog, syslog+tls, http or https URL.');
  if (store.find('log-drain', { parents: { app: app.id } }).some((d) => d.data.url === url)) {
    throw invalidParams('Url has already been taken.');
  }
  const stamp = ctx.services.now().toISOString();
  const id = randomUUID();
  const data: JsonObject = {
    addon: null,
    app: ref(app),
    created_at: stamp,
    id,
    token: `d.${randomUUID()}`,
    updated_at: stamp,
    url,
  };
  putRecord(store, {
    collection: 'log-drain',
    id,
    data,
    parents: { app: app.id },
    owner: app.owner,
  });
  return { status: 201, body: data };
}
