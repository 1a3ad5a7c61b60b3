/**
 * Add-on and attachment records: where they live, how they are found, and how
 * an add-on is answered, with the plan and service expanded in full when the
 * caller asks for it (`Accept-Expansion: addon_service,plan`, as the official
 * CLI does).
 */
import { notFound } from '../../../http/errors.js';
import { setOwn } from '../../../shapes/own-members.js';
import { serialise } from '../../../shapes/serialise.js';
import type { JsonObject, Store, StoredRecord } from '../../../store/store.js';
import type { BehaviourContext, BehaviourResult } from '../../context.js';
import { objectShape } from '../../records.js';
import { stringAt } from '../common.js';

/** Internal collection of each add-on's config values by suffix (`{ URL: '...' }`). */
const ADDON_CONFIG = '_addon-config';

/** The config values an add-on provides, by suffix. */
export function addonValues(store: Store, addonId: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(store.get(ADDON_CONFIG, addonId)?.data ?? {})) {
    if (typeof value === 'string') setOwn(values, key, value);
  }
  return values;
}

/** Keeps the config values of an add-on. */
export function storeAddonValues(store: Store, addon: StoredRecord, values: JsonObject): void {
  store.put({
    collection: ADDON_CONFIG,
    id: addon.id,
    data: values,
    parents: { 'add-on': addon.id },
    owner: addon.owner,
  });
}

/** Forgets the config values of an add-on. */
export function dropAddonValues(store: Store, addonId: string): void {
  store.delete(ADDON_CONFIG, addonId);
}

/** Attachments of an add-on, on any app. */
export function attachmentsOfAddon(store: Store, addonId: string): StoredRecord[] {
  return store.find('add-on-attachment', { parents: { 'add-on': addonId } });
}

/** Attachments on an app. */
export function attachmentsOnApp(store: Store, appId: string): StoredRecord[] {
  return store.find('add-on-attachment', { parents: { app: appId } });
}

/** Add-ons an app owns or has attached, oldest first. */
export function addonsOfApp(store: Store, appId: string): StoredRecord[] {
  const ids = new Set(attachmentsOnApp(store, appId).map((a) => a.parents['add-on']));
  return store.find('add-on').filter((addon) => addon.parents.app === appId || ids.has(addon.id));
}

/** The catalog plan named by an id, `service:plan`, or a service alone (its default plan). */
export function findPlan(store: Store, identity: string): StoredRecord {
  const plans = store.find('plan');
  const exact = plans.find((p) => p.id === identity || p.data.name === identity);
  if (exact !== undefined) return exact;
  const ofService = plans.filter((p) => String(p.data.name).startsWith(`${identity}:`));
  const found = ofService.find((p) => p.data.default === true) ?? ofService[0];
  if (found === undefined) throw notFound('plan');
  return found;
}

/** The add-on service a plan belongs to. */
export function serviceOf(store: Store, plan: StoredRecord): StoredRecord {
  const id = plan.parents['add-on-service'] ?? stringAt(plan.data.addon_service, 'id') ?? '';
  const service = store.get('add-on-service', id);
  if (service === undefined) throw notFound('add-on-service');
  return service;
}

/** The expansions the caller asked for in `Accept-Expansion`. */
function expansions(ctx: BehaviourContext): Set<string> {
  const header = ctx.headers['accept-expansion'];
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  return new Set(
    text
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean),
  );
}

/** One add-on as the link's target shape serves it, expanded as asked. */
export function presentAddon(ctx: BehaviourContext, data: JsonObject): JsonObject {
  const { shapes, store } = ctx.services;
  const target = objectShape(shapes['add-on']?.targets[ctx.link.id] ?? shapes['add-on']?.resource);
  const out = serialise(data, target) as JsonObject;
  const wanted = expansions(ctx);
  const expand = (key: string, collection: string) => {
    const id = stringAt(data[key], 'id');
    const record = id === undefined ? undefined : store.get(collection, id);
    if (wanted.has(key) && record !== undefined) {
      out[key] = serialise(record.data, shapes[collection]?.resource);
    }
  };
  expand('addon_service', 'add-on-service');
  expand('plan', 'plan');
  return out;
}

/** A behaviour answer of add-ons, already serialised. */
export function addonAnswer(
  ctx: BehaviourContext,
  body: JsonObject | JsonObject[],
  status?: number,
): BehaviourResult {
  const shaped = Array.isArray(body)
    ? body.map((item) => presentAddon(ctx, item))
    : presentAddon(ctx, body);
  return status === undefined
    ? { body: shaped, serialised: true }
    : { status, body: shaped, serialised: true };
}
