/**
 * App and account features: the catalog lists every feature, each off until
 * enabled; enabling one affects that app (or that account) alone, kept as a
 * per-app or per-account setting next to the shared catalog entry.
 */
import type { JsonObject, Store, StoredRecord } from '../../store/store.js';
import type { Behaviour, BehaviourContext, BehaviourResult } from '../context.js';
import { uuidFrom } from '../generic.js';
import { bodyOf } from './common.js';

/** Internal collection of per-app and per-account feature settings. */
const SETTINGS = '_feature-setting';

/** Feature handlers by link id. */
export const featureBehaviours: Readonly<Record<string, Behaviour>> = {
  'app-feature.list': (ctx) => list(ctx, 'app-feature', appScope(ctx)),
  'app-feature.info': (ctx) => info(ctx, ctx.resolve('app_feature_id_or_name'), appScope(ctx)),
  'app-feature.update': (ctx) => update(ctx, ctx.resolve('app_feature_id_or_name'), appScope(ctx)),
  'account-feature.list': (ctx) => list(ctx, 'account-feature', ctx.account.id),
  'account-feature.info': (ctx) =>
    info(ctx, ctx.resolve('account_feature_id_or_name'), ctx.account.id),
  'account-feature.update': (ctx) =>
    update(ctx, ctx.resolve('account_feature_id_or_name'), ctx.account.id),
};

function appScope(ctx: BehaviourContext): string {
  return ctx.resolve('app_id_or_name').id;
}

function settingId(scope: string, feature: StoredRecord): string {
  return uuidFrom(`feature:${scope}:${feature.id}`);
}

/** A catalog feature as seen from `scope` (an app or account id). */
function asSeen(store: Store, feature: StoredRecord, scope: string): JsonObject {
  const setting = store.get(SETTINGS, settingId(scope, feature));
  if (setting === undefined) return { ...feature.data, enabled: false };
  return { ...feature.data, enabled: setting.data.enabled === true, updated_at: setting.data.at };
}

function list(ctx: BehaviourContext, collection: string, scope: string): BehaviourResult {
  const { store } = ctx.services;
  const features = store.find(collection).filter((f) => f.owner === null);
  return { body: features.map((f) => asSeen(store, f, scope)) };
}

function info(ctx: BehaviourContext, feature: StoredRecord, scope: string): BehaviourResult {
  return { body: asSeen(ctx.services.store, feature, scope) };
}

function update(ctx: BehaviourContext, feature: StoredRecord, scope: string): BehaviourResult {
  const { store } = ctx.services;
  const enabled = bodyOf(ctx).enabled;
  if (typeof enabled === 'boolean') {
    store.put({
      collection: SETTINGS,
      id: settingId(scope, feature),
      data: { enabled, at: ctx.services.now().toISOString() },
      parents: feature.collection === 'app-feature' ? { app: scope } : {},
      owner: ctx.account.id,
    });
  }
  return info(ctx, feature, scope);
}
