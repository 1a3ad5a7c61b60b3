/**
 * App links: create with Heroku's name rules and defaults, rename (the name is
 * claimed again, git and web URLs follow), maintenance, build stack, delete
 * with everything hanging off the app, and the three ways to list apps.
 */

import type { JsonObject, Store, StoredRecord } from '../../store/store.js';
import type { Behaviour, BehaviourContext } from '../context.js';
import { ensureDefaultDomain } from '../platform/domains.js';
import { byUser, logApi } from './app-log.js';
import { claimAppName } from './app-names.js';
import { catalogEntry, createApp, gitUrl, webUrl, webUrlSuffix } from './app-record.js';
import { isObject, save, stringAt } from './records.js';
import { visibleApps } from './visible-apps.js';

/** App link handlers. */
export const appBehaviours: Readonly<Record<string, Behaviour>> = {
  'app.create': (ctx) => {
    const input = isObject(ctx.body) ? ctx.body : {};
    const app = createApp(ctx.services, ctx.account, {
      name: stringAt(input, 'name'),
      region: referenceOf(input.region),
      stack: referenceOf(input.stack),
    });
    return { body: app.data };
  },

  'app.info': (ctx) => ({ body: ctx.resolve('app_id_or_name').data }),

  'app.update': (ctx) => ({ body: updateApp(ctx, ctx.resolve('app_id_or_name')) }),

  'app.delete': (ctx) => {
    const app = ctx.resolve('app_id_or_name');
    for (const dyno of ctx.services.store.find('dyno', { parents: { app: app.id } })) {
      ctx.services.hooks.stopDyno?.(dyno.id);
    }
    removeWithChildren(ctx.services.store, app);
    ctx.services.hooks.forgetApp?.(app.id);
    return { body: app.data };
  },

  'app.list': (ctx) => ({ body: visibleApps(ctx.services.store, ctx.account) }),

  // Owned and collaborated apps: team apps are listed elsewhere.
  'app.listOwnedAndCollaborated': (ctx) => ({
    body: visibleApps(ctx.services.store, ctx.account).filter(
      (app) => app.team === null || app.team === undefined,
    ),
  }),

  'filter-apps.apps': (ctx) => {
    const filter = isObject(ctx.body) && isObject(ctx.body.in) ? ctx.body.in.id : undefined;
    const ids = Array.isArray(filter) ? filter.map(String) : [];
    const apps = visibleApps(ctx.services.store, ctx.account);
    return { body: apps.filter((app) => ids.includes(String(app.id))) };
  },
};

function updateApp(ctx: BehaviourContext, app: StoredRecord): JsonObject {
  const { store } = ctx.services;
  const body = isObject(ctx.body) ? ctx.body : {};
  const data: JsonObject = { ...app.data, updated_at: ctx.services.now().toISOString() };
  const by = byUser(ctx.account.email);

  const name = stringAt(body, 'name');
  if (name !== undefined && name !== app.data.name) {
    claimAppName(store, name, app.id);
    logApi(ctx.services, app.id, `Rename from ${String(app.data.name)} to ${name} ${by}`);
    data.name = name;
    data.git_url = gitUrl(name);
    data.web_url = webUrl(name, webUrlSuffix(app));
    // The default `heroku` domain follows the new web_url host.
    ensureDefaultDomain(ctx.services, { ...app, data });
  }
  if (typeof body.maintenance === 'boolean' && body.maintenance !== app.data.maintenance) {
    const change = body.maintenance ? 'Enable' : 'Disable';
    logApi(ctx.services, app.id, `${change} maintenance mode ${by}`);
    data.maintenance = body.maintenance;
  }
  const buildStack = referenceOf(body.build_stack);
  if (buildStack !== undefined) {
    const stack = catalogEntry(store, 'stack', buildStack);
    data.build_stack = { id: stack.id, name: stack.data.name };
  }
  return save(store, app, data);
}

/** Deletes `record` and, recursively, every record hanging off it. */
function removeWithChildren(store: Store, record: StoredRecord): void {
  store.delete(record.collection, record.id);
  for (const collection of store.collections()) {
    for (const child of store.find(collection, { parents: { [record.collection]: record.id } })) {
      removeWithChildren(store, child);
    }
  }
}

/** A reference given as a bare id or name, or as `{ id }` / `{ name }`. */
function referenceOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return stringAt(value, 'name') ?? stringAt(value, 'id');
}
